import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { useLocation } from '../../../app/router.tsx';
import { useParams } from '../../../app/routes.tsx';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Button, ButtonLink } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { reservationsApi, ReservationError, type BookingCreated, type ExamType, type LotteryEntered, type PublicResource, type Slot } from '../citizen-api.ts';
import { Calendar } from './Calendar.tsx';
import { BookingForm } from './BookingForm.tsx';
import { BookingDetails } from './BookingDetails.tsx';
import { formatDay, formatSlot, shiftMonth, thisMonthJst } from './format.ts';
import { LotteryEnteredView, LotteryNotice, lotteryOpen } from './Lottery.tsx';

/** `/t/{slug}/reservations/:resourceId` (`?change=token` to move a booking): month calendar → times → form → confirmation. */
export function ResourcePage() {
  const { t, lang, pick } = useI18n();
  const { slug, portal, to } = useTenant();
  const { resourceId } = useParams();
  const load = useLoad(() => reservationsApi(slug).resource(resourceId, lang), [slug, resourceId, lang]);
  return (
    <Loaded load={load}>{(r) => (
      <Page title={r.name} site={portal ? pick(portal.tenant.name) : undefined} crumbs={[{ href: to('/reservations'), label: t('reservations.title') }]}
        lead={<>{r.venue && <p>{t('reservations.venue')}：{r.venue}</p>}{r.description && <p className="whitespace-pre-line">{r.description}</p>}</>}>
        <Booking resource={r} />
      </Page>
    )}</Loaded>
  );
}

