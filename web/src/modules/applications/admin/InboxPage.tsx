import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { Link, navigate, useLocation } from '../../../app/router.tsx';
import { query } from '../../../app/api.ts';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Table } from '../../../components/Table.tsx';
import { Select, TextField } from '../../../components/fields.tsx';
import { Button } from '../../../components/Button.tsx';
import { Pagination } from '../../../components/Pagination.tsx';
import { STATUSES, submissions, type InboxFilter } from '../admin-api.ts';
import { StatusBadge } from './parts.tsx';
import { ProcedureTools, useProcessableProcedures } from './ProcedureTools.tsx';

const LIMIT = 30;
const KEYS = ['procedureId', 'status', 'assignee', 'channel', 'q'] as const;
type Draft = Record<(typeof KEYS)[number], string>;

/** 申請の受付: the submissions this person may process, filtered and paged (filters live in the address, so back returns to them). */
export function InboxPage() {
  const { t, lang } = useI18n();
  const { api, to, me } = useTenant();
  const { search } = useLocation();
  const fromUrl = Object.fromEntries(KEYS.map((k) => [k, search.get(k) ?? ''])) as Draft;
  const offset = Number(search.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState<Draft>(fromUrl);
  const procs = useProcessableProcedures();
  const people = useLoad(() => (fromUrl.procedureId ? submissions.assignees(api, fromUrl.procedureId).catch(() => []) : Promise.resolve([])), [api, fromUrl.procedureId]);
  const filter: InboxFilter = {
    procedureId: fromUrl.procedureId, status: fromUrl.status, channel: fromUrl.channel, q: fromUrl.q,
    assigneeId: fromUrl.assignee === 'me' ? me?.id : fromUrl.assignee, limit: LIMIT, offset,
  };
  const key = JSON.stringify(filter);
  const load = useLoad(() => submissions.list(api, filter), [api, key]);
  const go = (d: Draft, off = 0) => navigate(to(`/admin/applications${query({ ...d, offset: off || undefined })}`), { replace: true });
  const set = (k: keyof Draft) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const apply = (e: FormEvent) => { e.preventDefault(); go(draft); };
  const clear = () => { const empty = Object.fromEntries(KEYS.map((k) => [k, ''])) as Draft; setDraft(empty); go(empty); };
  return (
    <Page title={t('applications.inbox.title')} lead={t('applications.inbox.lead')}>
      <form onSubmit={apply} aria-label={t('applications.inbox.filters')} className="mb-8 rounded-12 bg-solid-gray-50 p-4 md:p-6">
        <div className="grid items-end gap-x-6 sm:grid-cols-2 lg:grid-cols-3">
          <TextField noTag id="inbox-q" label={t('applications.inbox.q')} hint={t('applications.inbox.q_hint')} value={draft.q} onChange={set('q')} className="mb-4" />
          <Select noTag id="inbox-procedure" label={t('applications.inbox.procedure')} value={draft.procedureId} onChange={set('procedureId')} className="mb-4"
            options={[{ value: '', label: t('applications.inbox.any') }, ...(procs.data ?? []).map((p) => ({ value: p.id, label: p.title }))]} />
          <Select noTag id="inbox-status" label={t('applications.inbox.status')} value={draft.status} onChange={set('status')} className="mb-4"
            options={[{ value: '', label: t('applications.inbox.any') }, ...STATUSES.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))]} />
          <Select noTag id="inbox-assignee" label={t('applications.inbox.assignee')} value={draft.assignee} onChange={set('assignee')} className="mb-4"
            options={[{ value: '', label: t('applications.inbox.any') }, { value: 'me', label: t('applications.inbox.me') },
              ...(people.data ?? []).filter((p) => p.id !== me?.id).map((p) => ({ value: p.id, label: p.name }))]} />
          <Select noTag id="inbox-channel" label={t('applications.inbox.channel')} value={draft.channel} onChange={set('channel')} className="mb-4"
            options={[{ value: '', label: t('applications.inbox.any') }, { value: 'online', label: t('applications.channel.online') }, { value: 'counter', label: t('applications.channel.counter') }]} />
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">{t('common.search')}</Button>
          <Button variant="tertiary" onClick={clear}>{t('common.clear')}</Button>
        </div>
      </form>
      <Loaded load={load}>{(data) => <>
        <Table caption={t('applications.inbox.table')} minWidth="64rem" rows={data.items} rowKey={(s) => s.id} empty={t('applications.inbox.none')} columns={[
          { header: t('applications.submission.receipt'), cell: (s) => <Link href={to(`/admin/applications/submissions/${s.id}`)} className="font-mono whitespace-nowrap">{s.receiptNumber}</Link> },
          { header: t('applications.inbox.procedure'), cell: (s) => s.procedureTitle },
          { header: t('applications.submission.applicant'), cell: (s) => s.applicantName || t('applications.submission.no_name') },
          { header: t('applications.inbox.status'), cell: (s) => <StatusBadge status={s.status} /> },
          { header: t('applications.inbox.assignee'), cell: (s) => s.assignee?.name ?? t('applications.submission.unassigned') },
          { header: t('applications.inbox.channel'), cell: (s) => t(`applications.channel.${s.channel}`), className: 'whitespace-nowrap' },
          { header: t('applications.submission.submitted'), cell: (s) => formatDate(s.submittedAt, lang, { time: true }), className: 'whitespace-nowrap' },
          { header: t('applications.submission.updated'), cell: (s) => formatDate(s.updatedAt, lang, { time: true }), className: 'whitespace-nowrap' },
        ]} />
        <Pagination offset={offset} limit={LIMIT} total={data.total} onChange={(o) => go(fromUrl, o)} />
      </>}</Loaded>
      <ProcedureTools procs={procs} selected={fromUrl.procedureId} />
    </Page>
  );
}
