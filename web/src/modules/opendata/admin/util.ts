import type { Lang } from '../../../app/i18n/index.tsx';
import type { CkanPackage, CkanResource, Translated } from './types.ts';

/** CKAN's rule for a dataset's URL name: 2–100 of lowercase a–z, 0–9, `-` and `_`. */
export const NAME_RULE = /^[a-z0-9_-]{2,100}$/;

/** A URL name suggested from an English title (`AED locations 2024` → `aed-locations-2024`); '' when nothing usable. */
export function suggestName(title: string): string {
  const s = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[-_]+|[-_]+$/g, '').slice(0, 100).replace(/[-_]+$/, '');
  return s.length >= 2 ? s : '';
}

/** Staff pages are Japanese or English: a record's text in the staff language, Japanese when no English. */
export function textIn(t: Partial<Translated> | null | undefined, lang: Lang, fallback = ''): string {
  if (!t) return fallback;
  return (lang === 'en' ? t.en || t.ja : t.ja || t.en) || fallback;
}

/** Where a dataset stands: 下書き (draft), 非公開 (private) or 公開 (public). */
export type Publication = 'draft' | 'private' | 'public';

/** The publication state of a dataset. */
export function publicationOf(p: Pick<CkanPackage, 'state' | 'private'>): Publication {
  if (p.state === 'draft') return 'draft';
  return p.private ? 'private' : 'public';
}

/** The standard-check status of a dataset: failed when any resource failed, passed when any was checked. */
export function checkOf(resources: CkanResource[]): 'failed' | 'passed' | 'none' {
  if (resources.some((r) => r.check && !r.check.ok)) return 'failed';
  return resources.some((r) => r.check?.ok) ? 'passed' : 'none';
}

/** A byte count for people (`12.3 KB`). */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Comma-separated tags (、 and ， too) as CKAN's tag list, without blanks or repeats. */
export function tagsOf(text: string): { name: string }[] {
  const names = text.split(/[,、，\n]/).map((s) => s.trim()).filter(Boolean);
  return [...new Set(names)].map((name) => ({ name }));
}

/** Classes of a framed section. */
export const BOX = 'mb-8 rounded-8 border border-solid-gray-420 p-4 md:p-6';
