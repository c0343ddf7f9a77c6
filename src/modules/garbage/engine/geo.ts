// "Where am I": which collection area holds a point. Plain ray casting on WGS84 [lng, lat]
// pairs: areas are a few kilometres wide, so treating degrees as planar coordinates is exact enough.

import type { Area, AreaGeometry } from './types.ts';

/** Even-odd ray casting against one ring (closed or not; the closing edge is implied). */
function inRing(lng: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (xi === undefined || yi === undefined || xj === undefined || yj === undefined) continue;
    if ((yi > lat) !== (yj > lat) && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring (the first) and outside every hole (the others). */
function inPolygon(lng: number, lat: number, rings: number[][][]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !inRing(lng, lat, outer)) return false;
  return !holes.some((hole) => inRing(lng, lat, hole));
}

/** True when the point (WGS84 longitude, latitude) lies in the Polygon or in one of the MultiPolygon's polygons. */
export function pointInGeometry(lng: number, lat: number, geometry: AreaGeometry): boolean {
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return false;
  if (geometry.type === 'Polygon') return inPolygon(lng, lat, geometry.coordinates);
  return geometry.coordinates.some((polygon) => inPolygon(lng, lat, polygon));
}

/** The first area (in the given order) whose geometry holds the point; areas without a geometry never match. */
export function locateArea<A extends Pick<Area, 'geometry'>>(areas: readonly A[], lng: number, lat: number): A | null {
  return areas.find((a) => a.geometry !== null && pointInGeometry(lng, lat, a.geometry)) ?? null;
}
