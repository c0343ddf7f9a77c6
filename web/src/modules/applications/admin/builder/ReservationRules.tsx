import { useEffect, useState } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import { useTenant } from '../../../../app/tenant.tsx';
import { Select, TextField } from '../../../../components/fields.tsx';
import type { FormField } from '../../form/engine.ts';

interface AdminResource { id: string; nameJa: string; staffOnly: boolean; active?: boolean; examTypes?: { code: string; nameJa: string }[] }

/**
 * A reservation field's resource (a select of the reservations module's resources; a text box for the
 * id when the list cannot be read, e.g. without permission) and, for checkups, the exam type.
 */
export function ReservationRules({ id, field, set }: { id: string; field: FormField; set(patch: Partial<FormField>): void }) {
  const { t } = useI18n();
  const { api } = useTenant();
  const k = (key: string) => t(`applications.builder.${key}`);
  const [list, setList] = useState<AdminResource[] | null>(null);
  useEffect(() => {
    let live = true;
    api.get<{ items: AdminResource[] }>('/admin/reservations/resources')
      .then((r) => { if (live) setList(r.items.filter((x) => !x.staffOnly)); })
      .catch(() => { if (live) setList(null); });
    return () => { live = false; };
  }, [api]);
  const chosen = list?.find((r) => r.id === field.resourceId);
  return <>
    {list
      ? <Select noTag id={`${id}-resourceId`} label={k('resource')} hint={k('resource_hint')} value={field.resourceId ?? ''}
        onChange={(v) => set({ resourceId: v, examTypeCode: undefined })}
        options={[{ value: '', label: k('resource_choose') }, ...list.map((r) => ({ value: r.id, label: r.nameJa }))]} />
      : <TextField noTag id={`${id}-resourceId`} label={k('resource_id')} hint={k('resource_hint')} value={field.resourceId ?? ''} className="mb-4 font-mono"
        onChange={(v) => set({ resourceId: v })} />}
    {chosen?.examTypes?.length
      ? <Select noTag id={`${id}-examTypeCode`} label={k('exam_type_code')} value={field.examTypeCode ?? ''}
        onChange={(v) => set({ examTypeCode: v || undefined })}
        options={[{ value: '', label: k('exam_type_none') }, ...chosen.examTypes.map((e) => ({ value: e.code, label: `${e.nameJa}（${e.code}）` }))]} />
      : !list && <TextField noTag id={`${id}-examTypeCode`} label={k('exam_type_code')} value={field.examTypeCode ?? ''} className="mb-4 font-mono"
        onChange={(v) => set({ examTypeCode: v || undefined })} />}
  </>;
}
