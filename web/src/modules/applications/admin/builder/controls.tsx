import type { ReactNode } from 'react';
import { TextField } from '../../../../components/fields.tsx';

// Small controls of the form builder: a radio row, an optional number input and an icon-less move/delete button row.

/** One radio button with its label beside it (44 px target). */
export function RadioRow({ id, name, label, checked, onChange }: { id: string; name: string; label: string; checked: boolean; onChange(): void }) {
  return (
    <div className="flex min-h-11 items-center gap-2">
      <input id={id} type="radio" name={name} checked={checked} onChange={onChange} className="size-5 accent-key-900" />
      <label htmlFor={id} className="text-std-16N-170">{label}</label>
    </div>
  );
}

/** A number input whose empty value means "not set". */
export function NumberField({ id, label, value, onChange, hint }:
  { id: string; label: string; value: number | undefined; onChange(v: number | undefined): void; hint?: string }) {
  return (
    <TextField noTag id={id} label={label} hint={hint} type="number" inputMode="numeric" className="mb-4" value={value === undefined ? '' : String(value)}
      onChange={(v) => onChange(v.trim() === '' || Number.isNaN(Number(v)) ? undefined : Number(v))} />
  );
}

/**
 * Up / down / delete buttons for one item of a list; each names the item for screen readers. At
 * either end the move button stays focusable (aria-disabled), so focus never drops to the page.
 */
export function ItemButtons({ idBase, name, first, last, onMove, onDelete, labels, children }:
  { idBase: string; name: string; first: boolean; last: boolean; onMove(dir: -1 | 1): void; onDelete(): void; labels: { up: string; down: string; del: string }; children?: ReactNode }) {
  const base = 'min-h-11 rounded-6 border bg-white px-3 text-dns-16N-120';
  const cls = `${base} border-key-900 text-key-900 hover:bg-key-50 aria-disabled:border-solid-gray-420 aria-disabled:text-solid-gray-700 aria-disabled:hover:bg-white`;
  return (
    <div className="flex flex-wrap gap-2">
      {children}
      <button type="button" id={`${idBase}-up`} className={cls} aria-disabled={first || undefined} onClick={() => !first && onMove(-1)} aria-label={`${labels.up}：${name}`}>{labels.up}</button>
      <button type="button" id={`${idBase}-down`} className={cls} aria-disabled={last || undefined} onClick={() => !last && onMove(1)} aria-label={`${labels.down}：${name}`}>{labels.down}</button>
      <button type="button" id={`${idBase}-del`} className={`${base} border-error-2 text-error-2 hover:bg-red-50`} onClick={onDelete} aria-label={`${labels.del}：${name}`}>{labels.del}</button>
    </div>
  );
}

/** Classes of the builder's small buttons (44 px high). */
export const smallButton = 'min-h-11 rounded-6 border border-key-900 bg-white px-3 text-dns-16N-120 text-key-900 hover:bg-key-50';

/** After a move or insert, focus an element once React has drawn it (opening any folded <details> around it). */
export function focusLater(id: string): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    for (let d = el?.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
    el?.focus();
  });
}

/** A folded group of settings (native <details>: Enter/Space on the summary opens it). `marked` says something is set inside. */
export function Fold({ summary, marked, children }: { summary: string; marked?: string; children: ReactNode }) {
  return (
    <details className="mb-6 rounded-8 border border-solid-gray-420 bg-white">
      <summary className="flex min-h-12 cursor-pointer items-center gap-2 px-4 py-2 text-std-16B-170 text-key-900 hover:bg-key-50">
        {summary}{marked && <span className="rounded-4 border border-key-900 px-1.5 text-dns-14B-130">{marked}</span>}
      </summary>
      <div className="border-t border-solid-gray-420 p-4">{children}</div>
    </details>
  );
}
