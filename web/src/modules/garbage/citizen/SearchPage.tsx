import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { garbageApi } from '../citizen-api.ts';
import { searchIndex } from '../engine.ts';
import { GarbageShell } from './Shell.tsx';
import { CategoryMark } from './CategoryMark.tsx';
import { pickTexts } from './texts.ts';
import { Localized } from './Localized.tsx';

/** Results follow typing after this pause; the KPI count waits for a query that stays this long. */
const DEBOUNCE_MS = 200;
const COUNT_AFTER_MS = 1200;

/**
 * `/t/{slug}/garbage/search`: the sorting dictionary. The search runs in the browser on the cached
 * bundle with the server's own engine (works offline); the server's /search is called once per
 * settled query only so the city can count searches.
 */
export function SearchPage() {
  const { t } = useI18n();
  return (
    <GarbageShell title={t('garbage.search_title')} lead={t('garbage.search_lead')}>
      {({ derived }) => <Dictionary index={derived.index} />}
    </GarbageShell>
  );
}

function Dictionary({ index }: { index: Parameters<typeof searchIndex>[0] }) {
  const { t, lang } = useI18n();
  const { slug } = useTenant();
  const [q, setQ] = useState('');
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const id = setTimeout(() => setSettled(q.trim()), DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [q]);
  useEffect(() => {
    if (!settled) return;
    const id = setTimeout(() => garbageApi(slug).countSearch(settled), COUNT_AFTER_MS);
    return () => clearTimeout(id);
  }, [settled, slug]);
  const hits = useMemo(() => (settled ? searchIndex(index, settled, { limit: 30 }) : []), [index, settled]);
  return (
    <>
      <form role="search" onSubmit={(e) => e.preventDefault()} className="mb-4">
        <label htmlFor="garbage-q" className="mb-1 block text-std-17B-170">{t('garbage.search_label')}</label>
        <p id="garbage-q-hint" className="mb-1 text-std-16N-170 text-solid-gray-700">{t('garbage.search_hint')}</p>
        <input id="garbage-q" type="search" className="field-input" value={q} onChange={(e) => setQ(e.target.value)}
          aria-describedby="garbage-q-hint" autoComplete="off" enterKeyHint="search" />
      </form>
      <p role="status" className="mb-3 text-std-16N-170 text-solid-gray-800">
        {settled ? (hits.length ? t('garbage.search_results', { n: hits.length }) : t('garbage.search_none')) : ''}
      </p>
      <ul className="grid gap-3" aria-label={t('garbage.search_title')}>
        {hits.map(({ item }) => {
          const category = item.categoryId ? index.categories.get(item.categoryId) ?? null : null;
          const notes = pickTexts(item.notes, lang);
          return (
            <li key={item.id} className="rounded-12 border border-solid-gray-420 bg-white p-4" data-testid="garbage-hit">
              <h2 className="text-std-20B-150"><Localized texts={item.name} lang={lang} /></h2>
              <div className="mt-2"><CategoryMark category={category} lang={lang} fallback={t('garbage.not_collected')} /></div>
              {item.fee !== null && <p className="mt-1 text-std-16B-170">{t('garbage.fee', { fee: item.fee.toLocaleString('ja-JP') })}</p>}
              {notes && <p className="mt-1 text-std-16N-170 text-solid-gray-800"><span className="font-bold">{t('garbage.notes')}：</span><Localized texts={item.notes} lang={lang} /></p>}
              {category && pickTexts(category.howTo, lang) && <p className="mt-1 text-std-16N-170 text-solid-gray-800"><span className="font-bold">{t('garbage.how_to')}：</span><Localized texts={category.howTo} lang={lang} /></p>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
