/**
 * Search in statements, as plain functions: the `search_text` column written from a statement's
 * texts, the normalised query matched against it, and the highlighted snippet shown in results.
 *
 * Both sides go through the same normalisation: NFKC (ｻｲﾊﾞｰ → サイバー, ＡＢＣ → ABC), lower
 * case, and words separated by `Intl.Segmenter` (Japanese and Chinese have no spaces; hyphens and
 * punctuation go too, so "Capacity-Building" reads "capacity building"). The database matches
 * each word as a substring with `LIKE '%word%'` (GIN trigram index), and a phrase by comparing the
 * text with its spaces removed, so a phrase is found even where the segmenter cut the stored text
 * differently from the query (it does: サイバー alone is one word to us, サイ|バー to ICU).
 */

/** Scripts written without spaces between words: runs of them are segmented by dictionary. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Katakana words (loanwords): ICU's dictionary splits unknown ones (サイ|バー); we keep them whole. */
const KATAKANA_WORD = /^[\p{Script=Katakana}ー]+$/u;

/** A query has at most this many terms and each term this many words: bounded work for the database. */
export const MAX_TERMS = 8;
const MAX_WORDS_PER_TERM = 8;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let found = segmenters.get(lang);
  if (!found) {
    found = new Intl.Segmenter(Intl.Segmenter.supportedLocalesOf([lang]).length > 0 ? lang : 'en', {
      granularity: 'word',
    });
    segmenters.set(lang, found);
  }
  return found;
}

/** NFKC, then lower case: the one normalisation of stored texts and queries. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The words of a text, normalised, in order; punctuation and spaces dropped. */
export function words(text: string, lang = 'en'): string[] {
  const out: string[] = [];
  let previousEnd = -1;
  for (const part of segmenter(lang).segment(normalise(text))) {
    if (!part.isWordLike) continue;
    const last = out.length - 1;
    // Adjacent katakana pieces (no space or mark between them) are one loanword.
    if (
      last >= 0 &&
      part.index === previousEnd &&
      KATAKANA_WORD.test(part.segment) &&
      KATAKANA_WORD.test(out[last]!)
    ) {
      out[last] += part.segment;
    } else {
      out.push(part.segment);
    }
    previousEnd = part.index + part.segment.length;
  }
  return out;
}

/**
 * The `search_text` of a statement: every language's text, words separated by single spaces,
 * one line per language (sorted, so the same texts always give the same column).
 */
export function buildSearchText(texts: Record<string, string | undefined>): string {
  return Object.keys(texts)
    .sort()
    .map((lang) => words(texts[lang] ?? '', lang).join(' '))
    .filter((line) => line.length > 0)
    .join('\n');
}

/** One thing the reader asked for: a word, or a phrase whose words must stand together in order. */
export interface SearchTerm {
  /** Normalised words, each matched as a substring of search_text. */
  words: string[];
  /** The words run together (spaces removed), matched against search_text without its spaces; null for one word. */
  phrase: string | null;
}

/**
 * How a reader's query is normalised the same way as the texts. Whitespace separates terms
 * (each must match: AND); a term the segmenter splits (サイバー犯罪, capacity-building) or a
 * "quoted phrase" is a phrase: its words together, in order.
 */
export function searchPattern(query: string, lang = 'en'): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  const pieces = normalise(query).match(/"[^"]*"|[^\s"]+/g) ?? [];
  for (const piece of pieces) {
    const raw = piece.replace(/^"|"$/g, '');
    const termWords = words(raw, UNSPACED.test(raw) ? 'ja' : lang).slice(0, MAX_WORDS_PER_TERM);
    if (termWords.length === 0) continue;
    const key = termWords.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ words: termWords, phrase: termWords.length > 1 ? termWords.join('') : null });
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/** A value for `LIKE '%…%'` that matches `text` literally (the default escape character is `\`). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ───────────────────────────── snippets ─────────────────────────────

export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface Snippet {
  /** The language of the text the snippet was cut from. */
  lang: string;
  parts: SnippetPart[];
}

