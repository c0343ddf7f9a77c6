import { useState } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import { CheckboxGroup, Select, TextArea, TextField } from '../../../../components/fields.tsx';
import type { ComputedValue, Expression, FormField } from '../../form/engine.ts';
import { useBuilder } from './context.ts';
import { LangText } from './LangText.tsx';
import { ItemButtons, NumberField, RadioRow, focusLater, smallButton } from './controls.tsx';
import { move, uniqueKey } from './ops.ts';

/** The small expression builder's shapes: a group's count (× an amount), a field × an amount, a sum of fields, or raw JSON Logic. */
export type ExprForm =
  | { mode: 'count'; group: string; amount?: number }
  | { mode: 'times'; field: string; amount: number }
  | { mode: 'sum'; fields: string[] }
  | { mode: 'advanced' };

const isVar = (x: unknown): x is { var: string } => !!x && typeof x === 'object' && typeof (x as { var?: unknown }).var === 'string';
const isCount = (x: unknown): x is { count: { var: string } } => !!x && typeof x === 'object' && isVar((x as { count?: unknown }).count);

/** Reads an expression the builder made back into its form; anything else is 'advanced'. */
export function readExpr(e: Expression): ExprForm {
  if (isCount(e)) return { mode: 'count', group: e.count.var };
  const o = (e ?? {}) as Record<string, unknown>;
  const m = o['*'];
  if (Array.isArray(m) && m.length === 2 && typeof m[1] === 'number') {
    if (isCount(m[0])) return { mode: 'count', group: m[0].count.var, amount: m[1] };
    if (isVar(m[0])) return { mode: 'times', field: m[0].var, amount: m[1] };
  }
  const p = o['+'];
  if (Array.isArray(p) && p.every(isVar)) return { mode: 'sum', fields: p.map((v) => v.var) };
  return { mode: 'advanced' };
}

/** The JSON Logic of a builder form (advanced keeps `current`). */
export function writeExpr(f: ExprForm, current: Expression): Expression {
  if (f.mode === 'count') return f.amount === undefined ? { count: { var: f.group } } : { '*': [{ count: { var: f.group } }, f.amount] };
  if (f.mode === 'times') return { '*': [{ var: f.field }, f.amount] };
  if (f.mode === 'sum') return { '+': f.fields.map((k) => ({ var: k })) };
  return current;
}

function ExpressionEditor({ id, value, onChange, groups, numbers }: { id: string; value: Expression; onChange(e: Expression): void; groups: FormField[]; numbers: FormField[] }) {
  const { t } = useI18n();
  const [form, setForm] = useState<ExprForm>(() => readExpr(value));
  const [json, setJson] = useState(JSON.stringify(value ?? null, null, 2));
  const [error, setError] = useState('');
  const put = (f: ExprForm) => { setForm(f); if (f.mode !== 'advanced') onChange(writeExpr(f, value)); else setJson(JSON.stringify(value ?? null, null, 2)); };
  const fresh: Record<ExprForm['mode'], ExprForm> = {
    count: { mode: 'count', group: groups[0]?.key ?? '', amount: 10000 },
    times: { mode: 'times', field: numbers[0]?.key ?? '', amount: 1 },
    sum: { mode: 'sum', fields: numbers.slice(0, 2).map((f) => f.key) },
    advanced: { mode: 'advanced' },
  };
  const opt = (f: FormField) => ({ value: f.key, label: `${f.label.ja}（${f.key}）` });
  return (
    <fieldset className="mb-4 rounded-8 border border-solid-gray-420 p-3">
      <legend className="px-1 text-std-17B-170">{t('applications.builder.expression')}</legend>
      <div className="mb-2 flex flex-wrap gap-x-6">
        {(['count', 'times', 'sum', 'advanced'] as const).map((m) => (
          <RadioRow key={m} id={`${id}-mode-${m}`} name={`${id}-mode`} label={t(`applications.builder.expr_${m}`)} checked={form.mode === m} onChange={() => put(form.mode === m ? form : fresh[m])} />
        ))}
      </div>
      {form.mode === 'count' && <div className="grid gap-x-4 sm:grid-cols-2">
        <Select noTag id={`${id}-group`} label={t('applications.builder.expr_group')} value={form.group} className="mb-4"
          options={[{ value: '', label: '—' }, ...groups.map(opt)]} onChange={(g) => put({ ...form, group: g })} />
        <NumberField id={`${id}-amount`} label={t('applications.builder.expr_amount_each')} hint={t('applications.builder.expr_amount_hint')} value={form.amount} onChange={(a) => put({ ...form, amount: a })} />
      </div>}
      {form.mode === 'times' && <div className="grid gap-x-4 sm:grid-cols-2">
        <Select noTag id={`${id}-field`} label={t('applications.builder.expr_field')} value={form.field} className="mb-4"
          options={[{ value: '', label: '—' }, ...numbers.map(opt)]} onChange={(f) => put({ ...form, field: f })} />
        <NumberField id={`${id}-amount`} label={t('applications.builder.expr_amount')} value={form.amount} onChange={(a) => put({ ...form, amount: a ?? 0 })} />
      </div>}
      {form.mode === 'sum' && <CheckboxGroup id={`${id}-sum`} legend={t('applications.builder.expr_sum_fields')} options={numbers.map(opt)} value={form.fields} onChange={(f) => put({ ...form, fields: f })} />}
      {form.mode === 'advanced' && <TextArea noTag id={`${id}-json`} label={t('applications.builder.cond_json')} hint={t('applications.builder.expr_json_hint')} rows={4} value={json} error={error || undefined}
        className="mb-2 font-mono" onChange={(text) => {
          setJson(text);
          try { onChange(JSON.parse(text) as Expression); setError(''); } catch { setError(t('applications.builder.cond_json_invalid')); }
        }} />}
    </fieldset>
  );
}

