import { useState } from 'react';
import { useI18n } from '../app/i18n/index.tsx';
import { PushError, pushSupported, subscribePush, unsubscribePush } from '../app/push.ts';
import { Button } from './Button.tsx';
import { Notice } from './Notice.tsx';

/**
 * Turns Web Push on or off for this browser: for the given topics, or the signed-in person's own
 * notifications when `topics` is omitted. Where push cannot work it says so and what to use instead.
 */
export function PushToggle({ slug, topics, on, onChange }: { slug: string; topics?: string[]; on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!pushSupported()) return <p className="text-std-16N-170 text-solid-gray-800">{t('push.unsupported')}</p>;
  const toggle = async () => {
    setBusy(true); setProblem(null);
    try {
      if (on) await unsubscribePush(slug, topics ?? []);
      else await subscribePush(slug, topics ?? []);
      onChange(!on);
    } catch (e) {
      setProblem(t(e instanceof PushError ? `push.${e.reason}` : 'push.failed'));
    } finally { setBusy(false); }
  };
  return <>
    {problem && <Notice kind="warning" live>{problem}</Notice>}
    <Button variant={on ? 'secondary' : 'primary'} busy={busy} onClick={() => void toggle()} aria-pressed={on}>{on ? t('push.turn_off') : t('push.turn_on')}</Button>
  </>;
}
