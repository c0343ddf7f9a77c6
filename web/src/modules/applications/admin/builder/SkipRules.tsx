import { useI18n } from '../../../../app/i18n/index.tsx';
import { Select } from '../../../../components/fields.tsx';
import type { SkipRule } from '../../form/engine.ts';
import { useBuilder } from './context.ts';
import { ConditionEditor } from './ConditionEditor.tsx';
import { ItemButtons, focusLater, smallButton } from './controls.tsx';
import { candidates, move } from './ops.ts';

/** 「回答によって次のページを飛ばす」: rules on a page, first match wins; each names a later page or the review step. */
export function SkipRules({ pageIndex }: { pageIndex: number }) {
  const { t } = useI18n();
  const b = useBuilder();
  const page = b.def.pages[pageIndex];
  const rules = page.next ?? [];
  const later = b.def.pages.slice(pageIndex + 1);
  const id = `bp-${pageIndex}-next`;
  const labels = { up: t('applications.builder.up'), down: t('applications.builder.down'), del: t('applications.builder.delete') };
  const change = (fn: (rules: SkipRule[]) => void, structural = false) => b.update((d) => {
    const p = d.pages[pageIndex];
    const list = [...(p.next ?? [])];
    fn(list);
    if (list.length) p.next = list; else delete p.next;
  }, structural);
  const cands = candidates(b.def);
  const add = () => {
    const first = cands[0];
    change((l) => l.push({ if: first ? { '==': [{ var: first.key }, first.options?.[0]?.value ?? ''] } : { '!!': [{ var: '' }] }, goTo: later[1]?.id ?? 'review' }));
    focusLater(`${id}-${rules.length}-goTo`);
  };
  return (
    <section aria-labelledby={`${id}-title`} className="mb-6 rounded-8 bg-solid-gray-50 p-4">
      <h3 id={`${id}-title`} className="mb-1 text-std-17B-170">{t('applications.builder.skip_title')}</h3>
      <p className="mb-3 text-std-16N-170 text-solid-gray-700">{t('applications.builder.skip_hint')}</p>
      <ol className="flex flex-col gap-3">
        {rules.map((r, i) => (
          <li key={`${b.gen}-${i}`} className="rounded-8 border border-solid-gray-420 bg-white p-3">
            <ConditionEditor id={`${id}-${i}-if`} legend={t('applications.builder.skip_if', { n: i + 1 })} value={r.if} allowNone={false} candidates={cands}
              onChange={(v) => change((l) => { l[i] = { ...l[i], if: v }; })} />
            <Select noTag id={`${id}-${i}-goTo`} label={t('applications.builder.skip_go_to')} value={r.goTo} className="mb-3"
              options={[...later.map((p) => ({ value: p.id, label: p.title.ja || p.id })), { value: 'review', label: t('applications.builder.review_step') },
                ...(r.goTo === 'review' || later.some((p) => p.id === r.goTo) ? [] : [{ value: r.goTo, label: r.goTo }])]}
              onChange={(v) => change((l) => { l[i] = { ...l[i], goTo: v }; })} />
            <ItemButtons idBase={`${id}-${i}`} name={t('applications.builder.skip_if', { n: i + 1 })} first={i === 0} last={i === rules.length - 1} labels={labels}
              onMove={(dir) => { change((l) => { move(l, i, dir); }, true); focusLater(`${id}-${i + dir}-${dir < 0 ? 'up' : 'down'}`); }}
              onDelete={() => { change((l) => { l.splice(i, 1); }, true); focusLater(`${id}-add`); }} />
          </li>
        ))}
      </ol>
      <button type="button" id={`${id}-add`} className={`${smallButton} mt-3`} onClick={add}>{t('applications.builder.skip_add')}</button>
    </section>
  );
}
