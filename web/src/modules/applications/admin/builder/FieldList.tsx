import { useState } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import type { FieldType, FormField } from '../../form/engine.ts';
import { useBuilder } from './context.ts';
import { FIELD_TYPES, allKeys, listOf, locId, move, newField, uniqueKey, type FieldLoc } from './ops.ts';
import { ItemButtons, focusLater, smallButton } from './controls.tsx';
import { FieldEditor } from './FieldEditor.tsx';

/** The "項目を追加" menu: a button that opens a list of every field type (plain buttons, keyboard friendly). */
function AddFieldMenu({ id, onAdd, exclude = [] }: { id: string; onAdd(type: FieldType): void; exclude?: FieldType[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-3">
      <button type="button" id={id} className={smallButton} aria-expanded={open} aria-controls={`${id}-menu`}
        onClick={() => { setOpen(!open); if (!open) focusLater(`${id}-menu-${FIELD_TYPES.find((x) => !exclude.includes(x))}`); }}>
        {t('applications.builder.add_field')}
      </button>
      {open && (
        <ul id={`${id}-menu`} aria-label={t('applications.builder.field_types')} className="mt-2 grid gap-2 rounded-8 border border-solid-gray-420 bg-white p-3 sm:grid-cols-2 lg:grid-cols-3"
          onKeyDown={(e) => { if (e.key === 'Escape') { setOpen(false); focusLater(id); } }}>
          {FIELD_TYPES.filter((x) => !exclude.includes(x)).map((type) => (
            <li key={type}>
              <button type="button" id={`${id}-menu-${type}`} className="min-h-11 w-full rounded-6 border border-solid-gray-420 px-3 py-1 text-left hover:border-key-900 hover:bg-key-50"
                onClick={() => { setOpen(false); onAdd(type); }}>
                <span className="block text-std-16B-170 text-key-900">{t(`applications.field_type.${type}`)}</span>
                <span className="block text-dns-14N-130 text-solid-gray-700">{t(`applications.field_type.${type}_desc`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The fields of a section (or of a group): a summary line per field with edit / up / down / delete, the open field's editor, and the add menu. */
export function FieldList({ base, fields, group }: { base: Omit<FieldLoc, 'path'> & { prefix: number[] }; fields: FormField[]; group?: FormField }) {
  const { t } = useI18n();
  const b = useBuilder();
  const labels = { up: t('applications.builder.up'), down: t('applications.builder.down'), del: t('applications.builder.delete') };
  const loc = (i: number): FieldLoc => ({ page: base.page, section: base.section, path: [...base.prefix, i] });
  const addId = `ba-${[base.page, base.section, ...base.prefix].join('-')}`;
  const add = (type: FieldType) => {
    const l = loc(fields.length);
    const label = { ja: t(`applications.field_type.${type}`) };
    b.update((d) => { listOf(d, l).push(newField(type, uniqueKey(type === 'postalCode' ? 'postal' : type, allKeys(d)), label)); });
    b.setOpen(locId(l));
    b.announce(t('applications.builder.added', { name: label.ja }));
    focusLater(`bf-${locId(l)}-label-ja`);
  };
  return (
    <div>
      {fields.length === 0 && <p className="text-std-16N-170 text-solid-gray-700">{t('applications.builder.no_fields')}</p>}
      <ol className="flex flex-col gap-3">
        {fields.map((f, i) => {
          const l = loc(i);
          const id = `bf-${locId(l)}`;
          const isOpen = b.open === locId(l) || !!b.open?.startsWith(`${locId(l)}-`);
          const name = f.label.ja || f.key;
          return (
            <li key={`${b.gen}-${i}`} className={`rounded-8 border p-3 ${isOpen ? 'border-key-900' : 'border-solid-gray-420'}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="min-w-0">
                  <span className="text-std-16B-170">{name}</span>
                  <span className="ml-2 text-dns-14N-130 text-solid-gray-700">{t(`applications.field_type.${f.type}`)} · <span className="font-mono">{f.key}</span>
                    {f.required && <> · {t('form.required_tag')}</>}{f.showIf !== undefined && <> · {t('applications.builder.conditional')}</>}</span>
                </p>
                <ItemButtons idBase={id} name={name} first={i === 0} last={i === fields.length - 1} labels={labels}
                  onMove={(dir) => {
                    b.update((d) => { move(listOf(d, l), i, dir); }, true);
                    if (isOpen) b.setOpen(locId(loc(i + dir)));
                    b.announce(t(dir < 0 ? 'applications.builder.moved_up' : 'applications.builder.moved_down', { name }));
                    focusLater(`bf-${locId(loc(i + dir))}-${dir < 0 ? 'up' : 'down'}`);
                  }}
                  onDelete={() => {
                    b.update((d) => { listOf(d, l).splice(i, 1); }, true);
                    b.setOpen(null);
                    b.announce(t('applications.builder.deleted', { name }));
                    focusLater(addId);
                  }}>
                  <button type="button" id={`${id}-edit`} className={smallButton} aria-expanded={isOpen} aria-controls={`${id}-editor`}
                    aria-label={`${t(isOpen ? 'applications.builder.close' : 'applications.builder.edit')}：${name}`}
                    onClick={() => b.setOpen(isOpen ? null : locId(l))}>
                    {t(isOpen ? 'applications.builder.close' : 'applications.builder.edit')}
                  </button>
                </ItemButtons>
              </div>
              {isOpen && <div id={`${id}-editor`} className="mt-4 border-t border-solid-gray-420 pt-4"><FieldEditor loc={l} field={f} siblings={fields} group={group} /></div>}
            </li>
          );
        })}
      </ol>
      <AddFieldMenu id={addId} onAdd={add} exclude={group ? ['group', 'reservation'] : []} />
    </div>
  );
}
