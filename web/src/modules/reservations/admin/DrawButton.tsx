import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { ApiError } from '../../../app/api.ts';
import { Button } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { resources } from '../admin-api.ts';

/** Draws a lottery by hand once its entry period ended (the nightly job would do it later). */
export function DrawButton({ resourceId, onDrawn }: { resourceId: string; onDrawn: () => void }) {
  const { t } = useI18n();
  const { api } = useTenant();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      const r = await resources.draw(api, resourceId);
      setResult({ kind: 'success', text: t('reservations.admin.drawn', r) });
      onDrawn();
    } catch (err) {
      const notDue = err instanceof ApiError && err.code === 'lottery_not_due';
      setResult({ kind: 'error', text: notDue ? t('reservations.admin.lottery_not_due') : (err as Error).message || t('error.generic') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="mt-4">
      {result?.kind !== 'success' && <Button variant="secondary" busy={busy} onClick={run}>{t('reservations.admin.draw_now')}</Button>}
      {result && <Notice kind={result.kind} live>{result.text}</Notice>}
    </div>
  );
}
