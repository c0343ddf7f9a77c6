import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Button, ButtonLink } from '../../../components/Button.tsx';
import { Dialog } from '../../../components/Dialog.tsx';
import { ApiError } from '../../../app/api.ts';
import { areas, categories, items, publishing } from '../admin-api.ts';
import { GarbageNav } from './GarbageNav.tsx';

/** ごみの管理: what the draft holds, the latest publication, and preview / publish. */
export function OverviewPage() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useLoad(async () => {
    const [cats, list, ars, pubs] = await Promise.all([categories.list(api), items.list(api, { limit: 1 }), areas.list(api), publishing.list(api)]);
    return { categories: cats.length, items: list.total, areas: ars.length, latest: pubs[0] ?? null };
  }, [api]);
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await publishing.publish(api);
      setDone(r.version);
      load.reload();
    } catch (e) {
      setError((e instanceof ApiError && e.message) || t('error.generic'));
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <Page title={t('garbage.admin.title')} actions={<>
      <ButtonLink href={to('/admin/garbage/preview')} variant="secondary">{t('garbage.admin.preview')}</ButtonLink>
      <Button onClick={() => setAsking(true)}>{t('garbage.admin.publish')}</Button>
    </>}>
      <GarbageNav />
      {done !== null && <Notice kind="success" live>{t('garbage.admin.published', { version: done })}</Notice>}
      {error && <Notice kind="error" live>{error}</Notice>}
      <Loaded load={load}>
        {(d) => <>
          <h2 className="mb-3 text-std-20B-150">{t('garbage.admin.draft')}</h2>
          <dl className="mb-8 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-std-16N-170">
            <dt className="font-bold">{t('garbage.admin.section.categories')}</dt><dd data-testid="count-categories">{d.categories}</dd>
            <dt className="font-bold">{t('garbage.admin.section.items')}</dt><dd data-testid="count-items">{d.items}</dd>
            <dt className="font-bold">{t('garbage.admin.section.areas')}</dt><dd data-testid="count-areas">{d.areas}</dd>
          </dl>
          <h2 className="mb-3 text-std-20B-150">{t('garbage.admin.latest')}</h2>
          <p className="mb-2 text-std-16N-170" data-testid="latest">
            {d.latest ? t('garbage.admin.latest_is', { version: d.latest.version, at: formatDate(d.latest.publishedAt, lang, { time: true }) }) : t('garbage.admin.never_published')}
          </p>
          <p className="text-std-16N-170 text-solid-gray-700">{t('garbage.admin.draft_hint')}</p>
        </>}
      </Loaded>
      <Dialog open={asking} title={t('garbage.admin.publish_title')} onClose={() => setAsking(false)}>
        <p className="mb-6 text-std-16N-170">{t('garbage.admin.publish_confirm', { version: (load.data?.latest?.version ?? 0) + 1 })}</p>
        <div className="flex flex-wrap gap-3">
          <Button busy={busy} onClick={publish}>{t('garbage.admin.publish_now')}</Button>
          <Button variant="secondary" onClick={() => setAsking(false)}>{t('common.cancel')}</Button>
        </div>
      </Dialog>
    </Page>
  );
}
