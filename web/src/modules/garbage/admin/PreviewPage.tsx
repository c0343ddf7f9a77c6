import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLocation } from '../../../app/router.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Select, TextField } from '../../../components/fields.tsx';
import { areas, categories, publishing, type Category, type Collection } from '../admin-api.ts';
import { GarbageNav } from './GarbageNav.tsx';
import { textOf } from './TextsEditor.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import { Swatch } from './Swatch.tsx';
import { todayJst } from './util.ts';

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** What one side of the changes list shows: date and category per line. */
function ChangeList({ title, rows, cats, testId }: { title: string; rows: Collection[]; cats: Category[]; testId: string }) {
  const { t, lang } = useI18n();
  const cat = (id: string) => cats.find((c) => c.id === id);
  return (
    <section className="mb-6" aria-labelledby={`${testId}-h`}>
      <h3 id={`${testId}-h`} className="mb-2 text-std-18B-160">{title}（{rows.length}）</h3>
      {rows.length === 0 ? <p className="text-std-16N-170 text-solid-gray-700">{t('garbage.admin.none')}</p> : (
        <ul className="list-disc pl-6 text-std-16N-170" data-testid={testId}>
          {rows.map((c) => <li key={`${c.date}-${c.categoryId}`}><span className="inline-flex items-center gap-2">{c.date} <Swatch color={cat(c.categoryId)?.color ?? '#767676'} />{textOf(cat(c.categoryId)?.name, lang)}</span></li>)}
        </ul>
      )}
    </section>
  );
}

/** プレビュー: the draft calendar of an area for a month, and what publishing would add or remove. */
export function PreviewPage() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const { search } = useLocation();
  const [area, setArea] = useState(search.get('area') ?? '');
  const [month, setMonth] = useState(search.get('month') ?? todayJst().slice(0, 7));
  const base = useLoad(async () => {
    const [a, c] = await Promise.all([areas.list(api), categories.list(api)]);
    return { areas: a, categories: c };
  }, [api]);
  const chosen = area || base.data?.areas[0]?.id || '';
  const valid = /^\d{4}-\d{2}$/.test(month);
  const preview = useLoad(() => (chosen && valid ? publishing.preview(api, chosen, `${month}-01`, lastDay(month)) : Promise.resolve(null)), [api, chosen, month]);
  return (
    <Page title={t('garbage.admin.section.preview')} crumbs={[{ href: to('/admin/garbage'), label: t('garbage.admin.title') }]}>
      <GarbageNav />
      <Loaded load={base}>
        {(b) => b.areas.length === 0 ? <p className="text-std-16N-170">{t('garbage.admin.no_areas')}</p> : <>
          <div className="flex flex-wrap gap-x-4">
            <Select id="pv-area" label={t('garbage.admin.area')} noTag value={chosen} onChange={setArea} className="md:w-72"
              options={b.areas.map((a) => ({ value: a.id, label: textOf(a.name, lang) }))} />
            <TextField id="pv-month" label={t('garbage.admin.month_field')} noTag type="month" value={month} onChange={setMonth} className="md:w-56"
              error={valid ? undefined : t('garbage.admin.month_invalid')} />
          </div>
          <Loaded load={preview}>
            {(p) => p && <>
              <p className="mb-4 text-std-16N-170" aria-live="polite">{p.publishedVersion ? t('garbage.admin.compared_with', { version: p.publishedVersion }) : t('garbage.admin.never_published')}</p>
              <MonthGrid month={month} collections={p.collections} categories={b.categories} caption={t('garbage.admin.grid_caption', { area: textOf(p.area.name, lang), month })} />
              <h2 className="mb-3 text-std-20B-150">{t('garbage.admin.changes_title')}</h2>
              <ChangeList title={t('garbage.admin.added')} rows={p.changes.added} cats={b.categories} testId="added" />
              <ChangeList title={t('garbage.admin.removed')} rows={p.changes.removed} cats={b.categories} testId="removed" />
            </>}
          </Loaded>
        </>}
      </Loaded>
    </Page>
  );
}