function Booking({ resource }: { resource: PublicResource }) {
  const { t, lang } = useI18n();
  const { slug, to } = useTenant();
  const { search } = useLocation();
  const changeToken = search.get('change');
  const [month, setMonth] = useState(thisMonthJst);
  const [examId, setExamId] = useState<string | null>(resource.examTypes.find((e) => e.id === search.get('exam'))?.id ?? resource.examTypes[0]?.id ?? null);
  const [day, setDay] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [done, setDone] = useState<BookingCreated | null>(null);
  const [entered, setEntered] = useState<LotteryEntered | null>(null);
  const entriesOpen = lotteryOpen(resource);
  const [changeError, setChangeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timesHeading = useRef<HTMLHeadingElement>(null);
  // Picking a day moves focus to its times, so keyboard and screen-reader users land on what appeared.
  useEffect(() => { if (day) timesHeading.current?.focus(); }, [day]);
  const api = reservationsApi(slug);
  const cal = useLoad(() => api.month(resource.id, month, examId, lang), [slug, resource.id, month, examId, lang, done]);
  const exam: ExamType | null = resource.examTypes.find((e) => e.id === examId) ?? null;
  const rules = (e: ExamType) => [e.eligibility.sex && t(`reservations.rule_${e.eligibility.sex}`), e.eligibility.minAge !== null && t('reservations.rule_min_age', { n: e.eligibility.minAge }),
    e.eligibility.maxAge !== null && t('reservations.rule_max_age', { n: e.eligibility.maxAge }), e.eligibility.intervalFiscalYears && t('reservations.rule_interval', { n: e.eligibility.intervalFiscalYears })].filter(Boolean).join(lang === 'en' ? ', ' : '・');

  if (done) {
    const msg = done.status === 'provisional' ? t('reservations.done_provisional') : done.status === 'waitlisted' ? t('reservations.done_waitlisted') : changeToken ? t('reservations.changed') : null;
    return (
      <section aria-labelledby="done-title">
        <h2 id="done-title" tabIndex={-1} ref={(h) => h?.focus()} className="mb-4 text-std-24B-150">{t('reservations.done_title')}</h2>
        {msg && <Notice kind="info">{msg}</Notice>}
        <BookingDetails booking={done} kind={resource.kind} />
        {done.manageToken && <>
          <p className="mb-2"><ButtonLink href={to(`/reservations/manage/${done.manageToken}`)} variant="secondary">{t('reservations.manage_link')}</ButtonLink></p>
          <p className="text-std-16N-170 text-solid-gray-800">{t('reservations.manage_hint')}</p>
        </>}
      </section>
    );
  }
  if (entered) return <LotteryEnteredView entry={entered} resource={resource} exam={exam} />;
  if (slot && !changeToken) {
    return <BookingForm resource={resource} exam={exam} slot={slot} waitlist={slot.state === 'full'} mode={slot.state === 'lottery' ? 'lottery' : 'book'}
      onDone={setDone} onEntered={setEntered} onBack={() => setSlot(null)} />;
  }
  const change = async (s: Slot) => {
    setBusy(true); setChangeError(null);
    try { setDone(await api.change(changeToken!, { startsAt: s.startsAt, examTypeId: examId })); }
    catch (e) { setChangeError(e instanceof ReservationError ? e.message || t('error.generic') : t('error.generic')); }
    finally { setBusy(false); }
  };
  if (slot && changeToken) {
    return (
      <section aria-labelledby="change-title">
        <h2 id="change-title" className="mb-3 text-std-20B-150">{t('reservations.change')}</h2>
        <p className="mb-4 text-std-16B-170">{t('reservations.chosen', { when: formatSlot(slot.startsAt, slot.endsAt, lang) })}</p>
        {changeError && <Notice kind="error" live>{changeError}</Notice>}
        <div className="flex flex-wrap gap-3">
          <Button size="lg" busy={busy} onClick={() => void change(slot)}>{t('reservations.change_submit')}</Button>
          <Button variant="secondary" onClick={() => setSlot(null)}>{t('reservations.back_to_calendar')}</Button>
        </div>
      </section>
    );
  }
  const selectedDay = cal.data?.days.find((d) => d.date === day) ?? null;
  return <>
    {changeToken && <Notice kind="info">{t('reservations.change_lead')}</Notice>}
    {!changeToken && <LotteryNotice resource={resource} />}
    {resource.examTypes.length > 0 && (
      <div className="mb-6">
        <label htmlFor="exam" className="mb-1 block text-std-17B-170">{t('reservations.exam')}</label>
        <select id="exam" className="field-input" value={examId ?? ''} onChange={(e) => { setExamId(e.target.value); setDay(null); }} aria-describedby={exam && rules(exam) ? 'exam-rules' : undefined}>
          {resource.examTypes.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
        </select>
        {exam && rules(exam) && <p id="exam-rules" className="mt-1 text-std-16N-170 text-solid-gray-800">{t('reservations.exam_rules', { rules: rules(exam) })}</p>}
      </div>
    )}
    <Loaded load={cal}>{(data) => <Calendar data={data} selected={day} onPick={setDay} onMonth={(by) => { setMonth((m) => shiftMonth(m, by)); setDay(null); }} />}</Loaded>
    {selectedDay && (
      <section aria-labelledby="times-title">
        <h2 id="times-title" ref={timesHeading} tabIndex={-1} className="mb-3 text-std-20B-150">{t('reservations.times_title', { date: formatDay(selectedDay.date, lang) })}</h2>
        {selectedDay.slots.length === 0 ? <p>{t('reservations.no_times')}</p> : (
          <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            {selectedDay.slots.map((s) => {
              const pickable = s.state === 'open' || (s.state === 'full' && !changeToken) || (s.state === 'lottery' && entriesOpen && !changeToken);
              const status = s.state === 'open' ? t('reservations.seats_left', { n: s.free }) : s.state === 'full' ? t('reservations.slot_full')
                : s.state === 'lottery' ? t(entriesOpen ? 'reservations.slot_lottery' : 'reservations.slot_lottery_closed', { n: s.capacity })
                  : s.state === 'not_yet_open' ? t('reservations.slot_not_yet') : t('reservations.slot_closed');
              const label = <><span className="text-std-18B-160"><span className="sr-only">{formatDay(s.date, lang)} </span>{s.time}</span><span>{status}</span></>;
              return (
                <li key={s.startsAt}>
                  {pickable
                    ? <Button variant={s.state === 'full' ? 'tertiary' : 'secondary'} className="w-full justify-between" onClick={() => setSlot(s)}>{label}</Button>
                    : <p className="flex min-h-12 items-center justify-between rounded-8 border-2 border-solid-gray-300 px-5 text-solid-gray-700">{label}</p>}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    )}
  </>;
}
