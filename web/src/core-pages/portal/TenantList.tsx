import { useEffect, useState } from 'react';
import { apiRequest } from '../../app/api.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { Footer, Header } from '../../components/Header.tsx';
import { SkipLink } from '../../components/SkipLink.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { Notice } from '../../components/Notice.tsx';
import type { TenantSummary } from '../api/types.ts';

/** `/`: the municipalities this installation serves. */
export function TenantList() {
  const { t, pick } = useI18n();
  const [tenants, setTenants] = useState<TenantSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    apiRequest<{ tenants: TenantSummary[] }>(null, 'GET', '/tenants').then((r) => setTenants(r.tenants), () => setFailed(true));
  }, []);
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <Header home="/" title={t('app.name')} subtitle={t('app.tagline')} />
      <main id="main" tabIndex={-1} className="container-page flex-1 py-8 md:py-12">
        <Page title={t('tenants.title')} lead={t('tenants.lead')}>
          {failed && <Notice kind="error" live>{t('error.network')}</Notice>}
          {!tenants && !failed && <Loading />}
          {tenants && tenants.length === 0 && <Notice>{t('tenants.none')}</Notice>}
          {tenants && tenants.length > 0 && (
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {tenants.map((tn) => (
                <li key={tn.slug}>
                  <Link href={`/t/${tn.slug}`} className="flex h-full flex-col rounded-12 border border-solid-gray-420 bg-white p-6 text-solid-gray-900 no-underline shadow-1 hover:border-key-900 hover:bg-key-50 hover:underline">
                    <span className="text-std-22B-150 text-key-900">{pick(tn.name)}</span>
                    <span className="mt-1 text-dns-14N-130 text-solid-gray-700">{t('tenants.lgcode', { code: tn.lgCode })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Page>
      </main>
      <Footer note={t('app.footer_note')} />
    </div>
  );
}
