import { useState } from 'react';
import { useI18n } from '../app/i18n/index.tsx';
import { Button } from './Button.tsx';
import { Dialog } from './Dialog.tsx';

/** What useConfirmDelete returns: whether the dialog is open, and how to open, close and confirm it. */
export interface ConfirmDelete { open: boolean; ask(): void; close(): void; confirm(): Promise<void> }

/**
 * State for an edit page's "delete?" question. `remove` deletes and moves on; when it fails the
 * dialog closes and `onError` gets the server's message (the form shows it in its error summary).
 */
export function useConfirmDelete(remove: () => Promise<void>, onError: (message: string) => void): ConfirmDelete {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const confirm = async () => {
    try {
      await remove();
    } catch (e) {
      setOpen(false);
      onError((e as Error).message || t('error.generic'));
    }
  };
  return { open, ask: () => setOpen(true), close: () => setOpen(false), confirm };
}

/** The modal asking whether to delete `name`: delete (danger) or cancel; Escape cancels too. */
export function ConfirmDeleteDialog({ state, title, name }: { state: ConfirmDelete; title: string; name: string }) {
  const { t } = useI18n();
  return (
    <Dialog open={state.open} title={title} onClose={state.close}>
      <p className="mb-6 text-std-16N-170">{t('common.delete_confirm', { name })}</p>
      <div className="flex flex-wrap gap-3">
        <Button variant="danger" onClick={state.confirm}>{t('common.delete')}</Button>
        <Button variant="secondary" onClick={state.close}>{t('common.cancel')}</Button>
      </div>
    </Dialog>
  );
}
