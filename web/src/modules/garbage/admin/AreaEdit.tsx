import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { navigate, useLocation } from '../../../app/router.tsx';
import { useParams } from '../../../app/routes.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { ButtonLink } from '../../../components/Button.tsx';
import { Form, useForm } from '../../../components/form.tsx';
import { TextArea, TextField } from '../../../components/fields.tsx';
import { EditActions } from '../../../components/EditActions.tsx';
import { ConfirmDeleteDialog, useConfirmDelete } from '../../../components/ConfirmDeleteDialog.tsx';
import { areas, type Area, type Texts } from '../admin-api.ts';
import { cleanTexts, TextsEditor } from './TextsEditor.tsx';
import { PointsEditor, type PointRow } from './PointsEditor.tsx';
import { parseGeometry } from './geometry.ts';
import { listOf, topField } from './util.ts';

interface Values extends Record<string, unknown> { code: string; name: Texts; reading: string; towns: string; center: string; geometry: string; points: PointRow[]; sortOrder: string }

const empty: Values = { code: '', name: { ja: '' }, reading: '', towns: '', center: '', geometry: '', points: [], sortOrder: '0' };
const num = (s: string) => (s.trim() === '' ? null : Number(s));

function toValues(a: Area): Values {
  return {
    code: a.code, name: a.name, reading: a.reading, towns: a.towns.join('\n'), center: a.center, sortOrder: String(a.sortOrder),
    geometry: a.geometry ? JSON.stringify(a.geometry, null, 1) : '',
    points: a.points.map((p) => ({ name: p.name, nameKana: p.nameKana ?? '', address: p.address ?? '', lat: p.lat === null ? '' : String(p.lat), lng: p.lng === null ? '' : String(p.lng), notes: p.notes ?? '' })),
  };
}

/** Creates or edits an area: code, names, reading, towns, センター, polygon (GeoJSON) and collection points. */
export function AreaEdit() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const isNew = id === 'new';
  const [saved, setSaved] = useState(useLocation().search.get('created') === '1');
  const area = useLoad(() => (isNew ? Promise.resolve(null) : areas.get(api, id)), [api, id]);
  const form = useForm<Values>(empty, {
    idPrefix: 'area',
    labels: { code: t('garbage.admin.code'), name: t('garbage.admin.name'), reading: t('garbage.admin.reading'), towns: t('garbage.admin.towns'), center: t('garbage.admin.center'), geometry: t('garbage.admin.geometry'), points: t('garbage.admin.points'), sortOrder: t('garbage.admin.sort_order') },
    validate: (v) => {
      const g = parseGeometry(v.geometry);
      const badPoint = v.points.findIndex((p) => !p.name.trim() || [p.lat, p.lng].some((x) => x.trim() !== '' && !Number.isFinite(Number(x))));
      return {
        code: /^[a-z0-9_-]{1,40}$/.test(v.code) ? undefined : t('garbage.admin.code_invalid'),
        name: v.name.ja.trim() ? undefined : t('garbage.admin.ja_required'),
        geometry: 'error' in g ? t(g.error, g.params) : undefined,
        points: badPoint >= 0 ? t('garbage.admin.point_invalid', { n: badPoint + 1 }) : undefined,
        sortOrder: /^\d+$/.test(v.sortOrder) ? undefined : t('garbage.admin.number_invalid'),
      };
    },
    onSubmit: async (v) => {
      setSaved(false);
      const g = parseGeometry(v.geometry);
      const body = {
        code: v.code, name: cleanTexts(v.name), reading: v.reading.trim(), towns: listOf(v.towns), center: v.center.trim(),
        geometry: 'geometry' in g ? g.geometry : null, sortOrder: Number(v.sortOrder),
        points: v.points.map((p) => ({ name: p.name.trim(), nameKana: p.nameKana.trim(), address: p.address.trim(), lat: num(p.lat), lng: num(p.lng), notes: p.notes.trim() })),
      };
      if (isNew) {
        const created = await topField(areas.create(api, body));
        navigate(to(`/admin/garbage/areas/${created.id}?created=1`), { replace: true });
      } else {
        await topField(areas.update(api, id, body));
        area.reload();
        setSaved(true);
      }
    },
  });
  useEffect(() => {
    if (area.data) form.setValues(toValues(area.data));
  }, [area.data]); // deps: only when these change, not on every render
  const del = useConfirmDelete(async () => { await areas.remove(api, id); navigate(to('/admin/garbage/areas')); }, (m) => form.fail({}, m));
  const v = form.values;
  const title = isNew ? t('garbage.admin.area_new') : area.data?.name.ja || t('garbage.admin.area_edit');
  return (
    <Page title={title} crumbs={[{ href: to('/admin/garbage'), label: t('garbage.admin.title') }, { href: to('/admin/garbage/areas'), label: t('garbage.admin.section.areas') }]}
      actions={isNew ? undefined : <ButtonLink href={to(`/admin/garbage/areas/${id}/rules`)} variant="secondary">{t('garbage.admin.rules_edit')}</ButtonLink>}>
      {area.error && <Notice kind="error" live>{area.error.message || t('error.generic')}</Notice>}
      {saved && <Notice kind="success" live>{t('garbage.admin.saved')}</Notice>}
      <Form form={form} className="max-w-5xl" label={title}>
        <TextField {...form.bind('code')} required hint={t('garbage.admin.code_hint')} className="md:w-72" />
        <TextsEditor id="area-name" label={t('garbage.admin.name')} value={v.name} onChange={(x) => form.set('name', x)} required error={form.errors.fields.name} />
        <TextField {...form.bind('reading')} hint={t('garbage.admin.reading_hint')} className="md:w-96" />
        <TextArea {...form.bind('towns')} rows={4} hint={t('garbage.admin.towns_hint')} />
        <TextField {...form.bind('center')} hint={t('garbage.admin.center_hint')} className="md:w-96" />
        <TextArea {...form.bind('geometry')} rows={6} hint={t('garbage.admin.geometry_hint')} />
        <PointsEditor rows={v.points} onChange={(rows) => form.set('points', rows)} error={form.errors.fields.points} />
        <TextField {...form.bind('sortOrder')} inputMode="numeric" className="md:w-40" />
        <EditActions busy={form.submitting} cancelHref={to('/admin/garbage/areas')} onDelete={isNew ? undefined : del.ask} />
      </Form>
      <ConfirmDeleteDialog state={del} title={t('garbage.admin.area_delete')} name={v.name.ja} />
    </Page>
  );
}
