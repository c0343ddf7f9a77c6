import { createHash } from 'node:crypto';
import { encodeCsv, toCsv } from '../../../core/ja/csv.ts';
import type { DatastoreField } from '../datastore/store.ts';
import { tableOf } from '../datastore/parse.ts';

/** A module's rows rendered for publishing: the three files, the datastore table and the CSV's sha256. */
export interface Rendering {
  csv: Buffer;
  json: Buffer;
  /** Null when the columns hold no coordinates. */
  geojson: Buffer | null;
  hash: string;
  fields: DatastoreField[];
  /** Datastore rows: strings as in the CSV, numbers in int/numeric columns, null for empty cells there (datastore/parse.ts). */
  records: Record<string, unknown>[];
}

const LAT_NAMES = ['緯度', 'lat', 'latitude'];
const LNG_NAMES = ['経度', 'lng', 'lon', 'long', 'longitude'];

/** A cell as the CSV shows it: dates in ISO 8601, objects as JSON, nothing for null. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A JSON value for a cell: dates as ISO strings, everything else as the module gave it. */
function jsonValue(v: unknown): unknown {
  if (v === undefined) return null;
  return v instanceof Date ? v.toISOString() : v;
}

/** The columns holding latitude and longitude (緯度/経度 or lat/lng …), or null when either is missing. */
export function coordinateColumns(columns: string[]): { lat: string; lng: string } | null {
  const find = (names: string[]) => columns.find((c) => names.includes(c.normalize('NFKC').trim().toLowerCase()));
  const lat = find(LAT_NAMES);
  const lng = find(LNG_NAMES);
  return lat && lng ? { lat, lng } : null;
}

/** A number from a coordinate cell, or null when it is missing or not finite. */
function coordinate(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  return Number.isFinite(n) ? n : null;
}

/** A GeoJSON FeatureCollection of the rows with coordinates (points at [lng, lat]); rows without are left out. */
export function toGeoJson(columns: string[], rows: Record<string, unknown>[], coords: { lat: string; lng: string }): Record<string, unknown> {
  const features = [];
  for (const row of rows) {
    const lat = coordinate(row[coords.lat]);
    const lng = coordinate(row[coords.lng]);
    if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: Object.fromEntries(columns.filter((c) => c !== coords.lat && c !== coords.lng).map((c) => [c, jsonValue(row[c])])),
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Renders a module's rows in the published column order: CSV (UTF-8 with BOM, which Excel and Japanese
 * CSV viewers expect), JSON (an array of objects) and GeoJSON when there are coordinates.
 */
export function render(columns: string[], rows: Record<string, unknown>[]): Rendering {
  const cells = rows.map((r) => columns.map((c) => cellText(r[c])));
  const csv = encodeCsv(toCsv([columns, ...cells]), 'utf8-bom').body;
  const json = Buffer.from(JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c) => [c, jsonValue(r[c])]))), null, 1), 'utf8');
  const coords = coordinateColumns(columns);
  const geojson = coords ? Buffer.from(JSON.stringify(toGeoJson(columns, rows, coords)), 'utf8') : null;
  // Typed as an uploaded CSV would be (same inference), so living and uploaded tables filter alike.
  const table = tableOf(columns, cells) ?? { fields: [], rows: [] };
  return { csv, json, geojson, hash: createHash('sha256').update(csv).digest('hex'), fields: table.fields, records: table.rows };
}
