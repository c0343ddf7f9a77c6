import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { navigate } from '../../../app/router.tsx';
import { useForm, Form } from '../../../components/form.tsx';
import { CheckboxGroup, Select, TextArea, TextField } from '../../../components/fields.tsx';
import { Button, ButtonLink } from '../../../components/Button.tsx';
import type { Ckan } from '../admin-api.ts';
import type { CkanGroup, CkanLicense, CkanOrganization, CkanPackage, PackageInput, Template } from './types.ts';
import { NAME_RULE, suggestName, tagsOf, textIn } from './util.ts';
import { fieldErrors } from './errors.ts';

/** What the dataset form holds. */
export interface Values extends Record<string, unknown> {
  title_ja: string; title_en: string; name: string; notes_ja: string; notes_en: string;
  owner_org: string; license_id: string; tags: string; groups: string[]; template_id: string;
}

const FIELDS = ['title_ja', 'title_en', 'name', 'notes_ja', 'notes_en', 'owner_org', 'license_id', 'tags', 'groups', 'template_id'] as const;

/** The choices the form offers (loaded by the page). */
export interface Options { orgs: CkanOrganization[]; groups: CkanGroup[]; licenses: CkanLicense[]; templates: Template[] }

function valuesOf(p: CkanPackage | null, o: Options): Values {
  return {
    title_ja: p?.title_translated?.ja ?? p?.title ?? '', title_en: p?.title_translated?.en ?? '', name: p?.name ?? '',
    notes_ja: p?.notes_translated?.ja ?? p?.notes ?? '', notes_en: p?.notes_translated?.en ?? '',
    owner_org: p?.owner_org ?? (o.orgs.length === 1 ? o.orgs[0]!.id : ''),
    license_id: p?.license_id ?? 'CC-BY-4.0', tags: (p?.tags ?? []).map((t) => t.name).join(', '),
    groups: (p?.groups ?? []).map((g) => g.name), template_id: p?.template_id ?? '',
  };
}

function bodyOf(v: Values): Required<Omit<PackageInput, 'private' | 'state'>> {
  return {
    name: v.name.trim(), title_translated: { ja: v.title_ja.trim(), en: v.title_en.trim() },
    notes_translated: { ja: v.notes_ja.trim(), en: v.notes_en.trim() }, owner_org: v.owner_org, license_id: v.license_id,
    tags: tagsOf(v.tags), groups: v.groups.map((name) => ({ name })), template_id: v.template_id || null,
  };
}

