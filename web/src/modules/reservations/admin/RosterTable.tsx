import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Button } from '../../../components/Button.tsx';
import { Dialog } from '../../../components/Dialog.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Table } from '../../../components/Table.tsx';
import { bookings, jstTime, type BookingAction, type RosterBooking } from '../admin-api.ts';

/** "09:00–09:30" of a booking in JST. */
export function slotLabel(b: { startsAt: string; endsAt: string }): string {
  return `${jstTime(b.startsAt)}–${jstTime(b.endsAt)}`;
}

/** The actions offered for a booking's status (no-show only once the slot has started). */
function actionsFor(b: RosterBooking, now: number): BookingAction[] {
  switch (b.status) {
    case 'provisional': return ['approve', 'check-in', 'cancel'];
    case 'confirmed': return new Date(b.startsAt).getTime() <= now ? ['check-in', 'no-show', 'cancel'] : ['check-in', 'cancel'];
    case 'checked_in': case 'no_show': return ['undo'];
    case 'waitlisted': return ['cancel'];
    default: return [];
  }
}

/** The day's bookings in time order with the counter's actions; cancelling asks first. */
export function RosterTable({ items, date, onChange }: { items: RosterBooking[]; date: string; onChange(): void }) {
  const { t } = useI18n();
  const { api } = useTenant();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [asking, setAsking] = useState<RosterBooking | null>(null);
  const now = Date.now();
  const run = async (b: RosterBooking, action: BookingAction) => {
    setBusy(b.id);
    try {
      const done = await bookings.act(api, b.id, action);
      setMessage({ kind: 'success', text: t('reservations.admin.acted', { name: b.name, status: t(`reservations.admin.status_${done.status}`) }) });
      onChange();
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message || t('error.generic') });
    } finally {
      setBusy(null);
      setAsking(null);
    }
  };
  const rows = [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.createdAt.localeCompare(b.createdAt));
  return <>
    {message && <Notice kind={message.kind} live>{message.text}</Notice>}
    <Table<RosterBooking> caption={t('reservations.admin.roster_caption', { date })} captionHidden={false} rows={rows} rowKey={(b) => b.id} empty={t('reservations.admin.roster_none')} minWidth="60rem" columns={[
      { header: t('reservations.admin.time'), cell: (b) => slotLabel(b), className: 'whitespace-nowrap' },
      { header: t('reservations.admin.person'), cell: (b) => <>{b.name}{b.kana && <span className="block text-dns-14N-130 text-solid-gray-700">{b.kana}</span>}</> },
      { header: t('reservations.admin.exam'), cell: (b) => b.examName ?? '' },
      { header: t('reservations.admin.status'), cell: (b) => <span data-testid="roster-status">{t(`reservations.admin.status_${b.status}`)}</span>, className: 'whitespace-nowrap' },
      { header: t('reservations.admin.channel'), cell: (b) => t(`reservations.admin.channel_${b.channel === 'online' ? 'online' : 'staff'}`), className: 'whitespace-nowrap' },
      { header: t('reservations.admin.phone'), cell: (b) => b.phone ?? '', className: 'whitespace-nowrap' },
      { header: t('reservations.admin.reference'), cell: (b) => b.reference, className: 'whitespace-nowrap' },
      {
        header: t('reservations.admin.actions'),
        cell: (b) => (
          <div className="flex flex-wrap gap-2">
            {actionsFor(b, now).map((a) => (
              <Button key={a} variant={a === 'cancel' ? 'danger' : a === 'check-in' || a === 'approve' ? 'primary' : 'secondary'} busy={busy === b.id}
                aria-label={t('reservations.admin.act_named', { action: t(`reservations.admin.act_${a}`), name: b.name })}
                onClick={() => (a === 'cancel' ? setAsking(b) : void run(b, a))}>
                {t(`reservations.admin.act_${a}`)}
              </Button>
            ))}
          </div>
        ),
      },
    ]} />
    <Dialog open={asking !== null} title={t('reservations.admin.cancel_title')} onClose={() => setAsking(null)}>
      {asking && <>
        <p className="mb-6 text-std-16N-170">{t('reservations.admin.cancel_body', { name: asking.name, time: slotLabel(asking) })}</p>
        <div className="flex flex-wrap gap-3">
          <Button variant="danger" busy={busy === asking.id} onClick={() => void run(asking, 'cancel')}>{t('reservations.admin.cancel_yes')}</Button>
          <Button variant="secondary" onClick={() => setAsking(null)}>{t('common.cancel')}</Button>
        </div>
      </>}
    </Dialog>
  </>;
}
