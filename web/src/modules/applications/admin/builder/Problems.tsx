import { useI18n } from '../../../../app/i18n/index.tsx';
import { Notice } from '../../../../components/Notice.tsx';
import type { FormDefinition } from '../../form/engine.ts';
import { fieldAt, locId, targetOf, type ProblemTarget } from './ops.ts';

/** A structural problem as checkDefinition reports it. */
export interface Problem { path: string; message: string; messageEn?: string }

/** The element to focus for a problem: the named property's input where there is one, else the item's heading or edit button. */
export function focusTarget(path: string, target: ProblemTarget): string {
  const last = /\.([A-Za-z]+)(?:\[\d+\])?(?:\.[A-Za-z-]+)?$/.exec(path)?.[1] ?? '';
  if (target.computed !== undefined) return last === 'key' ? `bc-${target.computed}-key` : `bc-${target.computed}`;
  if (target.page === undefined) return 'bpages-title';
  if (target.path && target.section !== undefined) {
    const id = `bf-${locId({ page: target.page, section: target.section, path: target.path })}`;
    if (/\.fields$/.test(path)) return `ba-${locId({ page: target.page, section: target.section, path: target.path })}`;
    if (/\.fields\[\d+\]\.key$/.test(path)) return `${id}-key`;
    if (/\.fields\[\d+\]\.label/.test(path)) return `${id}-label-ja`;
    if (/\.fields\[\d+\]\.options/.test(path)) return `${id}-options-add`;
    return `${id}-edit`;
  }
  if (target.section !== undefined) return /\.sections\[\d+\]\.id$/.test(path) ? `bs-${target.page}-${target.section}-id` : `bs-${target.page}-${target.section}`;
  if (/\.next\[/.test(path)) return `bp-${target.page}-next-title`;
  if (/^pages\[\d+\]\.id$/.test(path)) return `bp-${target.page}-id`;
  if (/^pages\[\d+\]\.title/.test(path)) return `bp-${target.page}-title-ja`;
  return `bp-${target.page}-heading`;
}

/** Where a problem is, for people: 「ページ1 › 区分1 › 項目「氏名」」. */
function where(def: FormDefinition, target: ProblemTarget, t: (k: string, p?: Record<string, string | number>) => string): string {
  if (target.computed !== undefined) return t('applications.builder.where_computed', { n: target.computed + 1 });
  if (target.page === undefined) return t('applications.builder.where_form');
  const parts = [t('applications.builder.page_n', { n: target.page + 1 })];
  if (target.section !== undefined) parts.push(t('applications.builder.section_n', { n: target.section + 1 }));
  if (target.path && target.section !== undefined) {
    const f = fieldAt(def, { page: target.page, section: target.section, path: target.path });
    parts.push(t('applications.builder.where_field', { name: f?.label.ja || f?.key || '?' }));
  }
  return parts.join(' › ');
}

/** The definition's structural problems, live as staff edit; each links to (opens and focuses) the element concerned. */
export function Problems({ def, problems, onGo }: { def: FormDefinition; problems: Problem[]; onGo(target: ProblemTarget, focusId: string): void }) {
  const { t, lang } = useI18n();
  if (problems.length === 0) return <Notice kind="success">{t('applications.builder.no_problems')}</Notice>;
  return (
    <div className="mb-6 rounded-8 border-2 border-error-2 p-4" data-testid="builder-problems">
      <h2 className="mb-2 text-std-18B-160 text-error-2">{t('applications.builder.problems', { n: problems.length })}</h2>
      <ul className="list-disc pl-6 text-std-16N-170">
        {problems.map((p, i) => {
          const target = targetOf(p.path);
          const id = focusTarget(p.path, target);
          return (
            <li key={i}>
              <a href={`#${id}`} className="text-error-2" onClick={(e) => { e.preventDefault(); onGo(target, id); }}>
                {where(def, target, t)}：{lang === 'en' && p.messageEn ? p.messageEn : p.message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
