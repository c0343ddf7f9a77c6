import { useI18n } from '../app/i18n/index.tsx';
import { Button, ButtonLink } from './Button.tsx';

/**
 * The row under an edit form: save (submits the form), cancel (back to the list) and, for an
 * existing record, delete at the far end, which only opens the confirmation (see ConfirmDeleteDialog).
 */
export function EditActions({ busy, cancelHref, onDelete }: { busy: boolean; cancelHref: string; onDelete?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="flex flex-wrap gap-3">
      <Button type="submit" busy={busy}>{t('common.save')}</Button>
      <ButtonLink href={cancelHref} variant="secondary">{t('common.cancel')}</ButtonLink>
      {onDelete && <Button variant="danger" className="sm:ml-auto" onClick={onDelete}>{t('common.delete')}</Button>}
    </div>
  );
}
