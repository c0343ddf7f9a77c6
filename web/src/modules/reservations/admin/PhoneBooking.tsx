import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Button } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Form, useForm } from '../../../components/form.tsx';
import { Select, TextField } from '../../../components/fields.tsx';
import { bookings, type AdminResource } from '../admin-api.ts';

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

/** A booking for a phone or counter caller on the roster's day: the same slots and capacity as online bookings. */
export function PhoneBooking({ resource, date, onBooked }: { resource: AdminResource; date: string; onBooked(): void }) {
  const { t } = useI18n();
  const { api } = useTenant();
  const checkup = resource.kind === 'checkup';
  const [key, setKey] = useState(newKey);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({ examTypeId: resource.examTypes[0]?.id ?? '', startsAt: '', name: '', kana: '', phone: '', birthDate: '', sex: '', note: '' }, {
    idPrefix: 'pb',
    labels: {
      examTypeId: t('reservations.admin.exam'), startsAt: t('reservations.admin.slot'), name: t('reservations.admin.caller_name'), kana: t('reservations.admin.caller_kana'),
      phone: t('reservations.admin.caller_phone'), birthDate: t('reservations.admin.caller_birth'), sex: t('reservations.admin.caller_sex'), note: t('reservations.admin.note'),
    },
    validate: (v) => ({ startsAt: v.startsAt ? undefined : t('form.required'), name: v.name.trim() ? undefined : t('form.required') }),
    onSubmit: async (v) => {
      setDone(null);
      const created = await bookings.phone(api, resource.id, key, {
        // Empty answers are left out, not sent as null (the server's validator would coerce them).
        startsAt: v.startsAt, examTypeId: checkup ? v.examTypeId : undefined, name: v.name.trim(), kana: v.kana.trim() || undefined,
        phone: v.phone.trim() || undefined, birthDate: v.birthDate || undefined, sex: v.sex === 'female' || v.sex === 'male' ? v.sex : undefined, note: v.note.trim() || undefined,
      });
      setDone(created.reference);
      setKey(newKey());
      form.setValues({ ...v, startsAt: '', name: '', kana: '', phone: '', birthDate: '', sex: '', note: '' });
      slots.reload();
      onBooked();
    },
  });
  const examId = checkup ? form.values.examTypeId : null;
  const slots = useLoad(async () => {
    const month = await bookings.month(api, resource.id, date.slice(0, 7), examId);
    return month.days.find((d) => d.date === date)?.slots.filter((s) => s.state !== 'past' && s.free > 0) ?? [];
  }, [api, resource.id, date, examId]);
  useEffect(() => { form.set('startsAt', ''); }, [date, examId]); // deps: a new day or exam clears the chosen slot
  const free = slots.data ?? [];
  return (
    <section aria-labelledby="pb-title" className="mb-10 max-w-3xl rounded-8 border border-solid-gray-420 p-4 md:p-6">
      <h2 id="pb-title" className="mb-2 text-std-24B-150">{t('reservations.admin.phone_booking')}</h2>
      <p className="mb-6 text-std-16N-170 text-solid-gray-800">{t('reservations.admin.phone_booking_lead')}</p>
      {done && <Notice kind="success" live>{t('reservations.admin.booked', { reference: done })}</Notice>}
      <Form form={form} label={t('reservations.admin.phone_booking')}>
        {checkup && <Select {...form.bind('examTypeId')} required options={resource.examTypes.map((e) => ({ value: e.id, label: e.nameJa }))} />}
        {slots.error && <Notice kind="error">{slots.error.message || t('error.generic')}</Notice>}
        <Select {...form.bind('startsAt')} required hint={slots.data && free.length === 0 ? t('reservations.admin.no_slots') : undefined}
          options={[{ value: '', label: t('reservations.admin.slot_choose') }, ...free.map((s) => ({ value: s.startsAt, label: t('reservations.admin.slot_option', { time: s.time, free: s.free }) }))]} />
        <TextField {...form.bind('name')} required autoComplete="off" />
        <TextField {...form.bind('kana')} autoComplete="off" />
        <TextField {...form.bind('phone')} type="tel" inputMode="tel" autoComplete="off" />
        <TextField {...form.bind('birthDate')} type="date" className="md:w-72" />
        {checkup && <Select {...form.bind('sex')} options={[{ value: '', label: t('reservations.admin.sex_any') }, { value: 'female', label: t('reservations.admin.sex_female') }, { value: 'male', label: t('reservations.admin.sex_male') }]} />}
        <TextField {...form.bind('note')} />
        <Button type="submit" busy={form.submitting}>{t('reservations.admin.book')}</Button>
      </Form>
    </section>
  );
}
