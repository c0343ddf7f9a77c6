import { useState } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import { Select, TextArea, TextField } from '../../../../components/fields.tsx';
import type { Expression } from '../../form/engine.ts';
import type { Candidate } from './ops.ts';
import { RadioRow } from './controls.tsx';

/** The operators of the simple condition editor. */
export const OPERATORS = ['eq', 'ne', 'in', 'includes', 'gt', 'lt', 'answered'] as const;
type Op = (typeof OPERATORS)[number];
/** A condition as the simple editor holds it: field, operator, value (a comma-separated list for 「いずれか」). */
export interface Simple { key: string; op: Op; value: string }

const NUMERIC = new Set(['number', 'currency']);
const split = (v: string) => v.split(/[,、]/).map((x) => x.trim()).filter(Boolean);

/** The simple condition as JSON Logic (`{"==": [{"var": "hasSpouse"}, "yes"]}` …). */
export function toLogic(s: Simple, candidates: Candidate[]): Expression {
  const c = candidates.find((x) => x.key === s.key);
  const typed = (v: string): unknown => (c && NUMERIC.has(c.type) && v !== '' && !Number.isNaN(Number(v)) ? Number(v)
    : c?.type === 'consent' ? v === 'true' : v);
  const v = { var: s.key };
  switch (s.op) {
    case 'eq': return { '==': [v, typed(s.value)] };
    case 'ne': return { '!=': [v, typed(s.value)] };
    case 'in': return { in: [v, split(s.value).map(typed)] };
    case 'includes': return { in: [s.value, v] };
    case 'gt': return { '>': [v, Number(s.value) || 0] };
    case 'lt': return { '<': [v, Number(s.value) || 0] };
    case 'answered': return { '!!': [v] };
  }
}

const isVar = (x: unknown): x is { var: string } => !!x && typeof x === 'object' && typeof (x as { var?: unknown }).var === 'string' && Object.keys(x).length === 1;

/** Reads JSON Logic the simple editor can show back; null for anything else (the advanced editor shows it). */
export function fromLogic(e: Expression): Simple | null {
  if (!e || typeof e !== 'object' || Array.isArray(e) || Object.keys(e).length !== 1) return null;
  const [op, raw] = Object.entries(e)[0];
  const args = Array.isArray(raw) ? raw : [raw];
  const scalar = (x: unknown) => ['string', 'number', 'boolean'].includes(typeof x);
  if ((op === '==' || op === '!=' || op === '>' || op === '<') && args.length === 2 && isVar(args[0]) && scalar(args[1])) {
    return { key: args[0].var, op: ({ '==': 'eq', '!=': 'ne', '>': 'gt', '<': 'lt' } as const)[op], value: String(args[1]) };
  }
  if (op === 'in' && args.length === 2 && isVar(args[0]) && Array.isArray(args[1]) && args[1].every(scalar)) return { key: args[0].var, op: 'in', value: args[1].join(', ') };
  if (op === 'in' && args.length === 2 && typeof args[0] === 'string' && isVar(args[1])) return { key: args[1].var, op: 'includes', value: args[0] };
  if (op === '!!' && args.length === 1 && isVar(args[0])) return { key: args[0].var, op: 'answered', value: '' };
  return null;
}

type Mode = 'none' | 'simple' | 'advanced';

/**
 * A condition: none (always), a simple 「項目・条件・値」 rule, or JSON Logic typed by hand. Every
 * control is a native select, input or textarea, so it works with the keyboard alone.
 */
