import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Button } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { resources, type AdminResource } from '../admin-api.ts';
import { copyText } from '../../../app/clipboard.ts';

/** The staff iCalendar feed of a resource: turn on (a new secret URL, shown once with a copy button) or off. */
export function FeedPanel({ resource, onChange }: { resource: AdminResource; onChange(): void }) {
  const { t } = useI18n();
  const { api } = useTenant();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const set = async (enabled: boolean) => {
    setBusy(true);
    setStatus(null);
    try {
      setUrl((await resources.feed(api, resource.id, enabled)).url);
      onChange();
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message || t('error.generic') });
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!url) return;
    if (await copyText(url, 'feed-url')) setStatus({ kind: 'success', text: t('reservations.admin.copied') });
  };
  const on = url !== null || resource.feedEnabled;
  return (
    <section aria-labelledby="feed-title" className="mb-10 max-w-3xl rounded-8 border border-solid-gray-420 p-4 md:p-6">
      <h2 id="feed-title" className="mb-2 text-std-24B-150">{t('reservations.admin.feed')}</h2>
      <p className="mb-4 text-std-16N-170 text-solid-gray-800">{t('reservations.admin.feed_lead')}</p>
      {status && <Notice kind={status.kind} live>{status.text}</Notice>}
      {url ? (
        <div className="mb-4">
          <label htmlFor="feed-url" className="mb-1 block text-std-17B-170">{t('reservations.admin.feed_url')}</label>
          <div className="flex flex-wrap gap-3">
            <input id="feed-url" readOnly value={url} className="field-input min-w-0 flex-1" onFocus={(e) => e.currentTarget.select()} />
            <Button variant="secondary" onClick={() => void copy()}>{t('reservations.admin.copy')}</Button>
          </div>
        </div>
      ) : (
        <p className="mb-4 text-std-16N-170" data-testid="feed-state">{on ? t('reservations.admin.feed_on_hidden') : t('reservations.admin.feed_off')}</p>
      )}
      <div className="flex flex-wrap gap-3">
        <Button variant={on ? 'secondary' : 'primary'} busy={busy} onClick={() => void set(true)}>{on ? t('reservations.admin.feed_rotate') : t('reservations.admin.feed_enable')}</Button>
        {on && <Button variant="danger" busy={busy} onClick={() => { setUrl(null); void set(false); }}>{t('reservations.admin.feed_disable')}</Button>}
      </div>
    </section>
  );
}
