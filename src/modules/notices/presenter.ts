import { localized, type ContentLang } from '../../core/i18n/index.ts';
import type { NoticeRow } from './schema.ts';

/** A published notice for citizens, in one language (Japanese where a translation is missing). */
export function presentPublic(row: NoticeRow, lang: ContentLang) {
  return {
    id: row.id,
    category: row.category,
    title: localized({ ja: row.titleJa, en: row.titleEn, 'ja-easy': row.titleEasy }, lang),
    body: localized({ ja: row.bodyJa, en: row.bodyEn, 'ja-easy': row.bodyEasy }, lang),
    publishedAt: row.publishedAt!.toISOString(),
  };
}

/** A notice for the staff console, every language and its state. */
export function presentAdmin(row: NoticeRow) {
  return {
    id: row.id,
    category: row.category,
    titleJa: row.titleJa, titleEn: row.titleEn, titleEasy: row.titleEasy,
    bodyJa: row.bodyJa, bodyEn: row.bodyEn, bodyEasy: row.bodyEasy,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
