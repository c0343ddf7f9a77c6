import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Table } from '../../../components/Table.tsx';
import { Button } from '../../../components/Button.tsx';
import { ConfirmDeleteDialog, useConfirmDelete } from '../../../components/ConfirmDeleteDialog.tsx';
import { areas, categories, changes } from '../admin-api.ts';
import { GarbageNav } from './GarbageNav.tsx';
import { textOf } from './TextsEditor.tsx';
import { ExceptionForm } from './ExceptionForm.tsx';
import { SuspensionForm } from './SuspensionForm.tsx';

/** 例外と休止: exceptions per date (cancel / collect / move) and suspension periods; list, add, delete. */
export function ChangesPage() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<{ kind: 'exception' | 'suspension'; id: string; name: string } | null>(null);
  const load = useLoad(async () => {
    const [a, c, e, s] = await Promise.all([areas.list(api), categories.list(api), changes.exceptions(api), changes.suspensions(api)]);
    return { areas: a, categories: c, exceptions: e, suspensions: s };
  }, [api]);
  const del = useConfirmDelete(async () => {
    if (!target) return;
    await (target.kind === 'exception' ? changes.removeException(api, target.id) : changes.removeSuspension(api, target.id));
    del.close();
    load.reload();
  }, setError);
  const ask = (kind: 'exception' | 'suspension', id: string, name: string) => { setError(null); setTarget({ kind, id, name }); del.ask(); };
  return (
    <Page title={t('garbage.admin.section.changes')} crumbs={[{ href: to('/admin/garbage'), label: t('garbage.admin.title') }]}>
      <GarbageNav />
      {error && <Notice kind="error" live>{error}</Notice>}
      <Loaded load={load}>
        {(d) => {
          const areaOpts = d.areas.map((a) => ({ value: a.id, label: textOf(a.name, lang) }));
          const catOpts = d.categories.map((c) => ({ value: c.id, label: textOf(c.name, lang) }));
          const areaName = (id: string | null) => (id ? areaOpts.find((o) => o.value === id)?.label ?? id : t('garbage.admin.all_areas'));
          const catName = (id: string | null) => (id ? catOpts.find((o) => o.value === id)?.label ?? id : t('garbage.admin.all_categories'));
          const names = (ids: string[], of: (id: string) => string, all: string) => (ids.length ? ids.map(of).join('、') : all);
          return <>
            <h2 className="mb-3 text-std-20B-150">{t('garbage.admin.exceptions')}</h2>
            <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('garbage.admin.exceptions_hint')}</p>
            <Table caption={t('garbage.admin.exceptions')} rows={d.exceptions} rowKey={(r) => r.id} empty={t('garbage.admin.none')} minWidth="48rem" columns={[
              { header: t('garbage.admin.date'), cell: (r) => r.date, className: 'whitespace-nowrap' },
              { header: t('garbage.admin.area'), cell: (r) => areaName(r.areaId) },
              { header: t('garbage.admin.category'), cell: (r) => catName(r.categoryId) },
              { header: t('garbage.admin.action'), cell: (r) => (r.action === 'move' ? t('garbage.admin.moved_to', { date: r.to ?? '' }) : t(`garbage.admin.action.${r.action}`)) },
              { header: t('garbage.admin.note'), cell: (r) => textOf(r.note, lang) },
              { header: t('garbage.admin.actions'), cell: (r) => <Button variant="danger" size="sm" onClick={() => ask('exception', r.id, `${r.date} ${catName(r.categoryId)}`)}>{t('common.delete')}<span className="sr-only"> {r.date}</span></Button> },
            ]} />
            <ExceptionForm areas={areaOpts} categories={catOpts} onAdded={load.reload} />
            <h2 className="mb-3 text-std-20B-150">{t('garbage.admin.suspensions')}</h2>
            <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('garbage.admin.suspensions_hint')}</p>
            <Table caption={t('garbage.admin.suspensions')} rows={d.suspensions} rowKey={(r) => r.id} empty={t('garbage.admin.none')} minWidth="48rem" columns={[
              { header: t('garbage.admin.period'), cell: (r) => `${r.from} – ${r.to}`, className: 'whitespace-nowrap' },
              { header: t('garbage.admin.section.areas'), cell: (r) => names(r.areaIds, areaName, t('garbage.admin.all_areas')) },
              { header: t('garbage.admin.section.categories'), cell: (r) => names(r.categoryIds, catName, t('garbage.admin.all_categories')) },
              { header: t('garbage.admin.note'), cell: (r) => textOf(r.note, lang) },
              { header: t('garbage.admin.actions'), cell: (r) => <Button variant="danger" size="sm" onClick={() => ask('suspension', r.id, `${r.from} – ${r.to}`)}>{t('common.delete')}<span className="sr-only"> {r.from} – {r.to}</span></Button> },
            ]} />
            <SuspensionForm areas={areaOpts} categories={catOpts} onAdded={load.reload} />
          </>;
        }}
      </Loaded>
      <ConfirmDeleteDialog state={del} title={t('garbage.admin.change_delete')} name={target?.name ?? ''} />
    </Page>
  );
}