/** 計算項目: values computed from the answers (e.g. the allowance from the number of children), shown on the review step and stored. */
export function ComputedEditor() {
  const { t } = useI18n();
  const b = useBuilder();
  const list = b.def.computed ?? [];
  const top = b.def.pages.flatMap((p) => p.sections.flatMap((s) => s.fields));
  const groups = top.filter((f) => f.type === 'group');
  const numbers = top.filter((f) => f.type === 'number' || f.type === 'currency');
  const labels = { up: t('applications.builder.up'), down: t('applications.builder.down'), del: t('applications.builder.delete') };
  const change = (fn: (l: ComputedValue[]) => void, structural = false) => b.update((d) => {
    const next = [...(d.computed ?? [])];
    fn(next);
    if (next.length) d.computed = next; else delete d.computed;
  }, structural);
  const add = () => {
    change((l) => l.push({ key: uniqueKey('computed', list.map((c) => c.key)), label: { ja: t('applications.builder.new_computed') }, expression: groups[0] ? { count: { var: groups[0].key } } : { '+': [] }, format: 'number' }), true);
    focusLater(`bc-${list.length}-label-ja`);
  };
  return (
    <section aria-labelledby="bcomputed-title" className="mt-10">
      <h2 id="bcomputed-title" className="mb-1 text-std-24B-150">{t('applications.builder.computed')}</h2>
      <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('applications.builder.computed_hint')}</p>
      <ol className="flex flex-col gap-4">
        {list.map((c, i) => (
          <li key={`${b.gen}-${i}`} id={`bc-${i}`} tabIndex={-1} className="rounded-12 border border-solid-gray-420 p-4">
            <LangText id={`bc-${i}-label`} legend={t('applications.builder.label')} required value={c.label} onChange={(v) => change((l) => { l[i] = { ...l[i], label: v ?? { ja: '' } }; })} />
            <div className="grid gap-x-4 sm:grid-cols-2">
              <TextField id={`bc-${i}-key`} label={t('applications.builder.key')} required value={c.key} className="mb-4 font-mono" onChange={(v) => change((l) => { l[i] = { ...l[i], key: v.trim() }; })} />
              <Select noTag id={`bc-${i}-format`} label={t('applications.builder.format')} value={c.format ?? 'number'} className="mb-4"
                options={(['number', 'yen', 'text'] as const).map((f) => ({ value: f, label: t(`applications.builder.format_${f}`) }))}
                onChange={(v) => change((l) => { l[i] = { ...l[i], format: v as ComputedValue['format'] }; })} />
            </div>
            <ExpressionEditor id={`bc-${i}-expr`} value={c.expression} groups={groups} numbers={numbers} onChange={(e) => change((l) => { l[i] = { ...l[i], expression: e }; })} />
            <ItemButtons idBase={`bc-${i}`} name={c.label.ja || c.key} first={i === 0} last={i === list.length - 1} labels={labels}
              onMove={(dir) => { change((l) => { move(l, i, dir); }, true); focusLater(`bc-${i + dir}-${dir < 0 ? 'up' : 'down'}`); }}
              onDelete={() => { change((l) => { l.splice(i, 1); }, true); focusLater('bcomputed-add'); }} />
          </li>
        ))}
      </ol>
      <button type="button" id="bcomputed-add" className={`${smallButton} mt-3`} onClick={add}>{t('applications.builder.add_computed')}</button>
    </section>
  );
}
