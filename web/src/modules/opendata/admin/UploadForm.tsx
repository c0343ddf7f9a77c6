import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { ErrorSummary } from '../../../components/form.tsx';
import { FieldLabel, FieldMessages, TextField } from '../../../components/fields.tsx';
import { Button } from '../../../components/Button.tsx';
import type { Ckan } from '../admin-api.ts';
import type { CkanResource } from './types.ts';
import { fieldErrors } from './errors.ts';

/** Adds a file to a dataset (resource_create with the upload); the server checks it against the template. */
export function UploadForm({ packageId, ckan, hasTemplate, onUploaded }: { packageId: string; ckan: Ckan; hasTemplate: boolean; onUploaded(r: CkanResource): void }) {
  const { t, lang } = useI18n();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; form: string | null }>({ fields: {}, form: null });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const fail = (fields: Record<string, string>, form: string | null) => { setErrors({ fields, form }); setAttempt((n) => n + 1); };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const invalid: Record<string, string> = {};
    if (!name.trim()) invalid.name = t('opendata.admin.err.required');
    if (!file) invalid.upload = t('opendata.admin.err.file');
    if (Object.keys(invalid).length) return fail(invalid, null);
    setBusy(true);
    try {
      const r = await ckan.upload(packageId, name.trim(), file!);
      setErrors({ fields: {}, form: null });
      setName('');
      setFile(null);
      if (input.current) input.current.value = '';
      onUploaded(r);
    } catch (err) {
      const { fields, form } = fieldErrors(err, ['name', 'upload'], t('error.generic'), lang);
      fail(fields, form);
    } finally {
      setBusy(false);
    }
  };
  const labels = { name: t('opendata.admin.res.name'), upload: t('opendata.admin.res.file') };
  const fileError = errors.fields.upload;
  const described = ['up-upload-hint', fileError && 'up-upload-error'].filter(Boolean).join(' ');
  return (
    <form noValidate onSubmit={submit} aria-labelledby="upload-title" className="mb-8 max-w-3xl rounded-8 border border-solid-gray-420 p-4 md:p-6">
      <h3 id="upload-title" className="mb-2 text-std-20B-150">{t('opendata.admin.res.upload_title')}</h3>
      <p className="mb-4 text-std-16N-170 text-solid-gray-800">{hasTemplate ? t('opendata.admin.res.upload_lead_template') : t('opendata.admin.res.upload_lead')}</p>
      <ErrorSummary errors={errors} attempt={attempt} labels={labels} prefix="up" />
      <div className="mb-6">
        <FieldLabel id="up-upload" label={labels.upload} required />
        <FieldMessages id="up-upload" hint={t('opendata.admin.res.file_hint')} error={fileError} />
        <input ref={input} id="up-upload" name="upload" type="file" accept=".csv,.tsv,.xlsx,.json,.geojson,.xml,.pdf,text/csv" className="text-std-16N-170"
          aria-describedby={described} aria-invalid={fileError ? true : undefined} aria-required
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            // The file name without its extension is a fair first name for the resource.
            if (f && !name.trim()) setName(f.name.replace(/\.[^.]+$/, ''));
          }} />
      </div>
      <TextField id="up-name" label={labels.name} value={name} onChange={setName} required error={errors.fields.name} hint={t('opendata.admin.res.name_hint')} />
      <Button type="submit" busy={busy}>{t('opendata.admin.res.upload')}</Button>
    </form>
  );
}
