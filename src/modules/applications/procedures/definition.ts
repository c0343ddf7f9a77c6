import { AppError } from '../../../core/http/errors.ts';
import { checkDefinition } from '../engine/index.ts';
import type { DefinitionProblem, FormDefinition } from '../engine/types.ts';

/** Field name of a problem at `path` under `prefix`: `definition.pages[0].title`. */
const fieldOf = (prefix: string, path: string) => (path ? `${prefix}.${path}` : prefix);

/**
 * Checks a definition sent by staff (or imported) with the engine's checkDefinition and returns it
 * typed; throws 400 naming the first problem as `definition.<path>`, with every problem in details.
 */
export function assertDefinition(def: unknown, lang: 'ja' | 'en' = 'ja', prefix = 'definition'): FormDefinition {
  const problems: DefinitionProblem[] = checkDefinition(def);
  if (problems.length === 0) return def as FormDefinition;
  const first = problems[0]!;
  const field = fieldOf(prefix, first.path);
  throw new AppError(400, 'invalid', 'applications.error.definition', { path: field, detail: lang === 'en' ? first.messageEn : first.message }, field,
    problems.map((p) => ({ path: fieldOf(prefix, p.path), code: 'definition', message: lang === 'en' ? p.messageEn : p.message })));
}
