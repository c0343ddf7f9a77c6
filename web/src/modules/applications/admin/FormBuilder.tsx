import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useParams } from '../../../app/routes.tsx';
import { useBlocker } from '../../../app/router.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { ApiError } from '../../../app/api.ts';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Button } from '../../../components/Button.tsx';
import { checkDefinition, type FormDefinition } from '../form/engine.ts';
import { procedures, type AdminProcedure } from '../admin-api.ts';
import { BuilderContext, type Builder } from './builder/context.ts';
import { emptyDefinition, locId, type ProblemTarget } from './builder/ops.ts';
import { focusLater } from './builder/controls.tsx';
import { PageList } from './builder/PageList.tsx';
import { PageEditor } from './builder/PageEditor.tsx';
import { ComputedEditor } from './builder/ComputedEditor.tsx';
import { Preview } from './builder/Preview.tsx';
import { Problems } from './builder/Problems.tsx';
import { Tabs } from './builder/Tabs.tsx';
import { ConfirmDialog, StateBadge } from './parts.tsx';

/** The definition to edit: the draft if there is one, else a copy of the live version, else an empty form. */
async function loadDefinition(api: Parameters<typeof procedures.get>[0], id: string): Promise<{ procedure: AdminProcedure; definition: FormDefinition }> {
  const procedure = await procedures.get(api, id);
  const versionId = procedure.draftVersionId ?? procedure.liveVersionId
    ?? (await procedures.versions(api, id)).sort((a, b) => b.version - a.version)[0]?.id;
  const definition = versionId ? (await procedures.version(api, id, versionId)).definition : emptyDefinition({ ja: procedure.titleJa });
  return { procedure, definition };
}

