import { describe, expect, it } from 'vitest';
import {
  buildSearchText,
  likeContains,
  normalise,
  searchPattern,
  snippet,
  statementSnippet,
  words,
} from './search-text.js';

/** What the database does with the patterns: every word a substring, every phrase a substring of the text without spaces. */
function matches(searchText: string, query: string): boolean {
  const compact = searchText.replace(/ /g, '');
  return searchPattern(query).every(
    (term) =>
      term.words.every((w) => searchText.includes(w)) &&
      (term.phrase === null || compact.includes(term.phrase)),
  );
}

const marked = (s: ReturnType<typeof snippet>) => s?.parts.filter((p) => p.mark).map((p) => p.text);
const plain = (s: ReturnType<typeof snippet>) => s?.parts.map((p) => p.text).join('');

describe('normalise', () => {
  it('folds half-width katakana and full-width Latin (NFKC) and lower-cases', () => {
    expect(normalise('ｻｲﾊﾞｰ')).toBe('サイバー');
    expect(normalise('ＩＣＴ　Ｃａｐａｃｉｔｙ')).toBe('ict capacity');
  });
});

describe('words', () => {
  it('segments Japanese into words and keeps a katakana loanword whole', () => {
    expect(words('サイバー犯罪', 'ja')).toEqual(['サイバー', '犯罪']);
    expect(words('ｻｲﾊﾞｰ犯罪', 'ja')).toEqual(['サイバー', '犯罪']);
  });

  it('drops hyphens and punctuation in English', () => {
    expect(words('Capacity-Building, please.', 'en')).toEqual(['capacity', 'building', 'please']);
  });

  it('segments Chinese', () => {
    expect(words('网络犯罪', 'zh')).toEqual(['网络', '犯罪']);
  });
});

describe('buildSearchText', () => {
  it('holds every language, words separated by spaces', () => {
    const text = buildSearchText({
      ja: 'サイバー犯罪やサイバーセキュリティの課題',
      en: 'Cybercrime and Capacity-Building.',
    });
    expect(text).toBe(
      'cybercrime and capacity building\nサイバー 犯罪 や サイバーセキュリティ の 課題',
    );
  });
});

describe('searchPattern', () => {
  it('turns a Japanese compound into a phrase of its words', () => {
    expect(searchPattern('サイバー犯罪')).toEqual([
      { words: ['サイバー', '犯罪'], phrase: 'サイバー犯罪' },
    ]);
  });

  it('normalises half-width and full-width forms like the texts', () => {
    expect(searchPattern('ｻｲﾊﾞｰ犯罪')).toEqual(searchPattern('サイバー犯罪'));
    expect(searchPattern('ＣＡＰＡＣＩＴＹ')).toEqual([{ words: ['capacity'], phrase: null }]);
  });

  it('reads separate words as terms that must all match, and a hyphenated or quoted one as a phrase', () => {
    expect(searchPattern('capacity building')).toEqual([
      { words: ['capacity'], phrase: null },
      { words: ['building'], phrase: null },
    ]);
    expect(searchPattern('Capacity-Building')).toEqual([
      { words: ['capacity', 'building'], phrase: 'capacitybuilding' },
    ]);
    expect(searchPattern('"capacity building"')).toEqual([
      { words: ['capacity', 'building'], phrase: 'capacitybuilding' },
    ]);
  });

  it('ignores punctuation-only input and repeated terms', () => {
    expect(searchPattern(' -- 、。 ')).toEqual([]);
    expect(searchPattern('rules Rules RULES')).toHaveLength(1);
  });
});

describe('matching', () => {
  const yun = buildSearchText({
    ja: '情報通信技術の発展が経済的・社会的便益に貢献している一方,サイバー犯罪やサイバーセキュリティの課題が顕在化している。能力構築支援を新たなテーマに取り上げる。',
    en: 'Cybercrime and cybersecurity challenges have emerged. Capacity building is taken up as a new theme.',
  });

  it('finds the compound, each of its words, and the same word in half-width', () => {
    expect(matches(yun, 'サイバー犯罪')).toBe(true);
    expect(matches(yun, '犯罪')).toBe(true);
    expect(matches(yun, 'サイバー')).toBe(true);
    expect(matches(yun, 'ｻｲﾊﾞｰ犯罪')).toBe(true);
    expect(matches(yun, '能力構築')).toBe(true);
  });

  it('keeps the order of a phrase', () => {
    expect(matches(yun, '犯罪サイバー')).toBe(false);
    expect(matches(yun, '"building capacity"')).toBe(false);
  });

  it('finds English words in any case and with or without the hyphen', () => {
    expect(matches(yun, 'capacity building')).toBe(true);
    expect(matches(yun, 'Capacity-Building')).toBe(true);
    expect(matches(yun, 'CAPACITY')).toBe(true);
  });

  it('requires every term (AND)', () => {
    expect(matches(yun, 'capacity sovereignty')).toBe(false);
  });
});

describe('likeContains', () => {
  it('escapes the wildcards of LIKE', () => {
    expect(likeContains('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});

describe('snippet', () => {
  it('marks the matches in the original text, half-width forms included', () => {
    const s = snippet('ｻｲﾊﾞｰ犯罪の課題', searchPattern('サイバー犯罪'), { lang: 'ja' });
    expect(marked(s)).toEqual(['ｻｲﾊﾞｰ犯罪']);
    expect(plain(s)).toBe('ｻｲﾊﾞｰ犯罪の課題');
  });

  it('cuts about 160 characters around the first match, at word boundaries, with ellipses', () => {
    const before = 'Lorem ipsum dolor sit amet. '.repeat(10);
    const after = ' Sed do eiusmod tempor incididunt.'.repeat(10);
    const s = snippet(
      `${before}Capacity-Building matters.${after}`,
      searchPattern('capacity building'),
      { lang: 'en' },
    );
    const text = plain(s)!;
    expect(marked(s)).toEqual(['Capacity', 'Building']);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(165);
    expect(text.indexOf('Capacity')).toBeGreaterThan(20);
    // No word is cut in half at either end.
    expect(text.slice(1, -1)).toMatch(/^\S+( \S+)*$/);
    for (const word of text.slice(1, -1).split(' '))
      expect(`${before}Capacity-Building matters.${after}`).toContain(word);
  });

  it('marks words separated by a space as one, and fills the window from before near the end', () => {
    const text = `${'Words before the match. '.repeat(8)}We need capacity building.`;
    const s = snippet(text, searchPattern('capacity building'), { lang: 'en' });
    expect(marked(s)).toEqual(['capacity building']);
    expect(plain(s)!.length).toBeGreaterThan(140);
    expect(plain(s)!.endsWith('building.')).toBe(true);
  });

  it('returns null when nothing matches', () => {
    expect(snippet('nothing here', searchPattern('sovereignty'), { lang: 'en' })).toBeNull();
  });

  it("prefers the reader's language, then the original", () => {
    const texts = { ja: 'サイバー犯罪への対応', en: 'Responding to cybercrime' };
    expect(statementSnippet(texts, 'ja', 'en', searchPattern('cybercrime')).lang).toBe('en');
    expect(statementSnippet(texts, 'ja', 'en', searchPattern('犯罪')).lang).toBe('ja');
    const none = statementSnippet(texts, 'ja', 'en', searchPattern('zzz'));
    expect(none).toEqual({
      lang: 'en',
      parts: [{ text: 'Responding to cybercrime', mark: false }],
    });
  });
});
