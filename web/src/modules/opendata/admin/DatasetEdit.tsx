import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLocation } from '../../../app/router.tsx';
import { useParams } from '../../../app/routes.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { ckan, staff } from '../admin-api.ts';
import { DatasetForm, type Options } from './DatasetForm.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { ResourcesSection } from './ResourcesSection.tsx';
import { textIn } from './util.ts';

/** The choices of the dataset form, loaded together. */
function useOptions(c: ReturnType<typeof ckan>, api: ReturnType<typeof useTenant>['api']) {
  return useLoad(async (): Promise<Options> => {
    const [orgs, groups, licenses, templates] = await Promise.all([c.organizations(), c.groups(), c.licenses(), staff.templates(api)]);
    return { orgs, groups, licenses, templates };
  }, [c, api]);
}

/** データセットを作成 (/opendata/new): the form only; the files come once the draft exists. */
export function DatasetNew() {
  const { t } = useI18n();
  const { slug, api, to } = useTenant();
  const c = useMemo(() => ckan(slug), [slug]);
  const options = useOptions(c, api);
  const title = t('opendata.admin.create');
  return (
    <Page title={title} crumbs={[{ href: to('/admin/opendata'), label: t('opendata.admin.title') }]}>
      <p className="mb-6 max-w-3xl text-std-16N-170">{t('opendata.admin.new_lead')}</p>
      <Loaded load={options}>{(o) => <DatasetForm pkg={null} options={o} ckan={c} onSaved={() => undefined} />}</Loaded>
    </Page>
  );
}

/** A dataset (/opendata/dataset/:name): its fields, publishing, and its files with their standard checks. */
export function DatasetEdit() {
  const { t, lang } = useI18n();
  const { slug, api, to } = useTenant();
  const { name } = useParams();
  const c = useMemo(() => ckan(slug), [slug]);
  const options = useOptions(c, api);
  const pkg = useLoad(() => c.show(name), [c, name]);
  const [saved, setSaved] = useState(useLocation().search.get('created') === '1');
  const title = pkg.data ? textIn(pkg.data.title_translated, lang, pkg.data.title || pkg.data.name) : t('opendata.admin.dataset');
  return (
    <Page title={title} crumbs={[{ href: to('/admin/opendata'), label: t('opendata.admin.title') }]}>
      {saved && <Notice kind="success" live>{t('opendata.admin.saved')}</Notice>}
      <Loaded load={pkg}>
        {(p) => <>
          {p.source && <Notice kind="info">{t('opendata.admin.living')}</Notice>}
          <PublishPanel pkg={p} ckan={c} onChange={() => pkg.reload()} />
          <section aria-labelledby="fields-title" className="mb-10">
            <h2 id="fields-title" className="mb-4 text-std-24B-150">{t('opendata.admin.fields')}</h2>
            <Loaded load={options}>
              {(o) => <DatasetForm key={p.id} pkg={p} options={o} ckan={c} onSaved={() => { setSaved(true); pkg.reload(); }} />}
            </Loaded>
          </section>
          <ResourcesSection pkg={p} ckan={c} onChange={() => pkg.reload()} />
        </>}
      </Loaded>
    </Page>
  );
}
