import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Link, navigate, useLocation } from '../../../app/router.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Loading, Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Button } from '../../../components/Button.tsx';
import { Select } from '../../../components/fields.tsx';
import { PAGE_SIZE, packageSearch } from '../api.ts';
import { FACET_FIELDS, type FacetField } from '../types.ts';
import { chosenCount, readState, SORTS, toggleFacet, toQuery, writeState, type CatalogState } from './search-state.ts';
import { Facets } from './Facets.tsx';
import { ResultList } from './ResultList.tsx';
import { facetLabeler, useLicenses, useOrgsAndGroups } from './useNames.ts';

const SORT_KEYS: Record<string, string> = { '': 'opendata.sort_relevance', 'metadata_modified desc': 'opendata.sort_newest', 'title_string asc': 'opendata.sort_title' };

/**
 * `/t/{slug}/opendata`: the catalog search. Keywords, facet checkboxes, sort and page all live in the
 * URL query, so a search can be bookmarked or shared and Back undoes the last change.
 */
export function CatalogPage() {
  const { t, lang, pick } = useI18n();
  const { api, portal, to } = useTenant();
  const { search, key } = useLocation();
  // `key` is the query's identity: a new state object only when the URL changed.
  const state = useMemo(() => readState(search), [key]);
  // The answer remembers which query it is for, so the results of the previous one show as busy meanwhile.
  const load = useLoad(() => packageSearch(api, toQuery(state)).then((result) => ({ key, result })), [api, state]);
  const licenses = useLicenses(api, lang);
  const names = useOrgsAndGroups(api, lang);
  const data = load.data?.result ?? null;
  const stale = !!load.data && load.data.key !== key;
  const label = facetLabeler(lang, names, licenses);
  const go = (s: CatalogState) => navigate(`${to('/opendata')}${writeState(s)}`);
  const [q, setQ] = useState(state.q);
  useEffect(() => setQ(state.q), [state.q]); // Back to an earlier search shows its words again.
  // Filters start open where there is room, or when some are chosen; on a phone the results come first.
  const [filtersOpen] = useState(() => chosenCount(state) > 0 || window.matchMedia('(min-width: 48rem)').matches);

  return (
    <Page title={t('opendata.title')} site={portal ? pick(portal.tenant.name) : undefined} lead={t('opendata.lead')}>
      <form role="search" className="mb-6" onSubmit={(e) => { e.preventDefault(); go({ ...state, q: q.trim(), page: 1 }); }}>
        <label htmlFor="od-q" className="mb-1 block text-std-17B-170">{t('opendata.search_label')}</label>
        <p id="od-q-hint" className="mb-1 text-std-16N-170 text-solid-gray-700">{t('opendata.search_hint')}</p>
        <div className="flex gap-2">
          <input id="od-q" type="search" className="field-input min-w-0 flex-1" value={q} onChange={(e) => setQ(e.target.value)}
            aria-describedby="od-q-hint" autoComplete="off" enterKeyHint="search" />
          <Button type="submit">{t('opendata.search_submit')}</Button>
        </div>
      </form>
      <div className="md:flex md:items-start md:gap-8">
        <details open={filtersOpen} className="mb-6 rounded-8 border border-solid-gray-420 bg-white p-4 md:w-72 md:shrink-0">
          <summary className="cursor-pointer text-std-17B-170 text-key-900">
            {chosenCount(state) > 0 ? t('opendata.filters_chosen', { n: chosenCount(state) }) : t('opendata.filters')}
          </summary>
          <div className="mt-4">
            {data && <Facets state={state} facets={data.search_facets} label={label} onToggle={(f: FacetField, v, on) => go(toggleFacet(state, f, v, on))} />}
            {chosenCount(state) > 0 && (
              <Link href={`${to('/opendata')}${writeState({ ...state, facets: Object.fromEntries(FACET_FIELDS.map((f) => [f, []])) as unknown as CatalogState['facets'], page: 1 })}`}
                className="text-std-16N-170">{t('opendata.clear_filters')}</Link>
            )}
          </div>
        </details>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-end justify-between gap-x-6">
            <p role="status" className="mb-4 text-std-20B-150" data-testid="opendata-count">{data ? t('opendata.count', { n: data.count }) : ''}</p>
            <Select id="od-sort" label={t('opendata.sort_label')} noTag className="!mb-4 w-full sm:w-64" value={state.sort}
              onChange={(v) => go({ ...state, sort: v, page: 1 })} options={SORTS.map((s) => ({ value: s, label: t(SORT_KEYS[s]!) }))} />
          </div>
          {load.error && <Notice kind="error" live>{load.error.message || t('error.generic')}</Notice>}
          {!data && !load.error && <Loading />}
          {data && data.count === 0 && <p className="text-std-16N-170">{t('opendata.none')}</p>}
          {data && data.results.length > 0 && <div aria-busy={stale || undefined}><ResultList results={data.results} licenses={licenses} /></div>}
          {data && <Paging state={state} count={data.count} />}
        </div>
      </div>
    </Page>
  );
}

/** Previous / next page links (real links: the page is in the URL). */
function Paging({ state, count }: { state: CatalogState; count: number }) {
  const { t } = useI18n();
  const { to } = useTenant();
  const pages = Math.ceil(count / PAGE_SIZE);
  if (pages <= 1) return null;
  const href = (page: number) => `${to('/opendata')}${writeState({ ...state, page })}`;
  const link = 'inline-flex min-h-12 items-center rounded-8 border-2 border-key-900 px-4 text-std-16B-170 text-key-900';
  return (
    <nav aria-label={t('paging.label')} className="mt-6 flex flex-wrap items-center gap-4">
      {state.page > 1 && <Link href={href(state.page - 1)} className={link} rel="prev">{t('opendata.prev_page')}</Link>}
      <p className="text-std-16N-170">{t('opendata.page_of', { page: Math.min(state.page, pages), pages })}</p>
      {state.page < pages && <Link href={href(state.page + 1)} className={link} rel="next">{t('opendata.next_page')}</Link>}
    </nav>
  );
}
