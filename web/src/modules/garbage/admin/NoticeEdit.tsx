import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { navigate, useLocation } from '../../../app/router.tsx';
import { useParams } from '../../../app/routes.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { ApiError } from '../../../app/api.ts';
import { formatDate } from '../../../app/format.ts';
import { Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Button } from '../../../components/Button.tsx';
import { Dialog } from '../../../components/Dialog.tsx';
import { Form, useForm } from '../../../components/form.tsx';
import { Checkbox, CheckboxGroup, Select, TextField } from '../../../components/fields.tsx';
import { EditActions } from '../../../components/EditActions.tsx';
import { ConfirmDeleteDialog, useConfirmDelete } from '../../../components/ConfirmDeleteDialog.tsx';
import { areas, NOTICE_KINDS, notices, type Texts } from '../admin-api.ts';
import { cleanTexts, textOf, TextsEditor } from './TextsEditor.tsx';
import { todayJst, topField } from './util.ts';

interface Values extends Record<string, unknown> { kind: string; allAreas: boolean; areaIds: string[]; title: Texts; body: Texts; startsOn: string; endsOn: string }

const empty = (): Values => ({ kind: 'general', allAreas: true, areaIds: [], title: { ja: '' }, body: { ja: '' }, startsOn: todayJst(), endsOn: todayJst() });

/** Creates or edits a city notice (kind, areas or all, title and body, period) and publishes it, which pushes it. */
export function NoticeEdit() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const isNew = id === 'new';
  const [saved, setSaved] = useState(useLocation().search.get('created') === '1');
  const [asking, setAsking] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [pushed, setPushed] = useState<number | null>(null);
  const areaList = useLoad(() => areas.list(api), [api]);
  // There is no GET /notices/:id: the notice comes from the list.
  const list = useLoad(() => (isNew ? Promise.resolve([]) : notices.list(api)), [api, isNew]);
  const current = list.data?.find((n) => n.id === id) ?? null;
  const form = useForm<Values>(empty(), {
    idPrefix: 'ntc',
    labels: { kind: t('garbage.admin.notice_kind'), areaIds: t('garbage.admin.section.areas'), title: t('garbage.admin.notice_title'), body: t('garbage.admin.notice_body'), startsOn: t('garbage.admin.starts_on'), endsOn: t('garbage.admin.ends_on') },
    validate: (v) => ({
      title: v.title.ja.trim() ? undefined : t('garbage.admin.ja_required'),
      startsOn: v.startsOn ? undefined : t('garbage.admin.date_required'),
      endsOn: !v.endsOn ? t('garbage.admin.date_required') : v.endsOn < v.startsOn ? t('garbage.admin.to_before_from') : undefined,
      areaIds: !v.allAreas && v.areaIds.length === 0 ? t('garbage.admin.areas_required') : undefined,
    }),
    onSubmit: async (v) => {
      setSaved(false);
      const body = { kind: v.kind, areaIds: v.allAreas ? [] : v.areaIds, title: cleanTexts(v.title), body: cleanTexts(v.body), startsOn: v.startsOn, endsOn: v.endsOn };
      if (isNew) {
        const n = await topField(notices.create(api, body));
        navigate(to(`/admin/garbage/notices/${n.id}?created=1`), { replace: true });
      } else {
        await topField(notices.update(api, id, body));
        list.reload();
        setSaved(true);
      }
    },
  });
  useEffect(() => {
    if (current) form.setValues({ kind: current.kind, allAreas: current.areaIds.length === 0, areaIds: current.areaIds, title: current.title, body: current.body, startsOn: current.startsOn, endsOn: current.endsOn });
  }, [current?.id]); // deps: only when these change, not on every render
  const del = useConfirmDelete(async () => { await notices.remove(api, id); navigate(to('/admin/garbage/notices')); }, (m) => form.fail({}, m));
  const publish = async () => {
    setPublishing(true);
    try {
      const r = await notices.publish(api, id);
      setPushed(r.pushed);
      list.reload();
    } catch (e) {
      form.fail({}, (e instanceof ApiError && e.message) || t('error.generic'));
    } finally {
      setPublishing(false);
      setAsking(false);
    }
  };
  const v = form.values;
  const title = isNew ? t('garbage.admin.notice_new') : current?.title.ja || t('garbage.admin.notice_edit');
  return (
    <Page title={title} crumbs={[{ href: to('/admin/garbage'), label: t('garbage.admin.title') }, { href: to('/admin/garbage/notices'), label: t('garbage.admin.section.notices') }]}
      actions={isNew || current?.publishedAt ? undefined : <Button onClick={() => setAsking(true)}>{t('garbage.admin.notice_publish')}</Button>}>
      {list.error && <Notice kind="error" live>{list.error.message || t('error.generic')}</Notice>}
      {saved && <Notice kind="success" live>{t('garbage.admin.saved')}</Notice>}
      {pushed !== null && <Notice kind="success" live>{t('garbage.admin.notice_pushed', { n: pushed })}</Notice>}
      {current?.publishedAt && <p className="mb-4 text-std-16N-170">{t('garbage.admin.published_at', { at: formatDate(current.publishedAt, lang, { time: true }) })}</p>}
      <Form form={form} className="max-w-3xl" label={title}>
        <Select {...form.bind('kind')} required className="md:w-72" options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`garbage.admin.notice_kind.${k}`) }))} />
        <Checkbox id="ntc-allAreas" label={t('garbage.admin.all_areas')} checked={v.allAreas} onChange={(c) => form.set('allAreas', c)} />
        {!v.allAreas && <>
          {form.errors.fields.areaIds && <p id="ntc-areaIds" tabIndex={-1} className="mb-2 text-std-16B-170 text-error-2">{form.errors.fields.areaIds}</p>}
          <CheckboxGroup id="ntc-areaIds" legend={t('garbage.admin.section.areas')} options={(areaList.data ?? []).map((a) => ({ value: a.id, label: textOf(a.name, lang) }))} value={v.areaIds} onChange={(x) => form.set('areaIds', x)} />
        </>}
        <TextsEditor id="ntc-title" label={t('garbage.admin.notice_title')} value={v.title} onChange={(x) => form.set('title', x)} required error={form.errors.fields.title} />
        <TextsEditor id="ntc-body" label={t('garbage.admin.notice_body')} value={v.body} onChange={(x) => form.set('body', x)} multiline error={form.errors.fields.body} />
        <div className="flex flex-wrap gap-x-4">
          <TextField {...form.bind('startsOn')} type="date" required className="md:w-56" />
          <TextField {...form.bind('endsOn')} type="date" required className="md:w-56" />
        </div>
        <EditActions busy={form.submitting} cancelHref={to('/admin/garbage/notices')} onDelete={isNew ? undefined : del.ask} />
      </Form>
      <ConfirmDeleteDialog state={del} title={t('garbage.admin.notice_delete')} name={v.title.ja} />
      <Dialog open={asking} title={t('garbage.admin.notice_publish_title')} onClose={() => setAsking(false)}>
        <p className="mb-6 text-std-16N-170">{t('garbage.admin.notice_publish_confirm', { title: v.title.ja })}</p>
        <div className="flex flex-wrap gap-3">
          <Button busy={publishing} onClick={publish}>{t('garbage.admin.notice_publish')}</Button>
          <Button variant="secondary" onClick={() => setAsking(false)}>{t('common.cancel')}</Button>
        </div>
      </Dialog>
    </Page>
  );
}
