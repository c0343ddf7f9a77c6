import { useI18n } from '../../../../app/i18n/index.tsx';
import { Checkbox, TextField } from '../../../../components/fields.tsx';
import type { FormField } from '../../form/engine.ts';
import { useBuilder } from './context.ts';
import { candidates, fieldAt, locId, type FieldLoc } from './ops.ts';
import { LangText } from './LangText.tsx';
import { RulesEditor } from './RulesEditor.tsx';
import { ConditionEditor } from './ConditionEditor.tsx';
import { FieldList } from './FieldList.tsx';

/** Everything about one field: key, label and help in three languages, required, its type's rules, when it is shown, and a group's own fields. */
export function FieldEditor({ loc, field, siblings, group }: { loc: FieldLoc; field: FormField; siblings: FormField[]; group?: FormField }) {
  const { t } = useI18n();
  const b = useBuilder();
  const id = `bf-${locId(loc)}`;
  const set = (patch: Partial<FormField>) => b.update((d) => {
    const f = fieldAt(d, loc);
    if (!f) return;
    Object.assign(f, patch);
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (f as unknown as Record<string, unknown>)[k];
  });
  const asks = field.type !== 'display';
  return (
    <div>
      <LangText id={`${id}-label`} legend={t('applications.builder.label')} required value={field.label} onChange={(v) => set({ label: v ?? { ja: '' } })} />
      <TextField id={`${id}-key`} label={t('applications.builder.key')} hint={t('applications.builder.key_hint')} required value={field.key} className="mb-4 max-w-sm font-mono"
        onChange={(v) => set({ key: v.trim() })} />
      {asks && <LangText id={`${id}-help`} legend={t('applications.builder.help')} value={field.help} onChange={(v) => set({ help: v })} />}
      {asks && field.type !== 'group' && (
        <Checkbox id={`${id}-required`} label={t('applications.builder.required')} checked={!!field.required} onChange={(v) => set({ required: v || undefined })} />
      )}
      <RulesEditor id={id} field={field} set={set} siblings={siblings} />
      <ConditionEditor id={`${id}-showIf`} legend={t('applications.builder.show_if')} value={field.showIf} onChange={(v) => set({ showIf: v })}
        candidates={candidates(b.def, group).filter((c) => c.key !== field.key)} />
      {field.type === 'group' && (
        <fieldset className="mt-4 rounded-8 border-2 border-key-900 p-3">
          <legend className="px-1 text-std-17B-170">{t('applications.builder.group_fields', { name: field.label.ja })}</legend>
          <FieldList base={{ page: loc.page, section: loc.section, prefix: loc.path }} fields={field.fields ?? []} group={field} />
        </fieldset>
      )}
    </div>
  );
}
