import { invalid } from '../../../core/http/errors.ts';
import type { AreaGeometry } from '../engine/types.ts';

const MAX_POSITIONS = 20000;

function position(p: unknown, field: string): [number, number] {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw invalid(field, 'must be a position [lng, lat]');
  }
  const [lng, lat] = p as number[];
  if (lng! < -180 || lng! > 180) throw invalid(`${field}[0]`, 'longitude must be between -180 and 180');
  if (lat! < -90 || lat! > 90) throw invalid(`${field}[1]`, 'latitude must be between -90 and 90');
  return [lng!, lat!];
}

function polygon(rings: unknown, field: string, count: { n: number }): number[][][] {
  if (!Array.isArray(rings) || rings.length === 0) throw invalid(field, 'a polygon needs at least one ring');
  return rings.map((ring, i) => {
    const f = `${field}[${i}]`;
    if (!Array.isArray(ring) || ring.length < 4) throw invalid(f, 'a ring needs at least 4 positions');
    count.n += ring.length;
    if (count.n > MAX_POSITIONS) throw invalid(f, `at most ${MAX_POSITIONS} positions`);
    const ps = ring.map((p, j) => position(p, `${f}[${j}]`));
    const [a, b] = [ps[0]!, ps[ps.length - 1]!];
    if (a[0] !== b[0] || a[1] !== b[1]) throw invalid(`${f}[${ps.length - 1}]`, 'a ring must end where it starts');
    return ps;
  });
}

/**
 * A GeoJSON Polygon or MultiPolygon checked position by position (WGS84 [lng, lat] in range, rings
 * closed): a swapped lat/lng or a broken ring names the exact coordinate, e.g. `geometry.coordinates[0][2][1]`.
 */
export function validGeometry(g: { type: string; coordinates: unknown[] } | null, field = 'geometry'): AreaGeometry | null {
  if (!g) return null;
  const count = { n: 0 };
  const f = `${field}.coordinates`;
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(g.coordinates, f, count) };
  if (g.type === 'MultiPolygon') {
    if (!g.coordinates.length) throw invalid(f, 'a MultiPolygon needs at least one polygon');
    return { type: 'MultiPolygon', coordinates: g.coordinates.map((p, i) => polygon(p, `${f}[${i}]`, count)) };
  }
  throw invalid(`${field}.type`, 'must be Polygon or MultiPolygon');
}
