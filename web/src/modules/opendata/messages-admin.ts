import type { Catalogue, Lang } from '../../app/i18n/index.tsx';

/** Staff strings of the open-data module (helper E fills this). Staff pages: やさしい日本語 falls back to Japanese. */
export const messages: Partial<Record<Lang, Catalogue>> = { ja: {}, en: {} };
