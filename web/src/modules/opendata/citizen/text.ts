import type { Lang } from '../../../app/i18n/index.tsx';
import type { DatastoreField, Translated } from '../types.ts';

/** CKAN's timestamps are UTC without a zone (`2026-04-01T03:00:00.000000`): read them as UTC. */
export function ckanDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  const d = m ? new Date(`${m[1]}${(m[2] ?? '').slice(0, 4)}${m[3] ?? 'Z'}`) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A text of the catalog in the UI language: English for English readers when there is one, else Japanese. */
export function localText(t: Partial<Translated> | null | undefined, fallback: string, lang: Lang): { text: string; lang?: 'ja' } {
  const ja = t?.ja || fallback;
  if (lang === 'ja' || lang === 'ja-easy') return { text: ja };
  return t?.en ? { text: t.en } : { text: ja, lang: 'ja' };
}

/** A size in bytes as people read it: 900 B, 12.3 KB, 4.5 MB (1 KB = 1,024 bytes, as file managers show). */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

const LAT = ['緯度', 'latitude', 'lat', 'y座標'];
const LNG = ['経度', 'longitude', 'lng', 'lon', 'long', 'x座標'];
const NAME = ['名称', '施設名', '設置場所名称', '名前', 'name', 'title'];

function find(fields: DatastoreField[], names: string[]): string | null {
  const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();
  for (const n of names) {
    const hit = fields.find((f) => norm(f.id) === n);
    if (hit) return hit.id;
  }
  return null;
}

/** The columns holding a point (緯度/経度, latitude/longitude, lat/lng) and a name, or null when there is no point. */
export function pointColumns(fields: DatastoreField[]): { lat: string; lng: string; name: string | null } | null {
  const lat = find(fields, LAT);
  const lng = find(fields, LNG);
  return lat && lng ? { lat, lng, name: find(fields, NAME) } : null;
}

/** A cell as text (numbers stay as given, objects as JSON). */
export function cellText(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