/** フォームの作成: edit the procedure's draft form (pages, sections, fields, rules, conditions, computed values), check it live, preview it, save and publish. */
export function FormBuilder() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const load = useLoad(() => loadDefinition(api, id), [api, id]);
  const [def, setDef] = useState<FormDefinition | null>(null);
  const [procedure, setProcedure] = useState<AdminProcedure | null>(null);
  const [gen, setGen] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [tab, setTab] = useState<'edit' | 'preview'>('edit');
  const [said, announce] = useState('');
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (load.data) { setDef(load.data.definition); setProcedure(load.data.procedure); }
  }, [load.data]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // Leaving by a link inside the app with unsaved changes asks first (beforeunload covers the rest).
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  useBlocker(dirty, (proceed) => setLeaving(() => proceed));
  const problems = useMemo(() => (def ? checkDefinition(def) : []), [def]);
  const builder = useMemo<Builder | null>(() => def && ({
    def, open, setOpen, announce, gen,
    update: (change, structural) => {
      setDef((d) => { if (!d) return d; const copy = structuredClone(d); change(copy); return copy; });
      if (structural) setGen((g) => g + 1);
      setDirty(true);
      setStatus(null);
    },
  }), [def, open, gen]);

  const save = async (): Promise<boolean> => {
    if (!def) return false;
    setBusy(true);
    setStatus(null);
    try {
      const v = await procedures.saveDraft(api, id, def);
      setDirty(false);
      setProcedure(await procedures.get(api, id));
      setStatus({ kind: 'success', text: t('applications.builder.saved', { n: v.version }) });
      return true;
    } catch (e) {
      setStatus({ kind: 'error', text: (e instanceof ApiError && e.message) || t('error.generic') });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    setAsking(false);
    if (dirty || !procedure?.draftVersionId) { if (!(await save())) return; }
    setBusy(true);
    try {
      await procedures.action(api, id, 'publish');
      const p = await procedures.get(api, id);
      setProcedure(p);
      setStatus({ kind: 'success', text: t('applications.builder.published', { n: p.liveVersion ?? '' }) });
    } catch (e) {
      setStatus({ kind: 'error', text: (e instanceof ApiError && e.message) || t('error.generic') });
    } finally {
      setBusy(false);
    }
  };
  const go = (target: ProblemTarget, focusId: string) => {
    setTab('edit');
    if (target.page !== undefined) setPage(target.page);
    if (target.page !== undefined && target.section !== undefined && target.path) setOpen(locId({ page: target.page, section: target.section, path: target.path }));
    focusLater(focusId);
  };
  const title = procedure ? t('applications.builder.title_named', { name: procedure.titleJa }) : t('applications.builder.title');
  return (
    <Page title={title} crumbs={[
      { href: to('/admin/applications/procedures'), label: t('applications.procedures.title') },
      ...(procedure ? [{ href: to(`/admin/applications/procedures/${id}`), label: procedure.titleJa }] : []),
    ]}>
      <Loaded load={load}>{() => builder && procedure && (
        <BuilderContext.Provider value={builder}>
          <p className="sr-only" aria-live="polite">{said}</p>
          <div className="mb-4 flex flex-wrap items-center gap-3 text-std-16N-170">
            <StateBadge state={procedure.state} />
            {procedure.liveVersion !== null && <span>{t('applications.builder.live_is', { n: procedure.liveVersion })}</span>}
            {procedure.draftVersion !== null && <span>{t('applications.builder.draft_is', { n: procedure.draftVersion })}</span>}
          </div>
          {procedure.liveVersion !== null && procedure.draftVersion === null && <Notice kind="info">{t('applications.builder.new_version_note', { n: procedure.liveVersion })}</Notice>}
          {status && <Notice kind={status.kind} live>{status.text}</Notice>}
          <div className="sticky top-0 z-10 -mx-2 mb-6 flex flex-wrap items-center gap-3 border-b border-solid-gray-420 bg-white px-2 py-3">
            <Button busy={busy} onClick={() => void save()}>{t('applications.builder.save')}</Button>
            <Button variant="secondary" busy={busy} disabled={problems.length > 0 || (!dirty && !procedure.draftVersionId && procedure.liveVersion !== null)} onClick={() => setAsking(true)}>{t('applications.builder.publish')}</Button>
            <span className="text-std-16N-170 text-solid-gray-700" aria-live="polite">{dirty ? t('applications.builder.unsaved') : t('applications.builder.all_saved')}</span>
          </div>
          <Problems def={builder.def} problems={problems} onGo={go} />
          <Tabs<'edit' | 'preview'> id="builder" label={t('applications.builder.tabs')} active={tab} onChange={setTab}
            tabs={[{ key: 'edit', label: t('applications.builder.tab_edit') }, { key: 'preview', label: t('applications.builder.tab_preview') }]}>
            {tab === 'edit' ? (
              <div className="grid gap-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
                <div><PageList selected={Math.min(page, builder.def.pages.length - 1)} onSelect={setPage} /></div>
                <div>
                  <PageEditor key={`${gen}-${page}`} index={Math.min(page, builder.def.pages.length - 1)} />
                  <ComputedEditor />
                </div>
              </div>
            ) : <Preview def={builder.def} />}
          </Tabs>
          <ConfirmDialog open={asking} busy={busy} title={t('applications.builder.publish_title')} confirmLabel={t('applications.builder.publish')}
            body={<>{dirty && <p className="mb-2">{t('applications.builder.publish_saves')}</p>}<p>{t('applications.builder.publish_body')}</p></>}
            onConfirm={() => void publish()} onClose={() => setAsking(false)} />
          <ConfirmDialog open={leaving !== null} variant="danger" title={t('applications.builder.leave_title')} confirmLabel={t('applications.builder.leave')}
            body={<p>{t('applications.builder.leave_body')}</p>} onConfirm={() => { const go = leaving; setLeaving(null); go?.(); }} onClose={() => setLeaving(null)} />
        </BuilderContext.Provider>
      )}</Loaded>
    </Page>
  );
}
