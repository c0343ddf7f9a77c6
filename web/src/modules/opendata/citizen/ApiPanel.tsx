import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Button } from '../../../components/Button.tsx';
import { actionPath } from '../api.ts';
import type { CkanPackage } from '../types.ts';
import { localText } from './text.ts';
import { copyText } from '../../../app/clipboard.ts';

/** One call shown as code with a copy button. */
function CallLine({ id, label, text }: { id: string; label: string; text: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState<boolean | null>(null);
  return (
    <div className="mb-5">
      <p id={`${id}-label`} className="mb-1 text-std-16B-170">{label}</p>
      <div className="flex flex-wrap items-start gap-2">
        <code id={id} data-testid="opendata-api-call" className="block min-w-0 flex-1 rounded-8 bg-solid-gray-50 p-3 font-mono text-dns-14N-130 break-all">{text}</code>
        <Button variant="secondary" size="sm" aria-describedby={`${id}-label`} onClick={async () => setDone(await copyText(text))}>{t('opendata.copy')}</Button>
      </div>
      <p role="status" className="mt-1 text-dns-14N-130 text-solid-gray-800">{done === null ? '' : t(done ? 'opendata.copied' : 'opendata.copy_failed')}</p>
    </div>
  );
}

/**
 * How to read this dataset by program: the exact CKAN Action API calls (package_show, and
 * datastore_search for each tabular file), a curl line, and the DCAT metadata in JSON-LD and Turtle.
 */
export function ApiPanel({ pkg }: { pkg: CkanPackage }) {
  const { t, lang } = useI18n();
  const { slug } = useTenant();
  const base = `${location.origin}/t/${slug}`;
  const show = `${base}${actionPath('package_show', { id: pkg.name })}`;
  const tabular = pkg.resources.filter((r) => r.datastore_active);
  const dcat = `/t/${slug}/dataset/${encodeURIComponent(pkg.name)}`;
  return (
    <details className="mb-10 rounded-8 border border-solid-gray-420 bg-white p-4" data-testid="opendata-api">
      <summary className="cursor-pointer text-std-18B-160 text-key-900">{t('opendata.api_title')}</summary>
      <div className="mt-4">
        <p className="mb-4 text-std-16N-170">{t('opendata.api_lead')}</p>
        <CallLine id="od-api-show" label={t('opendata.api_show')} text={`GET ${show}`} />
        {tabular.map((r, i) => (
          <CallLine key={r.id} id={`od-api-ds-${i}`} label={t('opendata.api_datastore', { name: localText(r.name_translated, r.name, lang).text })}
            text={`GET ${base}${actionPath('datastore_search', { resource_id: r.id, limit: 5 })}`} />
        ))}
        <CallLine id="od-api-curl" label={t('opendata.api_curl')} text={`curl '${show}'`} />
        <p className="mb-1 text-std-16B-170">{t('opendata.dcat')}</p>
        <ul className="flex flex-wrap gap-x-6 gap-y-2 text-std-16N-170">
          <li><a href={`${dcat}.jsonld`} type="application/ld+json">{t('opendata.dcat_jsonld')}</a></li>
          <li><a href={`${dcat}.ttl`} type="text/turtle">{t('opendata.dcat_ttl')}</a></li>
        </ul>
      </div>
    </details>
  );
}
