import { useEffect, useRef, useState, type ComponentType } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { Button } from '../../../components/Button.tsx';
import type { Answers, FieldType, FormField } from './engine.ts';
import { isVisible } from './engine.ts';
import { useFormContext } from './context.ts';
import { childPath, getAt, idFor, itemPath } from './paths.ts';
import { displayValue } from './display.ts';
import type { FieldViewProps } from './fields/Shell.tsx';
import { FieldsetShell } from './fields/Shell.tsx';
import { NumberField, TextLikeField } from './fields/TextFields.tsx';
import { CheckboxesField, ConsentField, DisplayField, RadioField, SelectField } from './fields/ChoiceFields.tsx';
import { DateField } from './fields/DateField.tsx';
import { NameField } from './fields/NameField.tsx';
import { AddressField, PostalCodeField } from './fields/AddressFields.tsx';
import { FileField } from './fields/FileField.tsx';
import { ReservationField } from './fields/ReservationField.tsx';

const VIEWS: Record<Exclude<FieldType, 'group'>, ComponentType<FieldViewProps>> = {
  text: TextLikeField, textarea: TextLikeField, email: TextLikeField, phone: TextLikeField, time: TextLikeField,
  number: NumberField, currency: NumberField, date: DateField,
  select: SelectField, radio: RadioField, checkboxes: CheckboxesField, consent: ConsentField, display: DisplayField,
  name: NameField, postalCode: PostalCodeField, address: AddressField, file: FileField, reservation: ReservationField,
};

/** The visible fields of one scope (the answers, or one item of a group) in order. */
export function FieldList({ fields, scope, item }: { fields: FormField[]; scope: string; item?: Answers }) {
  const ctx = useFormContext();
  return <>
    {fields.filter((f) => isVisible(f.showIf, ctx.answers(), item)).map((f) => <FieldView key={f.key} field={f} path={childPath(scope, f.key)} item={item} />)}
  </>;
}

/** One field: its editor, or its answer as text when a correction leaves it unchanged. */
export function FieldView({ field, path }: { field: FormField; path: string; item?: Answers }) {
  const ctx = useFormContext();
  const id = idFor(ctx.prefix, path);
  const error = ctx.error(path);
  if (field.type === 'group') return <GroupField field={field} path={path} id={id} error={error} />;
  if (!ctx.editable(path)) return field.type === 'display' ? null : <ReadOnlyField field={field} path={path} id={id} />;
  const View = VIEWS[field.type];
  return View ? <View field={field} path={path} id={id} error={error} /> : null;
}

/** A field shown as its answer (corrections: everything that was not asked to change). */
function ReadOnlyField({ field, path, id }: { field: FormField; path: string; id: string }) {
  const ctx = useFormContext();
  const { t } = useI18n();
  const value = displayValue(field, getAt(ctx.answers(), path), { lang: ctx.lang, uploads: ctx.uploads, t });
  return (
    <div id={id} className="mb-4 border-b border-solid-gray-200 pb-3">
      <p className="text-std-16B-170 text-solid-gray-800">{ctx.text(field.label)}</p>
      <p className="text-std-16N-170 whitespace-pre-line text-solid-gray-900">{value || t('applications.form.no_answer')}</p>
    </div>
  );
}

/** A repeating group (each child…): items in fieldsets named 「子ども 1」, with add and remove. */
function GroupField({ field, path, id, error }: FieldViewProps) {
  const ctx = useFormContext();
  const { t } = useI18n();
  const raw = getAt(ctx.answers(), path);
  const items = Array.isArray(raw) ? (raw as Answers[]) : [];
  const editable = ctx.editable(path);
  const min = field.minItems ?? 0;
  const max = field.maxItems ?? 50;
  const label = ctx.text(field.itemLabel) || ctx.text(field.label);
  const [focusItem, setFocusItem] = useState<number | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  // A group that needs items starts with that many empty ones.
  useEffect(() => {
    if (editable && items.length < min) ctx.set(path, [...items, ...Array.from({ length: min - items.length }, () => ({}))]);
  }, [editable, items.length, min]); // deps: only when the count falls below the minimum
  useEffect(() => {
    if (focusItem === null) return;
    document.getElementById(`${idFor(ctx.prefix, itemPath(path, focusItem))}-item`)?.focus();
    setFocusItem(null);
  }, [focusItem]); // deps: after the new item is drawn

  if (!editable && !ctx.touchesEditable(path)) {
    return <ReadOnlyField field={field} path={path} id={id} />;
  }
  const add = () => { ctx.set(path, [...items, {}]); setFocusItem(items.length); };
  const remove = (i: number) => { ctx.set(path, items.filter((_, j) => j !== i)); addRef.current?.focus(); };
  return (
    <FieldsetShell field={field} id={id} error={error}>
      {items.map((item, i) => {
        const ip = itemPath(path, i);
        const name = t('applications.form.item_name', { label, n: i + 1 });
        return (
          <fieldset key={i} id={`${idFor(ctx.prefix, ip)}-item`} tabIndex={-1} className="mb-4 rounded-8 border border-solid-gray-420 p-4">
            <legend className="px-1 text-std-17B-170 text-solid-gray-900">{name}</legend>
            <FieldList fields={field.fields ?? []} scope={ip} item={item} />
            {editable && items.length > min && (
              <Button variant="danger" size="md" onClick={() => remove(i)}>{t('applications.form.item_remove', { name })}</Button>
            )}
          </fieldset>
        );
      })}
      {editable && items.length < max && (
        <button ref={addRef} type="button" onClick={add}
          className="inline-flex min-h-12 items-center gap-2 rounded-8 border-2 border-dashed border-key-900 bg-white px-5 text-std-16B-170 text-key-900 hover:bg-key-50">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-current"><path d="M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6z" /></svg>
          {t('applications.form.item_add', { label })}
        </button>
      )}
    </FieldsetShell>
  );
}