export function ConditionEditor({ id, legend, value, onChange, candidates, allowNone = true }:
  { id: string; legend: string; value: Expression | undefined; onChange(v: Expression | undefined): void; candidates: Candidate[]; allowNone?: boolean }) {
  const { t, lang } = useI18n();
  const parsed = value === undefined ? null : fromLogic(value);
  const [mode, setMode] = useState<Mode>(value === undefined ? (allowNone ? 'none' : 'simple') : parsed ? 'simple' : 'advanced');
  const [simple, setSimple] = useState<Simple>(parsed ?? { key: candidates[0]?.key ?? '', op: 'eq', value: candidates[0]?.options?.[0]?.value ?? '' });
  const [json, setJson] = useState(value === undefined ? '' : JSON.stringify(value, null, 2));
  const [jsonError, setJsonError] = useState('');
  const label = (c: Candidate) => `${(lang === 'en' ? c.label.en : c.label.ja) || c.label.ja}（${c.key}）`;
  const change = (s: Simple) => {
    setSimple(s);
    if (s.key) onChange(toLogic(s, candidates));
  };
  const switchTo = (m: Mode) => {
    setMode(m);
    if (m === 'none') onChange(undefined);
    if (m === 'simple' && simple.key) onChange(toLogic(simple, candidates));
    if (m === 'advanced') setJson(value === undefined ? '' : JSON.stringify(value, null, 2));
  };
  const editJson = (text: string) => {
    setJson(text);
    try {
      const v = JSON.parse(text) as Expression;
      setJsonError('');
      onChange(v);
    } catch {
      setJsonError(t('applications.builder.cond_json_invalid'));
    }
  };
  const field = candidates.find((c) => c.key === simple.key);
  const modes: Mode[] = allowNone ? ['none', 'simple', 'advanced'] : ['simple', 'advanced'];
  return (
    <fieldset className="mb-4 rounded-8 border border-solid-gray-420 p-3">
      <legend className="px-1 text-std-17B-170">{legend}</legend>
      <div className="mb-2 flex flex-wrap gap-x-6">
        {modes.map((m) => <RadioRow key={m} name={`${id}-mode`} id={`${id}-mode-${m}`} label={t(`applications.builder.cond_mode_${m}`)} checked={mode === m} onChange={() => switchTo(m)} />)}
      </div>
      {mode === 'simple' && (candidates.length === 0 ? <p className="text-std-16N-170">{t('applications.builder.cond_no_fields')}</p> : (
        <div className="grid gap-x-4 md:grid-cols-3">
          <Select noTag id={`${id}-field`} label={t('applications.builder.cond_field')} value={simple.key} className="mb-2"
            options={[...(field ? [] : [{ value: simple.key, label: simple.key || '—' }]), ...candidates.map((c) => ({ value: c.key, label: label(c) }))]}
            onChange={(k) => change({ ...simple, key: k, value: candidates.find((c) => c.key === k)?.options?.[0]?.value ?? '' })} />
          <Select noTag id={`${id}-op`} label={t('applications.builder.cond_op')} value={simple.op} className="mb-2"
            options={OPERATORS.filter((o) => o !== 'includes' || field?.type === 'checkboxes').map((o) => ({ value: o, label: t(`applications.builder.op_${o}`) }))}
            onChange={(o) => change({ ...simple, op: o as Op })} />
          {simple.op !== 'answered' && (field?.options && simple.op !== 'in'
            ? <Select noTag id={`${id}-value`} label={t('applications.builder.cond_value')} value={simple.value} className="mb-2"
              options={field.options.map((o) => ({ value: o.value, label: `${o.label.ja}（${o.value}）` }))} onChange={(v) => change({ ...simple, value: v })} />
            : <TextField noTag id={`${id}-value`} label={t('applications.builder.cond_value')} value={simple.value} className="mb-2"
              hint={simple.op === 'in' ? t('applications.builder.cond_list_hint') : undefined} onChange={(v) => change({ ...simple, value: v })} />)}
        </div>
      ))}
      {mode === 'advanced' && <>
        <TextArea id={`${id}-json`} label={t('applications.builder.cond_json')} noTag hint={t('applications.builder.cond_json_hint')} value={json} onChange={editJson} rows={4}
          error={jsonError || undefined} className="mb-2 font-mono" />
      </>}
    </fieldset>
  );
}
