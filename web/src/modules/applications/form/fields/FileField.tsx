import { useState } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import { Button, buttonClass } from '../../../../components/Button.tsx';
import { describedBy, fileSize, useFormContext } from '../context.ts';
import { getAt } from '../paths.ts';
import { Shell, type FieldViewProps } from './Shell.tsx';

/**
 * File upload: each chosen file goes to the server at once (which checks its type by content and
 * its size); the answer is the list of upload ids. Each rejected file gets its own message.
 */
export function FileField({ field, path, id, error }: FieldViewProps) {
  const ctx = useFormContext();
  const { t } = useI18n();
  const [pending, setPending] = useState<string[]>([]);
  const [rejected, setRejected] = useState<{ name: string; message: string }[]>([]);
  const raw = getAt(ctx.answers(), path);
  const ids = Array.isArray(raw) ? (raw as string[]).filter((x) => typeof x === 'string') : [];
  const max = field.maxFiles ?? 1;
  const limits = [
    field.accept?.length ? t('applications.form.file_types', { types: field.accept.map(typeName).join('、') }) : '',
    field.maxSizeMb ? t('applications.form.file_size', { mb: field.maxSizeMb }) : '',
    max > 1 ? t('applications.form.file_count', { n: max }) : '',
  ].filter(Boolean).join(' ');

  const choose = async (files: File[]) => {
    if (!ctx.onUpload) return;
    const problems: { name: string; message: string }[] = [];
    const room = max - ids.length;
    const tooMany = files.slice(Math.max(room, 0));
    for (const f of tooMany) problems.push({ name: f.name, message: t('applications.form.file_too_many', { name: f.name, n: max }) });
    const take = files.slice(0, Math.max(room, 0)).filter((f) => {
      if (field.maxSizeMb && f.size > field.maxSizeMb * 1024 * 1024) {
        problems.push({ name: f.name, message: t('applications.form.file_too_big', { name: f.name, mb: field.maxSizeMb }) });
        return false;
      }
      return true;
    });
    setRejected(problems);
    setPending(take.map((f) => f.name));
    for (const f of take) {
      try {
        const up = await ctx.onUpload(f, path);
        const cur = getAt(ctx.answers(), path);
        ctx.set(path, [...(Array.isArray(cur) ? (cur as string[]) : []), up.id]);
      } catch (e) {
        problems.push({ name: f.name, message: (e as Error).message || t('applications.form.file_failed', { name: f.name }) });
        setRejected([...problems]);
      } finally {
        setPending((p) => p.filter((n) => n !== f.name));
      }
    }
  };
  const remove = (uploadId: string) => ctx.set(path, ids.filter((x) => x !== uploadId));

  return (
    <Shell field={field} id={id} error={error}>
      {limits && <p id={`${id}-limits`} className="mb-2 text-std-16N-170 text-solid-gray-700">{limits}</p>}
      {ids.length > 0 && (
        <ul className="mb-3 flex flex-col gap-2" aria-label={t('applications.form.file_list')}>
          {ids.map((u) => {
            const info = ctx.uploads[u];
            return (
              <li key={u} className="flex flex-wrap items-center justify-between gap-2 rounded-8 border border-solid-gray-420 p-3">
                <span className="min-w-0 text-std-16N-170 [overflow-wrap:anywhere]">
                  <span className="font-bold">{info?.filename ?? t('applications.form.file_attached')}</span>
                  {info && <span className="ml-2 text-solid-gray-700">{fileSize(info.size)}</span>}
                </span>
                <Button variant="secondary" size="sm" className="min-h-11" onClick={() => remove(u)}
                  aria-label={t('applications.form.file_remove_named', { name: info?.filename ?? t('applications.form.file_attached') })}>
                  {t('applications.form.file_remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {ids.length < max && (
        <div>
          {/* The native control, kept for keyboards and screen readers; the label beside it is the visible button (in the page's language). */}
          <input id={id} name={id} type="file" multiple={max > 1} accept={field.accept?.join(',') || undefined}
            disabled={!ctx.onUpload || pending.length > 0}
            onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ''; void choose(files); }}
            className="peer sr-only" aria-invalid={error ? true : undefined} aria-required={field.required || undefined}
            aria-describedby={describedBy(id, !!ctx.text(field.help), error, [limits && `${id}-limits`, `${id}-status`].filter(Boolean).join(' '))} />
          <label htmlFor={id} className={`${buttonClass('secondary')} cursor-pointer peer-focus-visible:outline-4 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-black peer-disabled:cursor-not-allowed peer-disabled:opacity-60`}>
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-current"><path d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6h-1.5z" /></svg>
            {t(ids.length ? 'applications.form.file_choose_more' : 'applications.form.file_choose')}
          </label>
        </div>
      )}
      {!ctx.onUpload && <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('applications.form.file_preview')}</p>}
      <div id={`${id}-status`} role="status" className="mt-2 text-std-16N-170">
        {pending.length > 0 && t('applications.form.file_uploading', { names: pending.join('、') })}
      </div>
      {rejected.length > 0 && (
        <ul role="alert" className="mt-2 flex flex-col gap-1">
          {rejected.map((r, i) => <li key={`${r.name}-${i}`} className="text-std-16B-170 text-error-2">{r.message}</li>)}
        </ul>
      )}
    </Shell>
  );
}

const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/heic': 'HEIC', 'image/gif': 'GIF' };

function typeName(mime: string): string {
  return TYPE_NAMES[mime] ?? mime.split('/').pop()!.toUpperCase();
}
