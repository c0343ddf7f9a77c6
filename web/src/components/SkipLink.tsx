import { useI18n } from '../app/i18n/index.tsx';

/** "本文へ移動": the first focusable element, visible when focused. */
export function SkipLink() {
  const { t } = useI18n();
  return (
    <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-8 focus:bg-white focus:p-3 focus:text-std-16B-170"
      onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
      {t('common.skip_to_main')}
    </a>
  );
}
