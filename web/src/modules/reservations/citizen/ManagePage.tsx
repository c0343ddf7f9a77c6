import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { useParams } from '../../../app/routes.tsx';
import { formatDate } from '../../../app/format.ts';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Button, ButtonLink } from '../../../components/Button.tsx';
import { Dialog } from '../../../components/Dialog.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { reservationsApi, ReservationError } from '../citizen-api.ts';
import { BookingDetails } from './BookingDetails.tsx';
import { formatSlot } from './format.ts';

/** `/t/{slug}/reservations/manage/:token` (the link in every booking email): see, cancel, change or confirm a booking. */
export function ManagePage() {
  const { t, lang, pick } = useI18n();
  const { slug, portal, to } = useTenant();
  const { token } = useParams();
  const api = reservationsApi(slug);
  const load = useLoad(() => api.booking(token), [slug, token]);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true); setMessage(null);
    try { await fn(); setMessage({ kind: 'success', text: ok }); load.reload(); }
    catch (e) { setMessage({ kind: 'error', text: (e instanceof ReservationError && e.message) || t('error.generic') }); }
    finally { setBusy(false); setAsking(false); }
  };
  return (
    <Page title={t('reservations.manage_title')} site={portal ? pick(portal.tenant.name) : undefined} crumbs={[{ href: to('/reservations'), label: t('reservations.title') }]}>
      {message && <Notice kind={message.kind} live>{message.text}</Notice>}
      <Loaded load={load}>{(b) => <>
        <BookingDetails booking={b} />
        {b.canConfirm && b.provisionalUntil && <Notice kind="warning">{t('reservations.offer_until', { when: formatDate(b.provisionalUntil, lang, { time: true, era: true }) })}</Notice>}
        <div className="flex flex-wrap gap-3">
          {b.canConfirm && <Button busy={busy} onClick={() => void act(() => api.confirm(token), t('reservations.done_title'))}>{t('reservations.confirm_offer')}</Button>}
          {b.canChange && <ButtonLink variant="secondary" href={to(`/reservations/${b.resourceId}?change=${encodeURIComponent(token)}${b.examTypeId ? `&exam=${b.examTypeId}` : ''}`)}>{t('reservations.change')}</ButtonLink>}
          {b.canCancel && <Button variant="danger" onClick={() => setAsking(true)}>{t('reservations.cancel')}</Button>}
        </div>
        <Dialog open={asking} title={t('reservations.cancel')} onClose={() => setAsking(false)}>
          <p className="mb-6 text-std-16N-170">{t('reservations.cancel_confirm', { when: formatSlot(b.startsAt, b.endsAt, lang) })}</p>
          <div className="flex flex-wrap gap-3">
            <Button variant="danger" busy={busy} onClick={() => void act(() => api.cancel(token), t('reservations.cancelled'))}>{t('reservations.cancel_yes')}</Button>
            <Button variant="secondary" onClick={() => setAsking(false)}>{t('reservations.cancel_no')}</Button>
          </div>
        </Dialog>
      </>}</Loaded>
    </Page>
  );
}
