import { useEffect } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { navigate } from '../../../app/router.tsx';
import { useParams } from '../../../app/routes.tsx';
import { fromLocalInput, toLocalInput } from '../../../app/format.ts';
import { Page } from '../../../components/Page.tsx';
import { Form, useForm } from '../../../components/form.tsx';
import { Select, TextArea, TextField } from '../../../components/fields.tsx';
import { EditActions } from '../../../components/EditActions.tsx';
import { ConfirmDeleteDialog, useConfirmDelete } from '../../../components/ConfirmDeleteDialog.tsx';
import { adminNotices, CATEGORIES } from '../api.ts';

/** Creates (`/admin/notices/new`) or edits a notice in ja, en and やさしい日本語. */
export function NoticeEdit() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const isNew = id === 'new';
  const need = (v: string) => (v.trim() ? undefined : t('form.required'));
  const form = useForm({ titleJa: '', titleEn: '', titleEasy: '', bodyJa: '', bodyEn: '', bodyEasy: '', category: 'general', publishedAt: '' }, {
    idPrefix: 'notice',
    labels: {
      titleJa: t('notices.title_ja'), titleEn: t('notices.title_en'), titleEasy: t('notices.title_easy'),
      bodyJa: t('notices.body_ja'), bodyEn: t('notices.body_en'), bodyEasy: t('notices.body_easy'),
      category: t('notices.category'), publishedAt: t('notices.published_at'),
    },
    validate: (v) => ({ titleJa: need(v.titleJa), bodyJa: need(v.bodyJa) }),
    onSubmit: async (v) => {
      const body = { ...v, titleEn: v.titleEn || undefined, bodyEn: v.bodyEn || undefined, titleEasy: v.titleEasy || undefined, bodyEasy: v.bodyEasy || undefined, publishedAt: fromLocalInput(v.publishedAt) };
      if (isNew) await adminNotices.create(api, body);
      else await adminNotices.update(api, id, body);
      navigate(to('/admin/notices'));
    },
  });
  useEffect(() => {
    if (isNew) return;
    adminNotices.list(api).then((all) => {
      const n = all.find((x) => x.id === id);
      if (n) form.setValues({ titleJa: n.titleJa, bodyJa: n.bodyJa, category: n.category, titleEn: n.titleEn ?? '', bodyEn: n.bodyEn ?? '', titleEasy: n.titleEasy ?? '', bodyEasy: n.bodyEasy ?? '', publishedAt: toLocalInput(n.publishedAt) });
    }, () => undefined);
  }, [api, id]); // deps: only when these change, not on every render
  const del = useConfirmDelete(async () => { await adminNotices.remove(api, id); navigate(to('/admin/notices')); }, (message) => form.fail({}, message));
  return (
    <Page crumbs={[{ href: to('/admin/notices'), label: t('notices.admin_title') }]} title={isNew ? t('notices.new') : t('notices.edit')}>
      <Form form={form} className="max-w-3xl">
        <TextField {...form.bind('titleJa')} required />
        <TextArea {...form.bind('bodyJa')} required rows={6} />
        <TextField {...form.bind('titleEn')} hint={t('notices.en_hint')} />
        <TextArea {...form.bind('bodyEn')} rows={6} />
        <TextField {...form.bind('titleEasy')} hint={t('notices.easy_hint')} />
        <TextArea {...form.bind('bodyEasy')} rows={4} />
        <Select {...form.bind('category')} required options={CATEGORIES.map((c) => ({ value: c, label: t(`notices.category_${c}`) }))} />
        <TextField {...form.bind('publishedAt')} type="datetime-local" hint={t('notices.published_at_hint')} />
        <EditActions busy={form.submitting} cancelHref={to('/admin/notices')} onDelete={isNew ? undefined : del.ask} />
      </Form>
      <ConfirmDeleteDialog state={del} title={t('notices.delete_title')} name={form.values.titleJa} />
    </Page>
  );
}
