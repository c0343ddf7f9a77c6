import { useState } from 'react';
import { ConfirmDeleteDialog, type ConfirmDelete } from '../../../../components/ConfirmDeleteDialog.tsx';

/**
 * Asks before deleting a part of the form (a page, a section with fields) with the app's delete
 * dialog: `ask(title, name, run)` opens it and `run` deletes on 削除; render `dialog` once.
 */
export function useAskDelete() {
  const [pending, setPending] = useState<{ title: string; name: string; run(): void } | null>(null);
  const state: ConfirmDelete = {
    open: pending !== null,
    ask: () => undefined,
    close: () => setPending(null),
    confirm: async () => { const p = pending; setPending(null); p?.run(); },
  };
  return {
    ask: (title: string, name: string, run: () => void) => setPending({ title, name, run }),
    dialog: <ConfirmDeleteDialog state={state} title={pending?.title ?? ''} name={pending?.name ?? ''} />,
  };
}

/** Focuses an element once the dialog has closed and handed focus back (two frames later). */
export function focusAfterDialog(id: string): void {
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const el = document.getElementById(id);
    for (let d = el?.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
    el?.focus();
  }));
}
