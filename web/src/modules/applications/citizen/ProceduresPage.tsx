import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Link, navigate, useLocation } from '../../../app/router.tsx';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Button } from '../../../components/Button.tsx';
import { citizenApi, type ProcedureSummary } from '../citizen-api.ts';
import { IdentityBadge, OpenBadge } from './badges.tsx';
import { MyApplications } from './MyApplications.tsx';

/** `/t/{slug}/applications`: find a procedure by words or category; signed-in citizens also see their own. */
export function ProceduresPage() {
  const { t, lang, pick } = useI18n();
  const { slug, portal, me, to } = useTenant();
  const { search } = useLocation();
  const query = search.get('q') ?? '';
  const category = search.get('category') ?? '';
  const [text, setText] = useState(query);
  const api = citizenApi(slug);
  const load = useLoad(() => api.procedures({ q: query || undefined, category: category || undefined, lang }), [slug, query, category, lang]);
  const go = (q: string, c: string) => {
    const p = new URLSearchParams();
    if (q) p.set('q', q);
    if (c) p.set('category', c);
    navigate(`${to('/applications')}${p.toString() ? `?${p}` : ''}`, { replace: true });
  };
  const submit = (e: FormEvent) => { e.preventDefault(); go(text.trim(), category); };
  return (
    <Page title={t('applications.title')} site={portal ? pick(portal.tenant.name) : undefined} lead={t('applications.lead')}>
      {me?.kind === 'citizen' && <MyApplications />}
      <p className="mb-6 text-std-16N-170">
        <Link href={to('/applications/status')}>{t('applications.status_link')}</Link>
      </p>
      <form role="search" onSubmit={submit} className="mb-4 flex flex-wrap items-end gap-3" aria-label={t('applications.search_label')}>
        <div className="min-w-0 flex-1 basis-60">
          <label htmlFor="proc-q" className="mb-1 block text-std-17B-170 text-solid-gray-900">{t('applications.search_label')}</label>
          <input id="proc-q" type="search" value={text} onChange={(e) => setText(e.target.value)} className="field-input"
            placeholder={t('applications.search_placeholder')} enterKeyHint="search" />
        </div>
        <Button type="submit">{t('common.search')}</Button>
      </form>
      <Loaded load={load}>{(data) => <>
        {data.categories.length > 0 && (
          <div role="group" aria-label={t('applications.category_filter')} className="mb-6 flex flex-wrap gap-2">
            {[{ id: '', label: t('applications.category_all') }, ...data.categories].map((c) => (
              <button key={c.id || 'all'} type="button" aria-pressed={category === c.id} onClick={() => go(query, c.id)}
                className={`min-h-11 rounded-full border-2 px-4 text-std-16B-170 ${category === c.id ? 'border-key-900 bg-key-900 text-white' : 'border-key-900 bg-white text-key-900 hover:bg-key-50'}`}>
                {c.label}
              </button>
            ))}
          </div>
        )}
        <p role="status" className="mb-4 text-std-16N-170 text-solid-gray-800">{t('applications.result_count', { n: data.items.length })}</p>
        {data.items.length === 0
          ? <p className="text-std-16N-170">{t('applications.none')}</p>
          : <ul className="grid gap-4 md:grid-cols-2">{data.items.map((p) => <ProcedureCard key={p.id} p={p} />)}</ul>}
      </>}</Loaded>
    </Page>
  );
}

function ProcedureCard({ p }: { p: ProcedureSummary }) {
  const { to } = useTenant();
  return (
    <li className="relative flex flex-col gap-2 rounded-12 border border-solid-gray-420 bg-white p-5 hover:border-key-900">
      <h2 className="text-std-20B-150">
        <Link href={to(`/applications/${p.id}`)} className="after:absolute after:inset-0">{p.title}</Link>
      </h2>
      {p.summary && <p className="text-std-16N-170 text-solid-gray-800">{p.summary}</p>}
      <div className="mt-auto flex flex-wrap items-center gap-2 pt-2">
        <OpenBadge open={p.open} />
        <IdentityBadge level={p.identityLevel} />
        {p.departmentName && <span className="text-dns-14N-130 text-solid-gray-700">{p.departmentName}</span>}
      </div>
    </li>
  );
}
