import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A static check of the web app's message catalogues (no browser): every key the code uses exists
// in Japanese, every Japanese key has an English text, and やさしい日本語 only overrides known keys.
// The community languages (zh-Hans, ko, vi, pt, ne) translate at least the citizen chrome: every key
// of the core やさしい日本語 catalogue.

const src = fileURLToPath(new URL('../web/src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Keys of catalogue objects: `'key': 'text'` lines under a language block or file. */
function keysOf(text: string): Set<string> {
  return new Set([...text.matchAll(/^\s*'([a-z][\w.-]*)':\s*['"`]/gm)].map((m) => m[1]));
}

const COMMUNITY = ['zh-Hans', 'ko', 'vi', 'pt', 'ne'] as const;
type Lang = 'ja' | 'en' | 'ja-easy' | (typeof COMMUNITY)[number];

function catalogue(lang: Lang): Set<string> {
  // The core catalogue of a language is `app/i18n/{lang}.ts` plus its parts (`{lang}-console.ts` …).
  const languageFiles = ['ja.ts', 'en.ts', 'ja-easy.ts', ...COMMUNITY.map((l) => `${l}.ts`)];
  const parts = readdirSync(join(src, 'app/i18n')).filter((f) => f === `${lang}.ts` || (f.startsWith(`${lang}-`) && !languageFiles.includes(f)));
  const keys = new Set(parts.flatMap((f) => [...keysOf(readFileSync(join(src, 'app/i18n', f), 'utf8'))]));
  // Module catalogues: `messages.ts` with `ja: {…}, en: {…}, 'ja-easy': {…}` blocks.
  for (const f of files(join(src, 'modules')).filter((p) => /messages(-[a-z]+)?\.ts$/.test(p))) {
    const text = readFileSync(f, 'utf8');
    const block = new RegExp(`\\n  ${lang.includes('-') ? `'${lang}'` : lang}: \\{([\\s\\S]*?)\\n  \\}`).exec(text);
    for (const k of keysOf(block?.[1] ?? '')) keys.add(k);
  }
  return keys;
}

describe('web message catalogues', () => {
  const ja = catalogue('ja');
  const en = catalogue('en');
  const easy = catalogue('ja-easy');

  it('has a Japanese text for every literal key the code uses', () => {
    const used = new Set<string>();
    for (const f of files(src)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-z][\w.-]*\.[\w.-]+)'/g)) used.add(m[1]);
      for (const m of readFileSync(f, 'utf8').matchAll(/labelKey:\s*'([a-z][\w.-]*\.[\w.-]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !ja.has(k))).toEqual([]);
  });

  it('has an English text for every Japanese key', () => {
    expect([...ja].filter((k) => !en.has(k))).toEqual([]);
  });

  it('overrides in やさしい日本語 only keys that exist', () => {
    expect([...easy].filter((k) => !ja.has(k))).toEqual([]);
    // The citizen-facing basics are all there.
    for (const prefix of ['portal.', 'account.', 'form.']) {
      const missing = [...ja].filter((k) => k.startsWith(prefix) && !easy.has(k));
      expect(missing, `${prefix}* without やさしい日本語`).toEqual([]);
    }
  });

  // The core citizen chrome: the keys of app/i18n/ja-easy.ts alone (modules add their own later).
  const chrome = keysOf(readFileSync(join(src, 'app/i18n/ja-easy.ts'), 'utf8'));
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  /** key → text of a core catalogue file, for comparing placeholders. */
  function texts(file: string): Map<string, string> {
    return new Map([...readFileSync(join(src, 'app/i18n', file), 'utf8').matchAll(/^\s*'([a-z][\w.-]*)':\s*'((?:[^'\\]|\\.)*)'/gm)].map((m) => [m[1], m[2]]));
  }

  for (const lang of COMMUNITY) {
    it(`translates the citizen chrome into ${lang}, with known keys only`, () => {
      const keys = catalogue(lang);
      expect([...keys].filter((k) => !ja.has(k)), `${lang} keys unknown in ja`).toEqual([]);
      expect([...chrome].filter((k) => !keys.has(k)), `ja-easy keys without ${lang}`).toEqual([]);
    });

    it(`keeps the placeholders of English in ${lang}`, () => {
      const english = new Map([...texts('en.ts'), ...texts('en-console.ts')]);
      const wrong = [...texts(`${lang}.ts`)].filter(([k, v]) => english.has(k) && placeholders(v).join() !== placeholders(english.get(k)!).join());
      expect(wrong.map(([k]) => k)).toEqual([]);
    });
  }
});
