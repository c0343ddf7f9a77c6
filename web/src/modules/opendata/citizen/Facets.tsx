import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { Button } from '../../../components/Button.tsx';
import { FACET_FIELDS, type FacetField, type FacetItem, type SearchResult } from '../types.ts';
import type { CatalogState } from './search-state.ts';

/** Values shown per facet before 「すべて表示」 (a phone screen holds about this many). */
const FIRST = 8;

/** A stable, valid element id for a facet value (values may hold spaces and any script). */
const idOf = (field: string, i: number) => `od-${field}-${i}`;

/**
 * The facet filters as checkbox groups with counts: 組織, 分類, タグ, 形式, ライセンス. Ticking one
 * narrows the results at once (the result count is announced by the page); chosen values always show,
 * even past the first few.
 */
export function Facets({ state, facets, label, onToggle }: {
  state: CatalogState;
  facets: SearchResult['search_facets'];
  label(field: FacetField, item: FacetItem): string;
  onToggle(field: FacetField, value: string, on: boolean): void;
}) {
  return <>{FACET_FIELDS.map((f) => <FacetGroup key={f} field={f} items={facets[f]?.items ?? []} chosen={state.facets[f]} label={label} onToggle={onToggle} />)}</>;
}

function FacetGroup({ field, items, chosen, label, onToggle }: {
  field: FacetField; items: FacetItem[]; chosen: string[];
  label(field: FacetField, item: FacetItem): string; onToggle(field: FacetField, value: string, on: boolean): void;
}) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  // A chosen value the server no longer lists (e.g. from an old link) still shows, so it can be unticked.
  const listed = [...items, ...chosen.filter((c) => !items.some((i) => i.name === c)).map((name) => ({ name, display_name: name, count: 0 }))];
  const sorted = [...listed].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'ja'));
  const shown = all ? sorted : sorted.filter((it, i) => i < FIRST || chosen.includes(it.name));
  if (listed.length === 0) return null;
  return (
    <fieldset className="mb-6">
      <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t(`opendata.facet_${field}`)}</legend>
      <ul>
        {shown.map((it) => {
          const id = idOf(field, sorted.indexOf(it));
          const on = chosen.includes(it.name);
          return (
            <li key={it.name} className="mb-2 flex items-start gap-3">
              <input id={id} type="checkbox" checked={on} onChange={(e) => onToggle(field, it.name, e.target.checked)}
                className="mt-1 size-6 shrink-0 accent-key-900" />
              <label htmlFor={id} className="text-std-16N-170 text-solid-gray-900">{t('opendata.facet_value', { label: label(field, it), n: it.count })}</label>
            </li>
          );
        })}
      </ul>
      {sorted.length > shown.length && (
        <Button variant="tertiary" size="sm" onClick={() => setAll(true)}>{t('opendata.facet_more', { n: sorted.length })}</Button>
      )}
    </fieldset>
  );
}
