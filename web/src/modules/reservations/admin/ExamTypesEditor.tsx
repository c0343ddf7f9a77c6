import { useI18n } from '../../../app/i18n/index.tsx';
import { Button } from '../../../components/Button.tsx';
import { Select, TextField } from '../../../components/fields.tsx';
import { emptyExam, type ExamRow } from './rules.ts';

/** The exam types of a checkup: code, names, capacity per slot and eligibility (sex, ages, interval); add and remove rows. */
export function ExamTypesEditor({ rows, errors, onChange }: { rows: ExamRow[]; errors: Record<string, string>; onChange(rows: ExamRow[]): void }) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<ExamRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const field = (i: number, key: keyof ExamRow, label: string, extra: { required?: boolean; inputMode?: 'numeric' } = {}) => (
    <TextField id={`res-exams.${i}.${key}`} label={label} value={rows[i][key] ?? ''} onChange={(v) => set(i, { [key]: v })}
      error={errors[`exams.${i}.${key}`]} className="md:w-56" {...extra} />
  );
  return (
    <fieldset className="mb-8 rounded-8 border border-solid-gray-420 p-4 md:p-6" aria-describedby="res-exams-hint">
      <legend className="px-2 text-std-18B-160">{t('reservations.admin.exams')}</legend>
      <p id="res-exams-hint" className="mb-4 text-std-16N-170 text-solid-gray-700">{t('reservations.admin.exams_hint')}</p>
      {errors.exams && <p id="res-exams" tabIndex={-1} className="mb-4 text-std-16B-170 text-error-2">{errors.exams}</p>}
      {rows.map((row, i) => (
        <fieldset key={row.id ?? `new-${i}`} className="mb-6 border-t border-solid-gray-200 pt-4">
          <legend className="text-std-17B-170">{t('reservations.admin.exam_n', { n: i + 1 })}</legend>
          <div className="flex flex-wrap gap-x-4">
            {field(i, 'code', t('reservations.admin.exam_code'), { required: true })}
            {field(i, 'nameJa', t('reservations.admin.exam_name_ja'), { required: true })}
            {field(i, 'nameEn', t('reservations.admin.exam_name_en'))}
            {field(i, 'capacity', t('reservations.admin.exam_capacity'), { required: true, inputMode: 'numeric' })}
            <Select id={`res-exams.${i}.sex`} label={t('reservations.admin.exam_sex')} value={row.sex} onChange={(v) => set(i, { sex: v })} className="md:w-56"
              options={[{ value: '', label: t('reservations.admin.sex_any') }, { value: 'female', label: t('reservations.admin.sex_female') }, { value: 'male', label: t('reservations.admin.sex_male') }]} />
            {field(i, 'minAge', t('reservations.admin.exam_min_age'), { inputMode: 'numeric' })}
            {field(i, 'maxAge', t('reservations.admin.exam_max_age'), { inputMode: 'numeric' })}
            {field(i, 'interval', t('reservations.admin.exam_interval'), { inputMode: 'numeric' })}
          </div>
          <Button variant="danger" onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('reservations.admin.exam_remove', { n: i + 1 })}</Button>
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => onChange([...rows, emptyExam()])}>{t('reservations.admin.exam_add')}</Button>
    </fieldset>
  );
}
