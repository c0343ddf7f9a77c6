import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Loaded } from '../../../components/Loaded.tsx';
import { Pagination } from '../../../components/Pagination.tsx';
import { datastoreSearch, PREVIEW_ROWS } from '../api.ts';
import type { CkanResource, DatastoreResult } from '../types.ts';
import { cellText, localText, pointColumns } from './text.ts';

// Leaflet (~40 kB gzipped) loads only when a dataset has points to show.
const PointMap = lazy(() => import('./PointMap.tsx'));

/**
 * A tabular resource's rows, 20 at a time, in a captioned table that scrolls sideways inside a
 * labelled region; and, when the columns hold 緯度/経度, a map of the rows beside it (supplementary:
 * the table carries the same data).
 */
export function DataPreview({ resource }: { resource: CkanResource }) {
  const { lang } = useI18n();
  const { api } = useTenant();
  const [offset, setOffset] = useState(0);
  const load = useLoad(() => datastoreSearch(api, resource.id, offset), [api, resource.id, offset]);
  const name = localText(resource.name_translated, resource.name, lang).text;
  return (
    <section aria-labelledby={`prev-${resource.id}`} className="mb-8" data-testid="opendata-preview">
      <h3 id={`prev-${resource.id}`} className="mb-3 text-std-20B-150">{name}</h3>
      <Loaded load={load}>{(data) => <>
        <PreviewTable data={data} name={name} offset={offset} />
        {data.total > PREVIEW_ROWS && <Pagination offset={offset} limit={PREVIEW_ROWS} total={data.total} onChange={setOffset} />}
        {pointColumns(data.fields) && (
          <Suspense fallback={null}><PointMap resource={resource} name={name} columns={pointColumns(data.fields)!} /></Suspense>
        )}
      </>}</Loaded>
    </section>
  );
}

function PreviewTable({ data, name, offset }: { data: DatastoreResult; name: string; offset: number }) {
  const { t } = useI18n();
  const fields = data.fields.filter((f) => f.id !== '_id');
  const caption = t('opendata.preview_caption', { name, from: data.total === 0 ? 0 : offset + 1, to: offset + data.records.length, total: data.total });
  return (
    <div className="mb-4 max-h-[32rem] overflow-auto rounded-8 border border-solid-gray-420" role="region" aria-label={t('opendata.preview_region', { name })} tabIndex={0}>
      <table className="w-full border-collapse text-left text-dns-16N-130">
        {/* Read by screen readers; the heading above and the pager below show the same to sighted readers (a visible caption would scroll away). */}
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-solid-gray-50">
          <tr>{fields.map((f) => <th key={f.id} scope="col" className="border-b border-solid-gray-420 px-3 py-2 text-dns-16B-130 whitespace-nowrap">{f.id}</th>)}</tr>
        </thead>
        <tbody>
          {data.records.length === 0 && <tr><td colSpan={Math.max(fields.length, 1)} className="px-3 py-4 text-center">{t('opendata.preview_empty')}</td></tr>}
          {data.records.map((r, i) => (
            <tr key={String(r._id ?? i)} className="border-b border-solid-gray-200 last:border-b-0">
              {fields.map((f) => {
                const text = cellText(r[f.id]);
                // Short values stay on one line (the region scrolls sideways); long ones wrap at a readable width.
                return <td key={f.id} className={`px-3 py-2 align-top ${text.length > 24 ? 'min-w-[16em]' : 'whitespace-nowrap'}`}>{text}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
