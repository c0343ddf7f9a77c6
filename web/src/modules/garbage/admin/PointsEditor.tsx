import { useI18n } from '../../../app/i18n/index.tsx';
import { Button } from '../../../components/Button.tsx';

/** A collection point row as text inputs. */
export interface PointRow { name: string; nameKana: string; address: string; lat: string; lng: string; notes: string }

/** An empty point row. */
export const emptyPoint = (): PointRow => ({ name: '', nameKana: '', address: '', lat: '', lng: '', notes: '' });

const COLS = ['name', 'nameKana', 'address', 'lat', 'lng', 'notes'] as const;

/** The area's collection points as an editable table: one row per point, added and removed in place. */
export function PointsEditor({ rows, onChange, error }: { rows: PointRow[]; onChange(rows: PointRow[]): void; error?: string }) {
  const { t } = useI18n();
  const set = (i: number, key: keyof PointRow, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <fieldset className="mb-8 rounded-8 border border-solid-gray-420 p-4 md:p-6">
      <legend className="px-2 text-std-18B-160">{t('garbage.admin.points')}</legend>
      {error && <p id="area-points" tabIndex={-1} className="mb-4 text-std-16B-170 text-error-2">{error}</p>}
      <div className="mb-4 overflow-x-auto" role="region" aria-label={t('garbage.admin.points')} tabIndex={0}>
        <table className="w-full min-w-[48rem] border-collapse text-left text-std-16N-170">
          <thead><tr>
            {COLS.map((c) => <th key={c} scope="col" className="px-2 py-2 text-std-16B-170">{t(`garbage.admin.point.${c}`)}</th>)}
            <th scope="col" className="px-2 py-2"><span className="sr-only">{t('garbage.admin.actions')}</span></th>
          </tr></thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={COLS.length + 1} className="px-2 py-4 text-solid-gray-700">{t('garbage.admin.none')}</td></tr>}
            {rows.map((r, i) => (
              <tr key={i} className="border-t border-solid-gray-200">
                {COLS.map((c) => (
                  <td key={c} className="px-1 py-1">
                    <input className="field-input" value={r[c]} onChange={(e) => set(i, c, e.target.value)} id={`area-points-${i}-${c}`}
                      aria-label={t('garbage.admin.point_cell', { n: i + 1, col: t(`garbage.admin.point.${c}`) })}
                      inputMode={c === 'lat' || c === 'lng' ? 'decimal' : undefined} />
                  </td>
                ))}
                <td className="px-1 py-1">
                  <Button variant="danger" size="sm" onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('garbage.admin.remove_n', { n: i + 1 })}</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button variant="secondary" onClick={() => onChange([...rows, emptyPoint()])}>{t('garbage.admin.point_add')}</Button>
    </fieldset>
  );
}
