import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { navigate, useLocation } from '../../../app/router.tsx';
import { useParams } from '../../../app/routes.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import type { TenantApi } from '../../../app/api.ts';
import { Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Form, useForm } from '../../../components/form.tsx';
import { Select, TextArea, TextField } from '../../../components/fields.tsx';
import { EditActions } from '../../../components/EditActions.tsx';
import { ConfirmDeleteDialog, useConfirmDelete } from '../../../components/ConfirmDeleteDialog.tsx';
import { categories, items, type Item, type Texts } from '../admin-api.ts';
import { cleanTexts, textOf, TextsEditor } from './TextsEditor.tsx';
import { listOf, topField } from './util.ts';

interface Values extends Record<string, unknown> { name: Texts; reading: string; synonyms: string; categoryId: string; notes: Texts; fee: string }

const empty: Values = { name: { ja: '' }, reading: '', synonyms: '', categoryId: '', notes: { ja: '' }, fee: '' };
const KATAKANA = /^[\u30A1-\u30FE \u3000]*$/;

// The staff API has no GET /items/:id, so the entry is found by paging the list.
async function findItem(api: TenantApi, id: string): Promise<Item | null> {
  for (let offset = 0; ; offset += 500) {
    const page = await items.list(api, { offset, limit: 500 });
    const hit = page.items.find((i) => i.id === id);
    if (hit) return hit;
    if (offset + 500 >= page.total) return null;
  }
}

/** Creates or edits a dictionary entry: names, reading, synonyms, category (or 収集しない), notes and fee. */
export function ItemEdit() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const isNew = id === 'new';
  const [saved, setSaved] = useState(useLocation().search.get('created') === '1');
  const cats = useLoad(() => categories.list(api), [api]);
  const item = useLoad(() => (isNew ? Promise.resolve(null) : findItem(api, id)), [api, id]);
  const form = useForm<Values>(empty, {
    idPrefix: 'item',
    labels: { name: t('garbage.admin.name'), reading: t('garbage.admin.reading'), synonyms: t('garbage.admin.synonyms'), categoryId: t('garbage.admin.category'), notes: t('garbage.admin.notes'), fee: t('garbage.admin.fee') },
    validate: (v) => ({
      name: v.name.ja.trim() ? undefined : t('garbage.admin.ja_required'),
      reading: KATAKANA.test(v.reading.normalize('NFKC').trim()) ? undefined : t('garbage.admin.reading_invalid'),
      fee: v.fee.trim() === '' || /^\d+$/.test(v.fee.trim()) ? undefined : t('garbage.admin.number_invalid'),
    }),
    onSubmit: async (v) => {
      setSaved(false);
      const body = { name: cleanTexts(v.name), reading: v.reading.trim(), synonyms: listOf(v.synonyms, true), categoryId: v.categoryId || null, notes: cleanTexts(v.notes), fee: v.fee.trim() === '' ? null : Number(v.fee) };
      if (isNew) {
        const created = await topField(items.create(api, body));
        navigate(to(`/admin/garbage/items/${created.id}?created=1`), { replace: true });
      } else {
        await topField(items.update(api, id, body));
        setSaved(true);
      }
    },
  });
  useEffect(() => {
    const i = item.data;
    if (i) form.setValues({ name: i.name, reading: i.reading, synonyms: i.synonyms.join('\n'), categoryId: i.categoryId ?? '', notes: i.notes, fee: i.fee === null ? '' : String(i.fee) });
  }, [item.data]); // deps: only when these change, not on every render
  const del = useConfirmDelete(async () => { await items.remove(api, id); navigate(to('/admin/garbage/items')); }, (m) => form.fail({}, m));
  const v = form.values;
  const title = isNew ? t('garbage.admin.item_new') : item.data?.name.ja || t('garbage.admin.item_edit');
  return (
    <Page title={title} crumbs={[{ href: to('/admin/garbage'), label: t('garbage.admin.title') }, { href: to('/admin/garbage/items'), label: t('garbage.admin.section.items') }]}>
      {item.error && <Notice kind="error" live>{item.error.message || t('error.generic')}</Notice>}
      {saved && <Notice kind="success" live>{t('garbage.admin.saved')}</Notice>}
      <Form form={form} className="max-w-3xl" label={title}>
        <TextsEditor id="item-name" label={t('garbage.admin.name')} value={v.name} onChange={(x) => form.set('name', x)} required error={form.errors.fields.name} />
        <TextField {...form.bind('reading')} hint={t('garbage.admin.reading_hint')} className="md:w-96" />
        <TextArea {...form.bind('synonyms')} rows={3} hint={t('garbage.admin.synonyms_hint')} />
        <Select {...form.bind('categoryId')} className="md:w-96"
          options={[{ value: '', label: t('garbage.admin.not_collected') }, ...(cats.data ?? []).map((c) => ({ value: c.id, label: textOf(c.name, lang) }))]} />
        <TextsEditor id="item-notes" label={t('garbage.admin.notes')} value={v.notes} onChange={(x) => form.set('notes', x)} multiline error={form.errors.fields.notes} />
        <TextField {...form.bind('fee')} inputMode="numeric" hint={t('garbage.admin.fee_hint')} className="md:w-48" />
        <EditActions busy={form.submitting} cancelHref={to('/admin/garbage/items')} onDelete={isNew ? undefined : del.ask} />
      </Form>
      <ConfirmDeleteDialog state={del} title={t('garbage.admin.item_delete')} name={v.name.ja} />
    </Page>
  );
}
