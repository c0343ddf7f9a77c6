import type { SearchHit, TenantScope } from '../../../core/modules/manifest.ts';
import type { ContentLang } from '../../../core/i18n/index.ts';
import { localized } from '../../../core/i18n/index.ts';
import * as repo from './repo.ts';

/** Public procedures (live or closed form) matching the query by bigrams, for the portal's search. */
export async function searchProcedures(scope: TenantScope, query: string, lang: string): Promise<SearchHit[]> {
  const l: ContentLang = lang === 'en' || lang === 'ja-easy' ? lang : 'ja';
  const found = await repo.listPublic(scope.tx, { q: query });
  const rows = await repo.proceduresByIds(scope.tx, found.slice(0, 20).map((f) => f.id));
  return found.slice(0, 20).map((f) => {
    const row = rows.get(f.id)!;
    const summary = localized({ ja: row.summaryJa, en: row.summaryEn, 'ja-easy': row.summaryEasy }, l);
    return {
      title: localized({ ja: row.titleJa, en: row.titleEn, 'ja-easy': row.titleEasy }, l),
      snippet: (summary || localized({ ja: row.descriptionJa, en: row.descriptionEn, 'ja-easy': row.descriptionEasy }, l)).slice(0, 120),
      url: `applications/${row.id}`,
    };
  });
}