interface Mapped {
  /** The normalised text. */
  normal: string;
  /** For each UTF-16 unit of `normal`, the index of the grapheme it came from. */
  graphemeOf: number[];
  /** Start offset in the original text of each grapheme, and the text's length at the end. */
  starts: number[];
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Units of text that normalise on their own: an ASCII character (lower-casing keeps its
 * length), or any other character with the marks that combine with it — accents, the
 * half-width voiced marks (ﾊﾞ → バ) and conjoining Hangul jamo. Cheaper than grapheme
 * segmentation, which made snippets the slowest part of a search.
 */
const UNIT = /[\0-\x7f]|[^\0-\x7f][\p{M}\uff9e\uff9f\u1160-\u11ff]*/gsu;

/** Normalises unit by unit, so that a match in the normalised text maps back to the original. */
function mapNormalised(text: string): Mapped {
  let normal = '';
  const graphemeOf: number[] = [];
  const starts: number[] = [];
  for (const match of text.matchAll(UNIT)) {
    const unit = match[0];
    const g = starts.length;
    starts.push(match.index);
    const n = unit.length === 1 && unit <= '\x7f' ? unit.toLowerCase() : normalise(unit);
    normal += n;
    for (let i = 0; i < n.length; i++) graphemeOf.push(g);
  }
  starts.push(text.length);
  return { normal, graphemeOf, starts };
}

/** Ranges [from, to) of graphemes where any of the words occurs, sorted and merged. */
function matchRanges(mapped: Mapped, searchWords: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const word of searchWords) {
    if (!word) continue;
    for (
      let at = mapped.normal.indexOf(word);
      at >= 0;
      at = mapped.normal.indexOf(word, at + word.length)
    ) {
      ranges.push([mapped.graphemeOf[at]!, mapped.graphemeOf[at + word.length - 1]! + 1]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

const SPACE = /\s/;

/**
 * About `width` characters of `text` around the first match of the query's words, with every
 * match in it marked; null when nothing matches. Cuts fall between graphemes, and in spaced
 * scripts between words.
 */
export function snippet(
  text: string,
  terms: SearchTerm[],
  options: { lang: string; width?: number },
): Snippet | null {
  const width = options.width ?? 160;
  const mapped = mapNormalised(text);
  const ranges = matchRanges(
    mapped,
    terms.flatMap((t) => t.words),
  );
  const first = ranges[0];
  if (!first) return null;
  const count = mapped.starts.length - 1;
  const offset = (g: number) => mapped.starts[g]!;
  const lead = Math.floor(width / 3);
  // Units, not code units, from here on: a window never splits a surrogate pair or ﾊﾞ.
  let from = first[0];
  while (from > 0 && offset(first[0]) - offset(from - 1) <= lead) from--;
  let to = from;
  while (to < count && offset(to + 1) - offset(from) <= width) to++;
  if (to < first[1]) to = Math.min(count, first[1]);
  // Near the end of the text, use the room left over for more of what comes before.
  while (to === count && from > 0 && offset(count) - offset(from - 1) <= width) from--;
  // Where words are spaced, do not cut one in half: move inwards to the nearest space (within reach).
  const charAt = (g: number) => text.slice(offset(g), offset(g + 1));
  if (from > 0 && !SPACE.test(charAt(from - 1))) {
    for (let g = from; g < Math.min(first[0], from + 20); g++) {
      if (SPACE.test(charAt(g))) {
        from = g + 1;
        break;
      }
    }
  }
  if (to < count && !SPACE.test(charAt(to))) {
    for (let g = to - 1; g > Math.max(first[1], to - 20); g--) {
      if (SPACE.test(charAt(g))) {
        to = g;
        break;
      }
    }
  }
  for (let i = ranges.length - 1; i > 0; i--) {
    const [previous, next] = [ranges[i - 1]!, ranges[i]!];
    if (/^\s+$/.test(text.slice(offset(previous[1]), offset(next[0])))) {
      previous[1] = next[1];
      ranges.splice(i, 1);
    }
  }
  const parts: SnippetPart[] = [];
  const push = (fromG: number, toG: number, mark: boolean) => {
    if (toG > fromG) parts.push({ text: text.slice(offset(fromG), offset(toG)), mark });
  };
  let cursor = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    push(cursor, s, false);
    push(s, e, true);
    cursor = e;
  }
  push(cursor, to, false);
  // Trim the spaces left at the cuts, then say that the text goes on.
  const head = parts[0];
  if (head && !head.mark) head.text = head.text.trimStart();
  const tail = parts[parts.length - 1];
  if (tail && !tail.mark) tail.text = tail.text.trimEnd();
  if (from > 0) parts.unshift({ text: '…', mark: false });
  if (to < count) parts.push({ text: '…', mark: false });
  return { lang: options.lang, parts };
}

/**
 * The snippet of a statement for a reader: from the text in the reader's language when the
 * query matches there, else from the original, else from any text that matches; failing all,
 * the beginning of the reader's text unmarked.
 */
export function statementSnippet(
  texts: Record<string, string | undefined>,
  originalLanguage: string,
  readerLang: string,
  terms: SearchTerm[],
  width = 160,
): Snippet {
  const order = [readerLang, originalLanguage, ...Object.keys(texts).sort()].filter(
    (lang, i, all) => all.indexOf(lang) === i && texts[lang],
  );
  for (const lang of order) {
    const found = snippet(texts[lang]!, terms, { lang, width });
    if (found) return found;
  }
  const lang = order[0] ?? readerLang;
  const text = texts[lang] ?? '';
  const cut = [...graphemes.segment(text)]
    .slice(0, width)
    .map((g) => g.segment)
    .join('');
  return {
    lang,
    parts: [
      { text: cut, mark: false },
      ...(cut.length < text.length ? [{ text: '…', mark: false }] : []),
    ],
  };
}
