import { describe, expect, it } from 'vitest';
import { countryName, isIso3 } from './countries.js';
import { negotiateLanguage, pick } from './localized.js';

describe('language of a request', () => {
  it('takes ?lang= first, then the cookie, then Accept-Language by weight', () => {
    expect(negotiateLanguage({ query: 'ja', cookie: 'en', acceptLanguage: 'en' })).toBe('ja');
    expect(negotiateLanguage({ cookie: 'ja', acceptLanguage: 'en' })).toBe('ja');
    expect(negotiateLanguage({ acceptLanguage: 'fr;q=0.9, ja-JP;q=0.8, en;q=0.1' })).toBe('ja');
    expect(negotiateLanguage({ acceptLanguage: 'de' })).toBe('en');
    expect(negotiateLanguage({ query: 'xx' })).toBe('en');
  });

  it("picks the reader's language, then English", () => {
    expect(pick({ en: 'State Minister', ja: '外務副大臣' }, 'ja')).toBe('外務副大臣');
    expect(pick({ en: 'State Minister' }, 'ja')).toBe('State Minister');
  });
});

describe('country names', () => {
  it("come from Intl.DisplayNames in the reader's language", () => {
    expect(countryName('JPN', 'ja')).toBe('日本');
    expect(countryName('JPN', 'en')).toBe('Japan');
    expect(countryName('KOR', 'ja')).toBe(
      new Intl.DisplayNames(['ja'], { type: 'region' }).of('KR'),
    );
    expect(isIso3('JPN')).toBe(true);
    expect(isIso3('XYZ')).toBe(false);
    expect(isIso3('jpn')).toBe(false);
  });
});
