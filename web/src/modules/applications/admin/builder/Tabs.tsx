import type { KeyboardEvent, ReactNode } from 'react';

/**
 * Tabs after the ARIA pattern: the tab list is one stop for Tab, arrow keys (and Home/End) move
 * between tabs and show their panel; the panel follows in the reading order.
 */
export function Tabs<K extends string>({ id, label, tabs, active, onChange, children }:
  { id: string; label: string; tabs: { key: K; label: string }[]; active: K; onChange(k: K): void; children: ReactNode }) {
  const keyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.key === active);
    const to = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length
      : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    onChange(tabs[to].key);
    document.getElementById(`${id}-tab-${tabs[to].key}`)?.focus();
  };
  return (
    <div>
      <div role="tablist" aria-label={label} className="mb-6 flex flex-wrap gap-1 border-b-2 border-key-900" onKeyDown={keyDown}>
        {tabs.map((t) => (
          <button key={t.key} type="button" role="tab" id={`${id}-tab-${t.key}`} aria-selected={active === t.key} aria-controls={`${id}-panel`}
            tabIndex={active === t.key ? 0 : -1} onClick={() => onChange(t.key)}
            className={`min-h-12 rounded-t-8 px-5 text-std-16B-170 ${active === t.key ? 'bg-key-900 text-white' : 'bg-solid-gray-50 text-key-900 underline underline-offset-3 hover:bg-key-50'}`}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${active}`}>{children}</div>
    </div>
  );
}
