import { useI18n } from '../../../../app/i18n/index.tsx';
import { TextField } from '../../../../components/fields.tsx';
import { useBuilder } from './context.ts';
import { LangText } from './LangText.tsx';
import { ConditionEditor } from './ConditionEditor.tsx';
import { SkipRules } from './SkipRules.tsx';
import { FieldList } from './FieldList.tsx';
import { Fold, ItemButtons, focusLater, smallButton } from './controls.tsx';
import { candidates, move, newSection } from './ops.ts';
import { focusAfterDialog, useAskDelete } from './AskDelete.tsx';

/** One page: its id, title, description and condition, its skip rules, and its sections with their fields. */
export function PageEditor({ index }: { index: number }) {
  const { t } = useI18n();
  const b = useBuilder();
  const { ask, dialog } = useAskDelete();
  const page = b.def.pages[index];
  if (!page) return null;
  const id = `bp-${index}`;
  const labels = { up: t('applications.builder.up'), down: t('applications.builder.down'), del: t('applications.builder.delete') };
  const setPage = (fn: (p: typeof page) => void) => b.update((d) => fn(d.pages[index]));
  const cands = candidates(b.def);
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1} className="mb-4 text-std-24B-150">{t('applications.builder.page_n', { n: index + 1 })}：{page.title.ja || page.id}</h2>
      <LangText id={`${id}-title`} legend={t('applications.builder.page_title')} required value={page.title} onChange={(v) => setPage((p) => { p.title = v ?? { ja: '' }; })} />
      <Fold summary={t('applications.builder.page_more')} marked={page.showIf !== undefined || page.next?.length ? t('applications.builder.has_rules') : undefined}>
        <TextField id={`${id}-id`} label={t('applications.builder.page_id')} hint={t('applications.builder.page_id_hint')} required value={page.id} className="mb-4 max-w-sm font-mono"
          onChange={(v) => setPage((p) => { p.id = v.trim(); })} />
        <LangText id={`${id}-description`} legend={t('applications.builder.description')} multiline value={page.description}
          onChange={(v) => setPage((p) => { if (v) p.description = v; else delete p.description; })} />
        <ConditionEditor id={`${id}-showIf`} legend={t('applications.builder.page_show_if')} value={page.showIf} candidates={cands}
          onChange={(v) => setPage((p) => { if (v === undefined) delete p.showIf; else p.showIf = v; })} />
        <SkipRules pageIndex={index} />
      </Fold>
      <h3 className="mb-3 text-std-20B-150">{t('applications.builder.sections')}</h3>
      <ol className="flex flex-col gap-6">
        {page.sections.map((s, si) => {
          const sid = `bs-${index}-${si}`;
          const name = s.title?.ja || t('applications.builder.section_n', { n: si + 1 });
          return (
            <li key={`${b.gen}-${si}`} className="rounded-12 border-2 border-solid-gray-420 p-4">
              <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                <h4 id={sid} tabIndex={-1} className="text-std-18B-160">{name}</h4>
                <ItemButtons idBase={sid} name={name} first={si === 0} last={si === page.sections.length - 1} labels={labels}
                  onMove={(dir) => { b.update((d) => { move(d.pages[index].sections, si, dir); }, true); focusLater(`bs-${index}-${si + dir}-${dir < 0 ? 'up' : 'down'}`); }}
                  onDelete={() => {
                    const remove = () => {
                      b.update((d) => { d.pages[index].sections.splice(si, 1); }, true);
                      b.announce(t('applications.builder.deleted', { name }));
                      focusAfterDialog(`${id}-add-section`);
                    };
                    if (s.fields.length > 0) ask(t('applications.builder.delete_section_title'), name, remove); else remove();
                  }} />
              </div>
              <LangText id={`${sid}-title`} legend={t('applications.builder.section_title')} value={s.title}
                onChange={(v) => setPage((p) => { if (v) p.sections[si].title = v; else delete p.sections[si].title; })} />
              <Fold summary={t('applications.builder.section_more')} marked={s.showIf !== undefined ? t('applications.builder.has_rules') : undefined}>
                <TextField id={`${sid}-id`} label={t('applications.builder.section_id')} hint={t('applications.builder.section_id_hint')} required value={s.id} className="mb-4 max-w-sm font-mono"
                  onChange={(v) => setPage((p) => { p.sections[si].id = v.trim(); })} />
                <LangText id={`${sid}-description`} legend={t('applications.builder.description')} multiline value={s.description}
                  onChange={(v) => setPage((p) => { if (v) p.sections[si].description = v; else delete p.sections[si].description; })} />
                <ConditionEditor id={`${sid}-showIf`} legend={t('applications.builder.section_show_if')} value={s.showIf} candidates={cands}
                  onChange={(v) => setPage((p) => { if (v === undefined) delete p.sections[si].showIf; else p.sections[si].showIf = v; })} />
              </Fold>
              <h5 className="mb-2 text-std-17B-170">{t('applications.builder.fields')}</h5>
              <FieldList base={{ page: index, section: si, prefix: [] }} fields={s.fields} />
            </li>
          );
        })}
      </ol>
      <button type="button" id={`${id}-add-section`} className={`${smallButton} mt-4`}
        onClick={() => { b.update((d) => { d.pages[index].sections.push(newSection(d)); }, true); focusLater(`bs-${index}-${page.sections.length}-title-ja`); }}>
        {t('applications.builder.add_section')}
      </button>
      {dialog}
    </section>
  );
}
