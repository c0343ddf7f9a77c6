import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { navigate, useLocation } from '../../../app/router.tsx';
import { useParams } from '../../../app/routes.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Form, useForm } from '../../../components/form.tsx';
import { Checkbox, Select, TextArea, TextField } from '../../../components/fields.tsx';
import { EditActions } from '../../../components/EditActions.tsx';
import { ButtonLink } from '../../../components/Button.tsx';
import { ConfirmDeleteDialog, useConfirmDelete } from '../../../components/ConfirmDeleteDialog.tsx';
import { KINDS, listDepartments, resources } from '../admin-api.ts';
import { check, initialValues, NUMBER_FIELDS, toInput, toValues, WEEKDAYS, type Values } from './rules.ts';
import { ExamTypesEditor } from './ExamTypesEditor.tsx';
import { ClosedDayWarnings } from './ClosedDayWarnings.tsx';
import { DrawButton } from './DrawButton.tsx';

const box = 'mb-8 rounded-8 border border-solid-gray-420 p-4 md:p-6';
const legend = 'px-2 text-std-18B-160';

/** Creates (`/admin/reservations/new`) or edits a resource with all its rules: hours, closures, slots, window, exam types, lottery. */
export function ResourceEdit() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const { search } = useLocation();
  const isNew = id === 'new';
  const [saved, setSaved] = useState(search.get('created') === '1');
  const [closedDays, setClosedDays] = useState<{ date: string; count: number }[]>([]);
  const departments = useLoad(() => listDepartments(api), [api]);
  const resource = useLoad(() => (isNew ? Promise.resolve(null) : resources.get(api, id)), [api, id]);
  const numberLabels = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, t(`reservations.admin.${{ slotMinutes: 'slot_minutes', bufferBefore: 'buffer_before', bufferAfter: 'buffer_after', seatsPerSlot: 'seats', opensDaysAhead: 'opens_days', closesHoursBefore: 'closes_hours', limitPerPerson: 'limit' }[f]}`)]));
  const hourLabels = Object.fromEntries(WEEKDAYS.map((d) => [`hours${d}`, t(`reservations.admin.weekday_${d}`)]));
  const form = useForm<Values>(initialValues(), {
    idPrefix: 'res',
    labels: {
      ...numberLabels, ...hourLabels, kind: t('reservations.admin.kind'), nameJa: t('reservations.admin.name_ja'), nameEn: t('reservations.admin.name_en'),
      descriptionJa: t('reservations.admin.description_ja'), venueJa: t('reservations.admin.venue_ja'), departmentId: t('reservations.admin.department'),
      closedDates: t('reservations.admin.closed_dates'), openDates: t('reservations.admin.open_dates'), exams: t('reservations.admin.exams'),
      lotteryEntriesUntil: t('reservations.admin.lottery_entries_until'), lotterySlotsUntil: t('reservations.admin.lottery_slots_until'),
    },
    validate: (v) => Object.fromEntries(Object.entries(check(v)).map(([k, [key, params]]) => [k, t(key, params)])) as Partial<Record<keyof Values & string, string>>,
    onSubmit: async (v) => {
      setSaved(false);
      if (isNew) {
        const created = await resources.create(api, toInput(v));
        navigate(to(`/admin/reservations/${created.id}?created=1`), { replace: true });
      } else {
        const updated = await resources.update(api, id, toInput(v));
        setClosedDays(updated.warnings?.bookingsOnClosedDays ?? []);
        resource.reload();
        setSaved(true);
      }
    },
  });
  useEffect(() => {
    if (resource.data) form.setValues(toValues(resource.data));
  }, [resource.data]); // deps: only when these change, not on every render
  const del = useConfirmDelete(async () => { await resources.remove(api, id); navigate(to('/admin/reservations')); }, (message) => form.fail({}, message));
  const v = form.values;
  const r = resource.data;
  // Only a saved lottery whose entry period ended and was not drawn yet; the server re-checks (409 lottery_not_due).
  // Keeps the draw's result on screen after the reload marks the lottery drawn (which hides the button).
  const [drewNow, setDrewNow] = useState(false);
  const lotteryDue = !isNew && !!r?.lottery && !r.lotteryDrawnAt && new Date(r.lottery.entriesUntil) <= new Date();
  const staffKind = v.kind === 'meeting_room' || v.kind === 'vehicle';
  const deptOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: lang === 'en' ? d.nameEn || d.nameJa : d.nameJa }));
  const num = (f: (typeof NUMBER_FIELDS)[number], hint?: string) => <TextField {...form.bind(f)} required inputMode="numeric" className="md:w-72" hint={hint} />;
  return (
    <Page crumbs={[{ href: to('/admin/reservations'), label: t('reservations.admin.title') }]} title={isNew ? t('reservations.admin.new') : resource.data?.nameJa || t('reservations.admin.edit')}
      actions={isNew ? undefined : <ButtonLink href={to(`/admin/reservations/${id}/roster`)} variant="secondary">{t('reservations.admin.roster')}</ButtonLink>}>
      {resource.error && <Notice kind="error" live>{resource.error.message || t('error.generic')}</Notice>}
      {saved && <Notice kind="success" live>{t('reservations.admin.saved')}</Notice>}
      {!isNew && <ClosedDayWarnings resourceId={id} days={closedDays} />}
      <Form form={form} className="max-w-4xl" label={isNew ? t('reservations.admin.new') : t('reservations.admin.edit')}>
        <fieldset className={box}>
          <legend className={legend}>{t('reservations.admin.basics')}</legend>
          <Select {...form.bind('kind')} required options={KINDS.map((k) => ({ value: k, label: t(`reservations.admin.kind_${k}`) }))} />
          <TextField {...form.bind('nameJa')} required />
          <TextField {...form.bind('nameEn')} />
          <TextArea {...form.bind('descriptionJa')} rows={3} />
          <TextField {...form.bind('venueJa')} />
          <Select {...form.bind('departmentId')} options={[{ value: '', label: t('reservations.admin.no_department') }, ...deptOptions]} />
          <Checkbox id="res-staffOnly" label={t('reservations.admin.staff_only')} hint={t('reservations.admin.staff_only_hint')} checked={v.staffOnly || staffKind} onChange={(c) => form.set('staffOnly', c)} />
          <Checkbox id="res-active" label={t('reservations.admin.active')} checked={v.active} onChange={(c) => form.set('active', c)} />
        </fieldset>
        <fieldset className={box}>
          <legend className={legend}>{t('reservations.admin.slots')}</legend>
          {num('slotMinutes')}{num('bufferBefore')}{num('bufferAfter')}
          {num('seatsPerSlot', v.kind === 'checkup' ? t('reservations.admin.seats_hint') : undefined)}
        </fieldset>
        <fieldset className={box} aria-describedby="res-hours-hint">
          <legend className={legend}>{t('reservations.admin.hours')}</legend>
          <p id="res-hours-hint" className="mb-4 text-std-16N-170 text-solid-gray-700">{t('reservations.admin.hours_hint')}</p>
          {WEEKDAYS.map((d) => <TextField key={d} {...form.bind(`hours${d}`)} noTag className="md:w-96" />)}
        </fieldset>
        <fieldset className={box}>
          <legend className={legend}>{t('reservations.admin.closures')}</legend>
          <Checkbox id="res-closeOnHolidays" label={t('reservations.admin.close_holidays')} checked={v.closeOnHolidays} onChange={(c) => form.set('closeOnHolidays', c)} />
          <Checkbox id="res-closeOnNewYear" label={t('reservations.admin.close_new_year')} checked={v.closeOnNewYear} onChange={(c) => form.set('closeOnNewYear', c)} />
          <TextArea {...form.bind('closedDates')} rows={3} hint={t('reservations.admin.closed_dates_hint')} className="mt-4" />
          <TextArea {...form.bind('openDates')} rows={2} hint={t('reservations.admin.open_dates_hint')} />
        </fieldset>
        <fieldset className={box}>
          <legend className={legend}>{t('reservations.admin.window')}</legend>
          {num('opensDaysAhead')}{num('closesHoursBefore')}{num('limitPerPerson')}
          <Checkbox id="res-approvalRequired" label={t('reservations.admin.approval')} checked={v.approvalRequired} onChange={(c) => form.set('approvalRequired', c)} />
        </fieldset>
        {v.kind === 'checkup' && <ExamTypesEditor rows={v.exams} errors={form.errors.fields} onChange={(rows) => form.set('exams', rows)} />}
        <fieldset className={box}>
          <legend className={legend}>{t('reservations.admin.lottery')}</legend>
          <Checkbox id="res-lotteryOn" label={t('reservations.admin.lottery_on')} checked={v.lotteryOn} onChange={(c) => form.set('lotteryOn', c)} />
          {v.lotteryOn && <>
            <TextField {...form.bind('lotteryEntriesUntil')} type="datetime-local" required className="mt-4 md:w-72" />
            <TextField {...form.bind('lotterySlotsUntil')} type="date" required className="md:w-72" />
          </>}
          {(lotteryDue || drewNow) && <DrawButton resourceId={id} onDrawn={() => { setDrewNow(true); resource.reload(); }} />}
        </fieldset>
        <EditActions busy={form.submitting} cancelHref={to('/admin/reservations')} onDelete={isNew ? undefined : del.ask} />
      </Form>
      <ConfirmDeleteDialog state={del} title={t('reservations.admin.delete_title')} name={v.nameJa} />
    </Page>
  );
}
