import { describe, expect, it } from 'vitest';
import { pickContentLang, pickLang } from './index.ts';

describe('pickContentLang', () => {
  it('takes ja, en and ja-easy from the query before the cookie', () => {
    expect(pickContentLang({ query: 'ja-easy', cookie: 'en' }, 'ja')).toBe('ja-easy');
    expect(pickContentLang({ cookie: 'en' }, 'ja')).toBe('en');
  });

  it('serves English content to the other UI languages, from the query or the cookie', () => {
    for (const tag of ['zh-Hans', 'ko', 'vi', 'pt', 'ne']) {
      expect(pickContentLang({ query: tag }, 'ja')).toBe('en');
      expect(pickContentLang({ cookie: tag }, 'ja')).toBe('en');
    }
    // An explicit query still wins over the cookie.
    expect(pickContentLang({ query: 'ja', cookie: 'ko' }, 'en')).toBe('ja');
  });

  it('ignores unknown tags and falls back to the message language', () => {
    expect(pickContentLang({ query: 'fr', cookie: 'zh' }, 'ja')).toBe('ja');
    expect(pickContentLang({}, 'en')).toBe('en');
  });
});

describe('pickLang (API messages)', () => {
  it('answers English to the other UI languages and to browsers asking for neither ja nor en', () => {
    expect(pickLang({ cookie: 'ko' })).toBe('en');
    expect(pickLang({ query: 'vi', cookie: 'ja' })).toBe('en');
    expect(pickLang({ cookie: 'ja-easy' })).toBe('ja');
    expect(pickLang({ acceptLanguage: 'zh-CN,zh;q=0.9' })).toBe('en');
    expect(pickLang({ acceptLanguage: 'ja-JP,ja;q=0.9,en;q=0.8' })).toBe('ja');
    expect(pickLang({})).toBe('ja');
  });
});
