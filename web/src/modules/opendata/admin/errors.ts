import { ApiError } from '../../../app/api.ts';
import type { Lang } from '../../../app/i18n/index.tsx';
import { CkanApiError } from '../admin-api.ts';

// English messages may quote a Japanese name, so a message counts as Japanese when ASCII letters are
// not most of it.
const japanese = (m: string) => (m.match(/[A-Za-z]/g)?.length ?? 0) * 2 < m.replace(/\s/g, '').length;

/**
 * The server's messages of a field in the staff language: the catalog gives CKAN's English and the
 * Japanese beside it, so Japanese staff read the Japanese ones and English staff the others.
 */
export function inLanguage(messages: string[], lang: Lang): string[] {
  const mine = messages.filter((m) => japanese(m) === (lang !== 'en'));
  return mine.length ? mine : messages;
}

// CKAN names a field as the dataset dict does (`title`, `title_translated`, `notes_translated.en`,
// `tags`); the form names its controls after what a person fills in (`title_ja`, `notes_en`).
const ALIASES: Record<string, string> = {
  title: 'title_ja', title_translated: 'title_ja', 'title_translated.ja': 'title_ja', 'title_translated.en': 'title_en',
  notes: 'notes_ja', notes_translated: 'notes_ja', 'notes_translated.ja': 'notes_ja', 'notes_translated.en': 'notes_en',
};

/**
 * Splits an API error into messages per form field (those the form has) and one message for the rest,
 * so the error summary links each to its control and nothing the server said is lost.
 */
export function fieldErrors(err: unknown, known: readonly string[], generic: string, lang: Lang): { fields: Record<string, string>; form: string | null } {
  if (!(err instanceof ApiError)) return { fields: {}, form: generic };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  const pairs = err instanceof CkanApiError ? Object.entries(err.fields) : err.field ? [[err.field, [err.message]] as const] : [];
  for (const [raw, messages] of pairs) {
    const key = ALIASES[raw] ?? ALIASES[raw.split(/[.[]/)[0]!] ?? raw.split(/[.[]/)[0]!;
    const text = inLanguage([...messages], lang).join(' ');
    if (known.includes(key)) fields[key] = fields[key] ? `${fields[key]} ${text}` : text;
    else rest.push(`${raw}: ${text}`);
  }
  const form = rest.length ? rest.join(' / ') : Object.keys(fields).length ? null : err.message || generic;
  return { fields, form };
}
