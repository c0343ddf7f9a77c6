import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { navigate } from '../../../app/router.tsx';
import { ApiError } from '../../../app/api.ts';
import { Button } from '../../../components/Button.tsx';
import { FieldLabel, FieldMessages, Select } from '../../../components/fields.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { procedures, type DepartmentOption, type ProcedureExport } from '../admin-api.ts';

/** Reads a form another city shared (`yakuba.form/1` JSON) and creates a procedure with it as a draft. */
export function ImportForm({ departments }: { departments: DepartmentOption[] }) {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const [departmentId, setDepartmentId] = useState(departments[0]?.id ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    if (!file) return setError(t('applications.import.choose_file'));
    let data: ProcedureExport;
    try {
      data = JSON.parse(await file.text()) as ProcedureExport;
    } catch {
      return setError(t('applications.import.not_json', { name: file.name }));
    }
    if (!data || data.format !== 'yakuba.form/1') return setError(t('applications.import.wrong_format', { name: file.name }));
    setBusy(true);
    try {
      const created = await procedures.importJson(api, data, departmentId);
      navigate(to(`/admin/applications/procedures/${created.id}`));
    } catch (err) {
      setError((err instanceof ApiError && err.message) || t('error.generic'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="import-title" className="rounded-12 bg-solid-gray-50 p-4 md:p-6">
      <h2 id="import-title" className="mb-2 text-std-20B-150">{t('applications.import.title')}</h2>
      <p className="mb-4 text-std-16N-170">{t('applications.import.lead')}</p>
      {error && <Notice kind="error" live>{error}</Notice>}
      <form onSubmit={submit} aria-labelledby="import-title" noValidate>
        <Select id="import-department" label={t('applications.procedure.department')} required value={departmentId} onChange={setDepartmentId}
          options={departments.map((d) => ({ value: d.id, label: lang === 'en' ? d.nameEn || d.nameJa : d.nameJa }))} />
        <div className="mb-6">
          <FieldLabel id="import-file" label={t('applications.import.file')} required />
          <FieldMessages id="import-file" hint={t('applications.import.file_hint')} />
          <input id="import-file" type="file" accept="application/json,.json" aria-describedby="import-file-hint" aria-required="true"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="block min-h-11 text-std-16N-170" />
        </div>
        <Button type="submit" variant="secondary" busy={busy}>{t('applications.import.submit')}</Button>
      </form>
    </section>
  );
}
