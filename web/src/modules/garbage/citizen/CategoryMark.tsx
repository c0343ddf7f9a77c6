import type { Category } from '../engine.ts';
import { Localized } from './Localized.tsx';

// Icons by the category's `icon` key (engine/types.ts); unknown keys draw a bin.
const paths: Record<string, string> = {
  burnable: 'M13.5.7s.7 2.6.7 4.7c0 2-1.3 3.6-3.3 3.6S7.5 7.4 7.5 5.4l.1-.4C5.5 7.5 4 10.7 4 14a8 8 0 0 0 16 0c0-5.4-2.6-10.2-6.5-13.3zM11.7 19c-1.8 0-3.2-1.4-3.2-3.1 0-1.6 1-2.8 2.8-3.1 1.8-.4 3.6-1.2 4.6-2.6.4 1.3.6 2.6.6 4 0 2.6-2.1 4.8-4.8 4.8z',
  bottle: 'M9 2h6v3l-1 1v2c2 1 3 2.5 3 4.5V21a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1v-8.5C7 10.5 8 9 10 8V6L9 5V2z',
  can: 'M7 3h10l1 2v14l-1 2H7l-1-2V5l1-2zm1 4v10h8V7H8z',
  paper: 'M6 2h9l5 5v13a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm8 1.5V8h4.5L14 3.5zM7 12v2h10v-2H7zm0 4v2h10v-2H7z',
  plastic: 'M12 2 4 6v12l8 4 8-4V6l-8-4zm0 2.2L17.6 7 12 9.8 6.4 7 12 4.2zM6 8.6l5 2.5v8.3l-5-2.5V8.6zm7 10.8v-8.3l5-2.5v8.3l-5 2.5z',
  bulky: 'M4 10V7a3 3 0 0 1 3-3h10a3 3 0 0 1 3 3v3a2 2 0 0 0-2 2v2H6v-2a2 2 0 0 0-2-2zm-2 2a2 2 0 0 1 4 0v4h12v-4a2 2 0 0 1 4 0v6a1 1 0 0 1-1 1h-1v2h-2v-2H6v2H4v-2H3a1 1 0 0 1-1-1v-6z',
  hazard: 'M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z',
};
const BIN = 'M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z';
const NOT_COLLECTED = 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM4 12a8 8 0 0 1 12.9-6.3L5.7 16.9A7.9 7.9 0 0 1 4 12zm8 8a7.9 7.9 0 0 1-4.9-1.7L18.3 7.1A8 8 0 0 1 12 20z';

/** The category's icon on its colour, decorative: the name always goes beside it. */
export function CategoryIcon({ category, className = 'size-10' }: { category: Category | null; className?: string }) {
  return (
    <span aria-hidden="true" className={`inline-flex shrink-0 items-center justify-center rounded-full border-2 border-solid-gray-900 ${className}`}
      style={{ backgroundColor: category?.color ?? '#ffffff' }}>
      <svg viewBox="0 0 24 24" className="size-3/5 fill-white stroke-solid-gray-900" strokeWidth={category ? 0.8 : 0} style={category ? undefined : { fill: '#1a1a1a' }}>
        <path d={category ? paths[category.icon] ?? BIN : NOT_COLLECTED} />
      </svg>
    </span>
  );
}

/** Icon + colour + name of a category (colour is never the only cue). */
export function CategoryMark({ category, lang, fallback }: { category: Category | null; lang: string; fallback: string }) {
  return (
    <span className="inline-flex items-center gap-2">
      <CategoryIcon category={category} className="size-8" />
      {category ? <Localized texts={category.name} lang={lang} className="text-std-17B-170" /> : <span className="text-std-17B-170">{fallback}</span>}
    </span>
  );
}