/** Creates a dataset as a draft, or saves the changed fields of an existing one (package_patch). */
export function DatasetForm({ pkg, options, ckan, onSaved }: { pkg: CkanPackage | null; options: Options; ckan: Ckan; onSaved(p: CkanPackage): void }) {
  const { t, lang } = useI18n();
  const { to } = useTenant();
  const [nameTouched, setNameTouched] = useState(pkg !== null);
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>(valuesOf(pkg, options), {
    idPrefix: 'ds',
    onSubmit: () => undefined, // unused: `submit` below replaces handleSubmit
    labels: {
      title_ja: t('opendata.admin.f.title_ja'), title_en: t('opendata.admin.f.title_en'), name: t('opendata.admin.f.name'),
      notes_ja: t('opendata.admin.f.notes_ja'), notes_en: t('opendata.admin.f.notes_en'), owner_org: t('opendata.admin.f.org'),
      license_id: t('opendata.admin.f.license'), tags: t('opendata.admin.f.tags'), groups: t('opendata.admin.f.groups'), template_id: t('opendata.admin.f.template'),
    },
  });
  const v = form.values;
  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!v.title_ja.trim()) e.title_ja = t('opendata.admin.err.required');
    if (!NAME_RULE.test(v.name.trim())) e.name = t('opendata.admin.err.name');
    if (!v.owner_org) e.owner_org = t('opendata.admin.err.org');
    return e;
  };
  // useForm's own submit clears errors after onSubmit; CKAN names several fields at once, so this one sets them all.
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const invalid = validate();
    if (Object.keys(invalid).length) return form.fail(invalid, null);
    setBusy(true);
    try {
      const body = bodyOf(v);
      let saved: CkanPackage;
      if (!pkg) {
        saved = await ckan.create({ ...body, private: true, state: 'draft' });
        navigate(to(`/admin/opendata/dataset/${encodeURIComponent(saved.name)}?created=1`), { replace: true });
      } else {
        const before = bodyOf(valuesOf(pkg, options));
        const changed = Object.fromEntries(Object.entries(body).filter(([k, x]) => JSON.stringify(x) !== JSON.stringify(before[k as keyof typeof before])));
        saved = Object.keys(changed).length ? await ckan.patch(pkg.id, changed) : pkg;
        if (saved.name !== pkg.name) navigate(to(`/admin/opendata/dataset/${encodeURIComponent(saved.name)}`), { replace: true });
      }
      form.setErrors({ fields: {}, form: null });
      onSaved(saved);
    } catch (err) {
      const { fields, form: message } = fieldErrors(err, FIELDS, t('error.generic'), lang);
      form.fail(fields, message);
    } finally {
      setBusy(false);
    }
  };
  const setTitleEn = (x: string) => {
    form.set('title_en', x);
    if (!nameTouched) form.set('name', suggestName(x));
  };
  const template = options.templates.find((x) => x.id === v.template_id);
  const orgOptions = options.orgs.map((o) => ({ value: o.id, label: textIn(o.title_translated, lang, o.title || o.name) }));
  return (
    <Form form={{ ...form, handleSubmit: submit }} className="max-w-3xl" label={t('opendata.admin.form')}>
      <TextField {...form.bind('title_ja')} required />
      <TextField {...form.bind('title_en')} value={v.title_en} onChange={setTitleEn} hint={t('opendata.admin.h.title_en')} />
      <TextField {...form.bind('name')} onChange={(x) => { setNameTouched(true); form.set('name', x); }} required
        hint={t('opendata.admin.h.name')} className="md:w-[32rem]" maxLength={100} />
      <TextArea {...form.bind('notes_ja')} rows={5} hint={t('opendata.admin.h.notes')} />
      <TextArea {...form.bind('notes_en')} rows={4} />
      <Select {...form.bind('owner_org')} required className="md:w-[32rem]"
        options={[...(orgOptions.length === 1 ? [] : [{ value: '', label: t('opendata.admin.choose') }]), ...orgOptions]}
        hint={orgOptions.length === 0 ? t('opendata.admin.h.no_org') : undefined} />
      <Select {...form.bind('license_id')} required className="md:w-[32rem]" hint={t('opendata.admin.h.license')}
        options={options.licenses.map((l) => ({ value: l.id, label: lang === 'en' ? l.title_en || l.title : l.title }))} />
      <TextField {...form.bind('tags')} hint={t('opendata.admin.h.tags')} />
      <CheckboxGroup id="ds-groups" legend={t('opendata.admin.f.groups')} value={v.groups} onChange={(x) => form.set('groups', x)}
        options={options.groups.map((g) => ({ value: g.name, label: textIn(g.title_translated, lang, g.display_name || g.title || g.name) }))} />
      {form.errors.fields.groups && <p className="-mt-4 mb-6 text-std-16B-170 text-error-2">{form.errors.fields.groups}</p>}
      <Select {...form.bind('template_id')} className="md:w-[32rem]"
        hint={template ? t('opendata.admin.h.template_columns', { columns: template.columns.filter((c) => c.required).map((c) => c.name).join('、') }) : t('opendata.admin.h.template')}
        options={[{ value: '', label: t('opendata.admin.no_template') }, ...options.templates.map((x) => ({ value: x.id, label: x.title }))]} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={busy}>{pkg ? t('common.save') : t('opendata.admin.save_draft')}</Button>
        <ButtonLink href={to('/admin/opendata')} variant="secondary">{t('common.cancel')}</ButtonLink>
      </div>
    </Form>
  );
}
