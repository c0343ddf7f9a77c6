import { useI18n } from '../../../../app/i18n/index.tsx';
import { useBuilder } from './context.ts';
import { ItemButtons, focusLater, smallButton } from './controls.tsx';
import { move, newPage } from './ops.ts';
import { focusAfterDialog, useAskDelete } from './AskDelete.tsx';

/** The pages of the form in order: choose one to edit, move it up or down, delete it, or add a page. */
export function PageList({ selected, onSelect }: { selected: number; onSelect(i: number): void }) {
  const { t } = useI18n();
  const b = useBuilder();
  const pages = b.def.pages;
  const { ask, dialog } = useAskDelete();
  const labels = { up: t('applications.builder.up'), down: t('applications.builder.down'), del: t('applications.builder.delete') };
  const add = () => {
    b.update((d) => { d.pages.push(newPage(d, { ja: t('applications.builder.new_page', { n: d.pages.length + 1 }) })); }, true);
    onSelect(pages.length);
    b.announce(t('applications.builder.page_added'));
    focusLater(`bp-${pages.length}-title-ja`);
  };
  return (
    <nav aria-labelledby="bpages-title" className="rounded-12 border border-solid-gray-420 p-3">
      <h2 id="bpages-title" className="mb-2 text-std-18B-160">{t('applications.builder.pages')}</h2>
      <ol className="flex flex-col gap-2">
        {pages.map((p, i) => {
          const name = p.title.ja || p.id;
          return (
            <li key={`${b.gen}-${i}`} className={`rounded-8 p-2 ${selected === i ? 'bg-key-50 ring-2 ring-key-900' : 'bg-solid-gray-50'}`}>
              <button type="button" id={`bpl-${i}`} aria-current={selected === i ? 'step' : undefined} onClick={() => onSelect(i)}
                className="mb-2 block min-h-11 w-full rounded-6 px-2 text-left text-std-16B-170 text-key-900 underline underline-offset-3 hover:bg-white">
                {t('applications.builder.page_n', { n: i + 1 })}：{name}
              </button>
              <ItemButtons idBase={`bpl-${i}`} name={name} first={i === 0} last={i === pages.length - 1} labels={labels}
                onMove={(dir) => {
                  b.update((d) => { move(d.pages, i, dir); }, true);
                  if (selected === i) onSelect(i + dir); else if (selected === i + dir) onSelect(i);
                  b.announce(t(dir < 0 ? 'applications.builder.moved_up' : 'applications.builder.moved_down', { name }));
                  focusLater(`bpl-${i + dir}-${dir < 0 ? 'up' : 'down'}`);
                }}
                onDelete={() => {
                  if (pages.length === 1) return b.announce(t('applications.builder.last_page'));
                  ask(t('applications.builder.delete_page_title'), name, () => {
                    b.update((d) => { d.pages.splice(i, 1); }, true);
                    onSelect(Math.max(0, Math.min(selected, pages.length - 2)));
                    b.announce(t('applications.builder.deleted', { name }));
                    focusAfterDialog('bpages-add');
                  });
                }} />
            </li>
          );
        })}
      </ol>
      <button type="button" id="bpages-add" className={`${smallButton} mt-3 w-full`} onClick={add}>{t('applications.builder.add_page')}</button>
      {dialog}
    </nav>
  );
}
