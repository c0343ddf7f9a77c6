import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { navigate, useLocation } from '../../../app/router.tsx';
import { useParams } from '../../../app/routes.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Form, useForm } from '../../../components/form.tsx';
import { FieldLabel, FieldMessages, Select, TextField } from '../../../components/fields.tsx';
import { EditActions } from '../../../components/EditActions.tsx';
import { ConfirmDeleteDialog, useConfirmDelete } from '../../../components/ConfirmDeleteDialog.tsx';
import { categories, ICONS, type Texts } from '../admin-api.ts';
import { cleanTexts, TextsEditor } from './TextsEditor.tsx';
import { topField } from './util.ts';

interface Values extends Record<string, unknown> { code: string; name: Texts; color: string; icon: string; howTo: Texts; sortOrder: string }

const empty: Values = { code: '', name: { ja: '' }, color: '#1a7f37', icon: 'burnable', howTo: { ja: '' }, sortOrder: '0' };

/** Creates (`/admin/garbage/categories/new`) or edits a category: code, names, colour, icon, how to put it out. */
export function CategoryEdit() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const isNew = id === 'new';
  const [saved, setSaved] = useState(useLocation().search.get('created') === '1');
  const list = useLoad(() => categories.list(api), [api]);
  const form = useForm<Values>(empty, {
    idPrefix: 'cat',
    labels: { code: t('garbage.admin.code'), name: t('garbage.admin.name'), color: t('garbage.admin.color'), icon: t('garbage.admin.icon'), howTo: t('garbage.admin.how_to'), sortOrder: t('garbage.admin.sort_order') },
    validate: (v) => ({
      code: /^[a-z0-9_-]{1,40}$/.test(v.code) ? undefined : t('garbage.admin.code_invalid'),
      name: v.name.ja.trim() ? undefined : t('garbage.admin.ja_required'),
      sortOrder: /^\d+$/.test(v.sortOrder) ? undefined : t('garbage.admin.number_invalid'),
    }),
    onSubmit: async (v) => {
      setSaved(false);
      const body = { code: v.code, name: cleanTexts(v.name), color: v.color, icon: v.icon, howTo: cleanTexts(v.howTo), sortOrder: Number(v.sortOrder) };
      if (isNew) {
        const c = await topField(categories.create(api, body));
        navigate(to(`/admin/garbage/categories/${c.id}?created=1`), { replace: true });
      } else {
        await topField(categories.update(api, id, body));
        list.reload();
        setSaved(true);
      }
    },
  });
  const current = list.data?.find((c) => c.id === id);
  useEffect(() => {
    if (current) form.setValues({ ...current, name: current.name, howTo: current.howTo, sortOrder: String(current.sortOrder) });
  }, [current]); // deps: only when these change, not on every render
  const del = useConfirmDelete(async () => { await categories.remove(api, id); navigate(to('/admin/garbage/categories')); }, (m) => form.fail({}, m));
  const v = form.values;
  const title = isNew ? t('garbage.admin.category_new') : current?.name.ja || t('garbage.admin.category_edit');
  return (
    <Page title={title} crumbs={[{ href: to('/admin/garbage'), label: t('garbage.admin.title') }, { href: to('/admin/garbage/categories'), label: t('garbage.admin.section.categories') }]}>
      {list.error && <Notice kind="error" live>{list.error.message || t('error.generic')}</Notice>}
      {saved && <Notice kind="success" live>{t('garbage.admin.saved')}</Notice>}
      <Form form={form} className="max-w-3xl" label={title}>
        <TextField {...form.bind('code')} required hint={t('garbage.admin.code_hint')} className="md:w-72" />
        <TextsEditor id="cat-name" label={t('garbage.admin.name')} value={v.name} onChange={(x) => form.set('name', x)} required error={form.errors.fields.name} />
        <div className="mb-6">
          <FieldLabel id="cat-color" label={t('garbage.admin.color')} required />
          <FieldMessages id="cat-color" hint={t('garbage.admin.color_hint')} error={form.errors.fields.color} />
          <div className="flex items-center gap-3">
            <input id="cat-color" type="color" value={v.color} onChange={(e) => form.set('color', e.target.value)} aria-describedby="cat-color-hint"
              className="h-12 w-20 cursor-pointer rounded-8 border border-solid-gray-420" />
            <output htmlFor="cat-color" className="font-mono text-std-16N-170">{v.color}</output>
          </div>
        </div>
        <Select {...form.bind('icon')} required className="md:w-72" options={ICONS.map((i) => ({ value: i, label: t(`garbage.admin.icon.${i}`) }))} />
        <TextsEditor id="cat-howTo" label={t('garbage.admin.how_to')} value={v.howTo} onChange={(x) => form.set('howTo', x)} multiline error={form.errors.fields.howTo} />
        <TextField {...form.bind('sortOrder')} inputMode="numeric" className="md:w-40" />
        <EditActions busy={form.submitting} cancelHref={to('/admin/garbage/categories')} onDelete={isNew ? undefined : del.ask} />
      </Form>
      <ConfirmDeleteDialog state={del} title={t('garbage.admin.category_delete')} name={v.name.ja} />
    </Page>
  );
}
