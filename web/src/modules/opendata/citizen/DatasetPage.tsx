import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Link } from '../../../app/router.tsx';
import { useParams } from '../../../app/routes.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { Loading, Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { packageShow } from '../api.ts';
import type { CkanPackage } from '../types.ts';
import { ckanDate, localText } from './text.ts';
import { licenseTitle } from './bits.tsx';
import { useLicenses } from './useNames.ts';
import { Resources } from './Resources.tsx';
import { DataPreview } from './DataPreview.tsx';
import { ApiPanel } from './ApiPanel.tsx';

/**
 * `/t/{slug}/opendata/dataset/:name`: one dataset. What it is and who keeps it, its files with
 * download links, a table (and map) preview of its tabular files, and how to read it through the API.
 */
export function DatasetPage() {
  const { t, pick } = useI18n();
  const { api, portal, to } = useTenant();
  const { name = '' } = useParams();
  const load = useLoad(() => packageShow(api, name), [api, name]);
  const site = portal ? pick(portal.tenant.name) : undefined;
  const crumbs = [{ href: to('/opendata'), label: t('opendata.title') }];
  if (load.error) {
    return (
      <Page title={t(load.error.status === 404 ? 'opendata.not_found' : 'opendata.title')} site={site} crumbs={crumbs}>
        <Notice kind={load.error.status === 404 ? 'info' : 'error'} live>
          {load.error.status === 404 ? t('opendata.not_found_body') : load.error.message || t('error.generic')}
        </Notice>
        <p className="text-std-16N-170"><Link href={to('/opendata')}>{t('opendata.back_to_catalog')}</Link></p>
      </Page>
    );
  }
  if (!load.data) return <Page title={t('opendata.title')} site={site} crumbs={crumbs}><Loading /></Page>;
  return <Dataset pkg={load.data} site={site} crumbs={crumbs} />;
}

function Dataset({ pkg, site, crumbs }: { pkg: CkanPackage; site?: string; crumbs: { href: string; label: string }[] }) {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const licenses = useLicenses(api, lang);
  const title = localText(pkg.title_translated, pkg.title, lang);
  const jaTitle = pkg.title_translated?.ja || pkg.title;
  const notes = localText(pkg.notes_translated, pkg.notes, lang);
  const org = pkg.organization ? localText(pkg.organization.title_translated, pkg.organization.title, lang) : null;
  const updated = ckanDate(pkg.metadata_modified);
  const created = ckanDate(pkg.metadata_created);
  const catalog = (field: string, value: string) => `${to('/opendata')}?${new URLSearchParams({ [field]: value })}`;
  const tabular = pkg.resources.filter((r) => r.datastore_active);
  return (
    <Page title={title.text} site={site} crumbs={crumbs}
      lead={title.text !== jaTitle ? <p lang="ja" className="text-std-17N-170">{jaTitle}</p> : undefined}>
      {notes.text && <p lang={notes.lang} className="mb-8 max-w-3xl whitespace-pre-line text-std-16N-175">{notes.text}</p>}
      <section aria-labelledby="od-about" className="mb-10">
        <h2 id="od-about" className="mb-3 text-std-24B-150">{t('opendata.about')}</h2>
        <dl className="grid gap-x-6 border-t border-solid-gray-420 sm:grid-cols-[12rem_1fr]">
          {org && <Row term={t('opendata.organization')}><Link href={catalog('organization', pkg.organization!.name)} lang={org.lang}>{org.text}</Link></Row>}
          <Row term={t('opendata.license')}>
            {pkg.license_url ? <a href={pkg.license_url} rel="license noopener">{licenseTitle(pkg, licenses)}</a> : licenseTitle(pkg, licenses)}
          </Row>
          {pkg.groups.length > 0 && <Row term={t('opendata.groups')}>
            <ul className="flex flex-wrap gap-x-4 gap-y-1">{pkg.groups.map((g) => {
              const gt = localText(g.title_translated, g.title || g.display_name || g.name, lang);
              return <li key={g.name}><Link href={catalog('groups', g.name)} lang={gt.lang}>{gt.text}</Link></li>;
            })}</ul>
          </Row>}
          {pkg.tags.length > 0 && <Row term={t('opendata.tags')}>
            <ul className="flex flex-wrap gap-2">{pkg.tags.map((tag) => (
              <li key={tag.name}><Link href={catalog('tags', tag.name)} className="inline-block rounded-full border border-solid-gray-420 px-3 text-dns-16N-130">{tag.display_name || tag.name}</Link></li>
            ))}</ul>
          </Row>}
          {updated && <Row term={t('opendata.updated')}><time dateTime={updated.toISOString()}>{formatDate(updated, lang)}</time></Row>}
          {created && <Row term={t('opendata.created')}><time dateTime={created.toISOString()}>{formatDate(created, lang)}</time></Row>}
        </dl>
      </section>
      <Resources resources={pkg.resources} />
      {tabular.length > 0 && (
        <section aria-labelledby="od-preview" className="mb-10">
          <h2 id="od-preview" className="mb-3 text-std-24B-150">{t('opendata.preview_title')}</h2>
          {tabular.map((r) => <DataPreview key={r.id} resource={r} />)}
        </section>
      )}
      <ApiPanel pkg={pkg} />
    </Page>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return <>
    <dt className="pt-3 text-std-16B-170 sm:border-b sm:border-solid-gray-420 sm:pb-3">{term}</dt>
    <dd className="border-b border-solid-gray-420 pb-3 text-std-16N-170 sm:pt-3">{children}</dd>
  </>;
}
