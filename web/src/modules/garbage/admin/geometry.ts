import type { Geometry } from '../admin-api.ts';

/** Why a GeoJSON text is not a usable area polygon (an i18n key with params), or the parsed geometry. */
export function parseGeometry(text: string): { geometry: Geometry | null } | { error: string; params?: Record<string, string | number> } {
  if (!text.trim()) return { geometry: null };
  let g: unknown;
  try { g = JSON.parse(text); } catch { return { error: 'garbage.admin.geo_json' }; }
  const obj = g as { type?: string; coordinates?: unknown; geometry?: unknown };
  // A pasted Feature is unwrapped: staff often copy one from geojson.io.
  if (obj?.type === 'Feature' && obj.geometry) return parseGeometry(JSON.stringify(obj.geometry));
  if (obj?.type !== 'Polygon' && obj?.type !== 'MultiPolygon') return { error: 'garbage.admin.geo_type' };
  const polygons = (obj.type === 'Polygon' ? [obj.coordinates] : obj.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0) return { error: 'garbage.admin.geo_type' };
  for (const rings of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) return { error: 'garbage.admin.geo_type' };
    for (const ring of rings) {
      if (!Array.isArray(ring) || ring.length < 4) return { error: 'garbage.admin.geo_ring' };
      for (const p of ring) {
        if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) return { error: 'garbage.admin.geo_position' };
      }
      const [a, b] = [ring[0] as number[], ring[ring.length - 1] as number[]];
      if (a[0] !== b[0] || a[1] !== b[1]) return { error: 'garbage.admin.geo_closed' };
    }
  }
  return { geometry: { type: obj.type, coordinates: obj.coordinates as unknown[] } };
}
