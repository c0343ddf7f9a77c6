import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { Dialog } from '../../../components/Dialog.tsx';
import { Button } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { FieldLabel, FieldMessages } from '../../../components/fields.tsx';
import { CkanApiError, type Ckan } from '../admin-api.ts';
import type { CkanResource } from './types.ts';
import { inLanguage } from './errors.ts';

/** 「ファイルを差し替える」: uploads a new file for a resource (resource_update), which is checked again. */
export function ReplaceDialog({ resource, ckan, onClose, onReplaced }: { resource: CkanResource | null; ckan: Ckan; onClose(): void; onReplaced(r: CkanResource): void }) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => { setFile(null); setError(null); onClose(); };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!resource) return;
    if (!file) return setError(t('opendata.admin.err.file'));
    setBusy(true);
    setError(null);
    try {
      const r = await ckan.replace(resource.id, file);
      setFile(null);
      onReplaced(r);
    } catch (err) {
      const fields = err instanceof CkanApiError ? inLanguage(Object.values(err.fields).flat(), lang) : [];
      setError((fields.length ? fields.join(' ') : (err as Error).message) || t('error.generic'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={resource !== null} title={t('opendata.admin.res.replace_title', { name: resource?.name ?? '' })} onClose={close}>
      <form noValidate onSubmit={submit}>
        {error && <Notice kind="error" live>{error}</Notice>}
        <div className="mb-6">
          <FieldLabel id="replace-file" label={t('opendata.admin.res.new_file')} required />
          <FieldMessages id="replace-file" hint={t('opendata.admin.res.replace_hint')} />
          <input id="replace-file" name="upload" type="file" className="text-std-16N-170" aria-describedby="replace-file-hint" aria-required
            onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={busy}>{t('opendata.admin.res.replace_now')}</Button>
          <Button variant="secondary" onClick={close}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
