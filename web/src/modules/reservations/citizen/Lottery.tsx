import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { formatDate } from '../../../app/format.ts';
import { ButtonLink } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import type { ExamType, LotteryEntered, PublicResource } from '../citizen-api.ts';
import { formatSlot } from './format.ts';

/** Whether the resource takes lottery entries now (its slots stay `lottery` after the deadline until staff draw). */
export function lotteryOpen(resource: PublicResource, now = Date.now()): boolean {
  return !!resource.lottery && !resource.lottery.drawn && Date.parse(resource.lottery.entriesUntil) > now;
}

/** How the lottery works, above the calendar: which days, until when one may enter, and what happens after the draw. */
export function LotteryNotice({ resource }: { resource: PublicResource }) {
  const { t, lang } = useI18n();
  const l = resource.lottery;
  if (!l || l.drawn) return null;
  const until = formatDate(l.entriesUntil, lang, { time: true, era: true });
  const slotsUntil = formatDate(`${l.slotsUntil}T12:00:00+09:00`, lang, { era: true });
  return (
    <Notice kind="info" title={t('reservations.lottery_title')}>
      <p data-testid="lottery-notice">{t(lotteryOpen(resource) ? 'reservations.lottery_lead' : 'reservations.lottery_lead_closed', { until, slotsUntil })}</p>
      <p>{t('reservations.lottery_after')}</p>
    </Notice>
  );
}

/** The answer to a lottery entry: what was entered for and that the result comes by email. */
export function LotteryEnteredView({ entry, resource, exam }: { entry: LotteryEntered; resource: PublicResource; exam: ExamType | null }) {
  const { t, lang } = useI18n();
  const { to } = useTenant();
  const endsAt = new Date(Date.parse(entry.startsAt) + resource.slotMinutes * 60_000).toISOString();
  return (
    <section aria-labelledby="entered-title">
      <h2 id="entered-title" tabIndex={-1} ref={(h) => h?.focus()} className="mb-4 text-std-24B-150">{t('reservations.lottery_entered')}</h2>
      <p className="mb-4 text-std-16B-170" data-testid="lottery-entered-slot">
        {t('reservations.lottery_entered_for', { when: formatSlot(entry.startsAt, endsAt, lang), what: exam ? `${resource.name}（${exam.name}）` : resource.name })}
      </p>
      <Notice kind="info">{t('reservations.lottery_result_by_email')}</Notice>
      <ButtonLink href={to('/reservations')} variant="secondary">{t('reservations.back_to_list')}</ButtonLink>
    </section>
  );
}
