import type { Area } from '../engine.ts';
import { pickTexts } from './texts.ts';

const W = 320;

/** [x, y] rings of an area's geometry (outer rings only: holes are too small to matter for choosing). */
function rings(a: Area): number[][][] {
  if (!a.geometry) return [];
  return a.geometry.type === 'Polygon' ? [a.geometry.coordinates[0] ?? []] : a.geometry.coordinates.map((p) => p[0] ?? []);
}

/**
 * The areas' polygons drawn as an SVG, without map tiles (works offline, nothing sent to a map
 * service). Longitudes are scaled by cos(latitude) so shapes keep their proportions. Each area is a
 * link with its name, so taps, Tab + Enter and screen readers all choose it.
 */
export function AreaMap({ areas, lang, hrefOf, onChoose, label }: { areas: Area[]; lang: string; hrefOf(code: string): string; onChoose(code: string): void; label: string }) {
  const drawn = areas.filter((a) => rings(a).length > 0);
  const pts = drawn.flatMap((a) => rings(a).flat());
  if (pts.length === 0) return null;
  const lngs = pts.map((p) => p[0]!);
  const lats = pts.map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos(((minY + maxY) / 2) * Math.PI / 180);
  const pad = 8;
  const scale = (W - 2 * pad) / Math.max((maxX - minX) * k, 1e-9);
  const H = Math.min(Math.max((maxY - minY) * scale + 2 * pad, 160), 480);
  const sy = Math.min(scale, (H - 2 * pad) / Math.max(maxY - minY, 1e-9));
  const s = Math.min(scale, sy);
  const x = (lng: number) => pad + (lng - minX) * k * s;
  const y = (lat: number) => pad + (maxY - lat) * s;
  return (
    <svg role="group" aria-label={label} viewBox={`0 0 ${W} ${Math.ceil(H)}`} className="h-auto w-full max-w-xl rounded-8 border border-solid-gray-420 bg-solid-gray-50">
      {drawn.map((a) => {
        const rs = rings(a);
        const d = rs.map((r) => `M${r.map((p) => `${x(p[0]!).toFixed(1)},${y(p[1]!).toFixed(1)}`).join('L')}Z`).join('');
        // Label at the middle of the largest ring's bounding box: good enough for the convex-ish shapes of 地区.
        const big = rs.reduce((a2, b) => (b.length > a2.length ? b : a2));
        const cx = (Math.min(...big.map((p) => x(p[0]!))) + Math.max(...big.map((p) => x(p[0]!)))) / 2;
        const cy = (Math.min(...big.map((p) => y(p[1]!))) + Math.max(...big.map((p) => y(p[1]!)))) / 2;
        const name = pickTexts(a.name, lang);
        return (
          <a key={a.id} href={hrefOf(a.code)} aria-label={name} className="group cursor-pointer focus:outline-none"
            onClick={(e) => { e.preventDefault(); onChoose(a.code); }}>
            <path d={d} className="fill-key-100 stroke-key-900 group-hover:fill-key-200 group-focus-visible:fill-yellow-300" strokeWidth={1.5} fillRule="evenodd" />
            <text x={cx} y={cy} textAnchor="middle" dominantBaseline="middle" aria-hidden="true" className="fill-solid-gray-900 text-[12px] font-bold">{name}</text>
          </a>
        );
      })}
    </svg>
  );
}
