import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { formatDate } from '../../../app/format.ts';
import { Button } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { TextField } from '../../../components/fields.tsx';
import { normalizeDateInput } from '../../../../../src/core/ja/date-input.ts';
import { newKey, ReservationError, reservationsApi, type BookingCreated, type ExamType, type LotteryEntered, type PublicResource, type Slot } from '../citizen-api.ts';
import { formatSlot } from './format.ts';

type Sex = 'female' | 'male' | 'other';

/**
 * The contact form for a chosen slot: name, kana, email, phone and — when the exam's rules need them — date of birth (和暦 accepted) and sex.
 * `mode: 'lottery'` enters the slot's lottery instead of booking it (no waiting list; the result comes by email).
 */
export function BookingForm({ resource, exam, slot, waitlist: initialWaitlist, mode = 'book', onDone, onEntered, onBack }:
  { resource: PublicResource; exam: ExamType | null; slot: Slot; waitlist: boolean; mode?: 'book' | 'lottery'; onDone(b: BookingCreated): void; onEntered?(e: LotteryEntered): void; onBack(): void }) {
  const { t, lang } = useI18n();
  const { slug } = useTenant();
  const [v, setV] = useState({ name: '', kana: '', email: '', phone: '', birth: '', sex: '' as Sex | '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [waitlist, setWaitlist] = useState(initialWaitlist);
  const [offerWaitlist, setOfferWaitlist] = useState(false);
  const [busy, setBusy] = useState(false);
  const key = useRef<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const lottery = mode === 'lottery';
  const rules = exam?.eligibility;
  const needsBirth = !!rules && (rules.minAge !== null || rules.maxAge !== null || rules.intervalFiscalYears !== null);
  const needsSex = !!rules?.sex;
  const set = (k: keyof typeof v) => (x: string) => { setV((o) => ({ ...o, [k]: x }) as typeof v); key.current = null; };
  const birth = v.birth.trim() ? normalizeDateInput(v.birth.trim()) : null;

  const submit = async (e: FormEvent, asWaitlist = waitlist) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!v.name.trim()) errs.name = t('reservations.name_required');
    if (!v.email.trim() && !v.phone.trim()) errs.email = t('reservations.contact_required');
    if (v.birth.trim() && !birth) errs.birthDate = t('reservations.birth_invalid');
    setErrors(errs);
    setFailure(null);
    if (Object.keys(errs).length) { requestAnimationFrame(() => summary.current?.focus()); return; }
    // One key per attempt: a retry after a lost answer resends the same key (the server answers the same booking).
    key.current ??= newKey();
    setBusy(true);
    const body = {
      startsAt: slot.startsAt, examTypeId: exam?.id ?? null, name: v.name.trim(), ...(v.kana.trim() ? { kana: v.kana.trim() } : {}),
      email: v.email.trim() || null, phone: v.phone.trim() || null, birthDate: birth, sex: v.sex || null, lang,
    };
    try {
      if (lottery) {
        // An entry is unique per person and slot, so a resent entry answers `duplicate` rather than entering twice.
        onEntered?.(await reservationsApi(slug).enterLottery(resource.id, body));
        return;
      }
      const made = await reservationsApi(slug).book(resource.id, key.current, { ...body, ...(asWaitlist ? { waitlist: true } : {}) });
      key.current = null;
      onDone(made);
    } catch (err) {
      const x = err instanceof ReservationError ? err : new ReservationError(0, 'network', '', undefined, []);
      if (x.status === 0 || x.status >= 500) { setFailure(t('reservations.retry')); return; }
      key.current = null;
      if (lottery && (x.code === 'duplicate' || x.code === 'lottery_closed')) { setFailure(t(`reservations.lottery_${x.code}`)); requestAnimationFrame(() => summary.current?.focus()); return; }
      if (x.code === 'slot_full') { setOfferWaitlist(true); setFailure(t('reservations.full_offer')); return; }
      if (x.code === 'ineligible' && x.details.length) {
        const names = x.details.map((d) => t(`reservations.rule_name_${d.rule}`, { n: rules?.intervalFiscalYears ?? 2 })).join('、');
        setErrors({ [x.field ?? 'birthDate']: `${t('reservations.ineligible', { rules: names })} ${x.message}` });
      } else if (x.field && ['name', 'kana', 'email', 'phone', 'birthDate', 'sex'].includes(x.field)) {
        setErrors({ [x.field]: x.message });
      } else setFailure(x.message || t('error.generic'));
      requestAnimationFrame(() => summary.current?.focus());
    } finally { setBusy(false); }
  };

  const labels: Record<string, string> = { name: t('reservations.name'), kana: t('reservations.kana'), email: t('reservations.email'), phone: t('reservations.phone'), birthDate: t('reservations.birth'), sex: t('reservations.sex'), examTypeId: t('reservations.exam'), startsAt: t('reservations.when') };
  const fieldId = (k: string) => (k === 'sex' ? 'bk-sex-female' : `bk-${k}`);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="bk-title">
      <h2 id="bk-title" ref={title} tabIndex={-1} className="mb-2 text-std-20B-150">{t(lottery ? 'reservations.lottery_form_title' : 'reservations.form_title')}</h2>
      <p className="mb-4 text-std-16B-170">{t('reservations.chosen', { when: formatSlot(slot.startsAt, slot.endsAt, lang) })}{exam ? `（${exam.name}）` : ''}</p>
      {waitlist && !lottery && <Notice kind="warning">{t('reservations.waitlist_mode')}</Notice>}
      {lottery && <Notice kind="info">{t('reservations.lottery_form_note')}</Notice>}
      <div ref={summary} tabIndex={-1}>
        {Object.keys(errors).length > 0 && (
          <Notice kind="error" title={t('reservations.errors_title')} live>
            <ul className="list-disc pl-5" data-testid="error-summary">
              {Object.entries(errors).map(([k, m]) => <li key={k}><a href={`#${fieldId(k)}`} onClick={(e) => { e.preventDefault(); document.getElementById(fieldId(k))?.focus(); }}>{labels[k] ?? k}：{m}</a></li>)}
            </ul>
          </Notice>
        )}
        {failure && <Notice kind={offerWaitlist ? 'warning' : 'error'} live>{failure}</Notice>}
      </div>
      <TextField id="bk-name" label={t('reservations.name')} required value={v.name} onChange={set('name')} error={errors.name} autoComplete="name" />
      <TextField id="bk-kana" label={t('reservations.kana')} value={v.kana} onChange={set('kana')} error={errors.kana} />
      <TextField id="bk-email" label={t('reservations.email')} hint={t('reservations.email_hint')} type="email" inputMode="email" value={v.email} onChange={set('email')} error={errors.email} autoComplete="email" />
      <TextField id="bk-phone" label={t('reservations.phone')} type="tel" inputMode="tel" value={v.phone} onChange={set('phone')} error={errors.phone} autoComplete="tel" />
      {(needsBirth || resource.kind === 'checkup') && <>
        <TextField id="bk-birthDate" label={t('reservations.birth')} hint={t('reservations.birth_hint')} required={needsBirth} value={v.birth} onChange={set('birth')} error={errors.birthDate} autoComplete="bday" />
        {birth && <p id="bk-birthDate-read" className="-mt-4 mb-6 text-std-16N-170 text-solid-gray-800">{t('reservations.birth_read', { date: `${birth}（${formatDate(`${birth}T12:00:00+09:00`, 'ja', { era: true })}）` })}</p>}
      </>}
      {needsSex && (
        <fieldset className="mb-6" aria-describedby={errors.sex ? 'bk-sex-error' : undefined}>
          <legend className="mb-2 text-std-17B-170">{t('reservations.sex')}<span className="ml-2 rounded-4 bg-error-2 px-1.5 py-0.5 text-dns-14B-120 text-white">{t('form.required_tag')}</span></legend>
          {errors.sex && <p id="bk-sex-error" className="mb-1 text-std-16B-170 text-error-2">{errors.sex}</p>}
          <div className="flex flex-wrap gap-4">
            {(['female', 'male', 'other'] as const).map((s) => (
              <label key={s} className="flex min-h-11 items-center gap-2 text-std-16N-170">
                <input id={`bk-sex-${s}`} type="radio" name="bk-sex" className="size-6 accent-key-900" checked={v.sex === s} onChange={() => set('sex')(s)} />
                {t(`reservations.sex_${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="flex flex-wrap gap-3">
        {offerWaitlist
          ? <Button type="button" busy={busy} onClick={(e) => { setWaitlist(true); void submit(e, true); }}>{t('reservations.submit_waitlist')}</Button>
          : <Button type="submit" size="lg" busy={busy}>{t(lottery ? 'reservations.submit_lottery' : waitlist ? 'reservations.submit_waitlist' : 'reservations.submit')}</Button>}
        <Button variant="secondary" onClick={onBack}>{t('reservations.back_to_calendar')}</Button>
      </div>
    </form>
  );
}
