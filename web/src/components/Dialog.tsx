import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside while open, Escape closes
 * it (so no keyboard trap), and focus returns to the element that opened it.
 */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} onCancel={onClose}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-16 border border-solid-gray-420 p-6 shadow-5 backdrop:bg-black/50">
      {open && <>
        <h2 id={titleId} className="mb-4 text-std-20B-150">{title}</h2>
        {children}
      </>}
    </dialog>
  );
}
