import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { ApiError } from '../../../app/api.ts';
import { Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Button } from '../../../components/Button.tsx';
import { Select } from '../../../components/fields.tsx';
import { exchange, FILES_5374, type ImportResult } from '../admin-api.ts';
import { GarbageNav } from './GarbageNav.tsx';
import { ImportReport } from './ImportReport.tsx';
import { BOX, LEGEND } from './util.ts';

/** A file's bytes as base64 (the server detects UTF-8, BOM, CP932 and UTF-16 itself). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

type Files = Partial<Record<(typeof FILES_5374)[number], File>>;

/** 取り込みと書き出し: 5374 files and the standard datasets, with a dry run before the real import. */
export function ExchangePage() {
  const { t } = useI18n();
  const { api, slug, to } = useTenant();
  const [files, setFiles] = useState<Files>({});
  const [stdKind, setStdKind] = useState<'items' | 'points'>('items');
  const [stdFile, setStdFile] = useState<File | null>(null);
  const [result, setResult] = useState<{ source: '5374' | 'standard'; dryRun: boolean; data: ImportResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (source: '5374' | 'standard', dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const data = source === '5374'
        ? await exchange.import5374(api, Object.fromEntries(await Promise.all(Object.entries(files).map(async ([k, f]) => [k, await base64Of(f)]))), dryRun)
        : await exchange.importStandard(api, stdKind, await base64Of(stdFile!), dryRun);
      setResult({ source, dryRun, data });
    } catch (e) {
      setError((e instanceof ApiError && e.message) || t('error.generic'));
    } finally {
      setBusy(false);
    }
  };
  const hasErrors = (r: ImportResult) => r.report.some((l) => l.level === 'error');
  // Importing replaces the draft, so it is offered only after a clean dry run of the same source.
  const canImport = (source: '5374' | 'standard') => result?.source === source && result.dryRun && !hasErrors(result.data);
  const submit5374 = (e: FormEvent) => { e.preventDefault(); void run('5374', true); };
  const submitStd = (e: FormEvent) => { e.preventDefault(); void run('standard', true); };
  return (
    <Page title={t('garbage.admin.section.exchange')} crumbs={[{ href: to('/admin/garbage'), label: t('garbage.admin.title') }]}>
      <GarbageNav />
      {error && <Notice kind="error" live>{error}</Notice>}
      <form className={BOX} onSubmit={submit5374} aria-labelledby="x-5374-h">
        <h2 id="x-5374-h" className={`${LEGEND} mb-2 px-0`}>{t('garbage.admin.import_5374')}</h2>
        <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('garbage.admin.import_5374_hint')}</p>
        {FILES_5374.map((f) => (
          <div key={f} className="mb-4">
            <label htmlFor={`x-${f}`} className="mb-1 block text-std-17B-170">{f}.csv</label>
            <input id={`x-${f}`} type="file" accept=".csv,text/csv" className="text-std-16N-170"
              onChange={(e) => { const file = e.target.files?.[0]; setResult(null); setFiles((x) => ({ ...x, [f]: file })); }} />
          </div>
        ))}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" variant="secondary" busy={busy} disabled={Object.values(files).every((x) => !x)}>{t('garbage.admin.dry_run')}</Button>
          <Button busy={busy} disabled={!canImport('5374')} onClick={() => void run('5374', false)}>{t('garbage.admin.import_now')}</Button>
        </div>
      </form>
      <form className={BOX} onSubmit={submitStd} aria-labelledby="x-std-h">
        <h2 id="x-std-h" className={`${LEGEND} mb-2 px-0`}>{t('garbage.admin.import_standard')}</h2>
        <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('garbage.admin.import_standard_hint')}</p>
        <Select id="x-std-kind" label={t('garbage.admin.dataset')} noTag value={stdKind} onChange={(v) => { setStdKind(v as 'items' | 'points'); setResult(null); }} className="md:w-96"
          options={[{ value: 'items', label: t('garbage.admin.dataset.items') }, { value: 'points', label: t('garbage.admin.dataset.points') }]} />
        <div className="mb-4">
          <label htmlFor="x-std-file" className="mb-1 block text-std-17B-170">{t('garbage.admin.csv_file')}</label>
          <input id="x-std-file" type="file" accept=".csv,text/csv" className="text-std-16N-170" onChange={(e) => { setStdFile(e.target.files?.[0] ?? null); setResult(null); }} />
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" variant="secondary" busy={busy} disabled={!stdFile}>{t('garbage.admin.dry_run')}</Button>
          <Button busy={busy} disabled={!canImport('standard')} onClick={() => void run('standard', false)}>{t('garbage.admin.import_now')}</Button>
        </div>
      </form>
      {result && <ImportReport dryRun={result.dryRun} result={result.data} />}
      <section className={BOX} aria-labelledby="x-export-h">
        <h2 id="x-export-h" className={`${LEGEND} mb-4 px-0`}>{t('garbage.admin.export')}</h2>
        <h3 className="mb-2 text-std-17B-170">5374</h3>
        <ul className="mb-4 flex flex-wrap gap-x-6 text-std-16N-170">
          {FILES_5374.map((f) => <li key={f}><a href={exchange.href5374(slug, f)} download>{f}.csv</a></li>)}
        </ul>
        <h3 className="mb-2 text-std-17B-170">{t('garbage.admin.standard')}</h3>
        <ul className="text-std-16N-170">
          {(['items', 'points'] as const).map((k) => (
            <li key={k} className="mb-1">
              {t(`garbage.admin.dataset.${k}`)}：<a href={exchange.hrefStandard(slug, k, 'utf8')} download>UTF-8</a>{' / '}
              <a href={exchange.hrefStandard(slug, k, 'cp932')} download>{t('garbage.admin.cp932')}</a>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
