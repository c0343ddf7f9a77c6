import { useEffect, useMemo, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { datastoreSearch } from '../api.ts';
import type { CkanResource } from '../types.ts';
import { cellText } from './text.ts';
import './map.css';

/** Rows put on the map at most (a preview: the download has them all). */
const MAP_ROWS = 500;
const TILES = 'https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png';
const TILES_ABOUT = 'https://maps.gsi.go.jp/development/ichiran.html';

interface Point { lat: number; lng: number; label: string }

/** Rows with a valid latitude and longitude as points named by the name column (or the row number). */
function pointsOf(records: Record<string, unknown>[], c: { lat: string; lng: string; name: string | null }): Point[] {
  return records.flatMap((r, i) => {
    const lat = Number(r[c.lat]);
    const lng = Number(r[c.lng]);
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return [];
    return [{ lat, lng, label: (c.name ? cellText(r[c.name]) : '') || `#${String(r._id ?? i + 1)}` }];
  });
}

/**
 * The rows of a tabular resource as circle markers on 地理院タイル (Leaflet), each with a popup of its
 * name; zoomed to fit them. Supplementary to the table, so it is a labelled region and nothing more.
 */
export default function PointMap({ resource, name, columns }: { resource: CkanResource; name: string; columns: { lat: string; lng: string; name: string | null } }) {
  const { t } = useI18n();
  const { api } = useTenant();
  const { data } = useLoad(() => datastoreSearch(api, resource.id, 0, MAP_ROWS), [api, resource.id]);
  const box = useRef<HTMLDivElement>(null);
  const points = useMemo(() => (data ? pointsOf(data.records, columns) : []), [data, columns.lat, columns.lng, columns.name]);
  const zoomIn = t('opendata.map_zoom_in');
  const zoomOut = t('opendata.map_zoom_out');
  const tiles = t('opendata.map_tiles');
  useEffect(() => {
    if (!box.current || points.length === 0) return;
    const map = L.map(box.current, { zoomControl: false, scrollWheelZoom: false, attributionControl: false });
    L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(map);
    const credit = document.createElement('a');
    credit.href = TILES_ABOUT;
    credit.textContent = tiles;
    L.control.attribution({ prefix: false }).addAttribution(credit.outerHTML).addTo(map);
    L.tileLayer(TILES, { minZoom: 5, maxZoom: 18 }).addTo(map);
    const markers = points.map((p) => {
      const label = document.createElement('span');
      label.textContent = p.label; // a text node: names from a CSV are never read as HTML
      return L.circleMarker([p.lat, p.lng], { radius: 8, color: '#0017c1', weight: 2, fillColor: '#4979f5', fillOpacity: 0.8 }).bindPopup(label);
    });
    const group = L.featureGroup(markers).addTo(map);
    map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 16 });
    return () => { map.remove(); };
  }, [points, zoomIn, zoomOut, tiles]);
  if (points.length === 0) return null;
  return (
    <figure className="mb-4">
      <div ref={box} role="region" aria-label={t('opendata.map_label', { name })} className="od-map h-80 w-full rounded-8 border border-solid-gray-420 bg-solid-gray-50" data-testid="opendata-map" />
      <figcaption className="mt-2 text-dns-16N-130 text-solid-gray-800">{t('opendata.map_hint', { n: points.length })}</figcaption>
    </figure>
  );
}
