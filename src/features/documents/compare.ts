/**
 * Two versions compared word by word, paragraph by paragraph — a pure core. Words come from
 * `Intl.Segmenter(lang, { granularity: 'word' })`, so Japanese text (no spaces) compares by
 * words rather than characters; whitespace and punctuation are tokens too, so nothing is lost.
 * Paragraphs are matched by their stable ids; a paragraph present in both whose place among
 * the others changed is `moved`.
 */
import { numberParagraphs, paragraphText } from './amendments.js';
import type { DocumentContent, NumberingStyle, Paragraph, ParagraphKind } from './content.js';

export type DiffOp = { op: 'equal' | 'insert' | 'delete'; text: string };

export interface ParagraphComparison {
  id: string;
  kind: ParagraphKind;
  status: 'equal' | 'changed' | 'added' | 'removed' | 'moved';
  fromNumber: string | null;
  toNumber: string | null;
  ops: DiffOp[];
}

export interface Comparison {
  paragraphs: ParagraphComparison[];
  added: string[];
  removed: string[];
  moved: string[];
}

const segmenters = new Map<string, Intl.Segmenter>();

/** Words, spaces and punctuation, in order; joined they give the text back. */
export function tokenize(text: string, lang: string): string[] {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Above this many cells the middle of a diff is shown as deleted then inserted, not aligned. */
const MAX_CELLS = 4_000_000;

/** The longest common subsequence of two sequences, as pairs of indices. */
function lcs<T>(a: T[], b: T[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) return [];
  // lengths[i][j] = LCS of a[i..] and b[j..], in one flat array
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

function push(ops: DiffOp[], op: DiffOp['op'], text: string) {
  if (text === '') return;
  const last = ops.at(-1);
  if (last?.op === op) last.text += text;
  else ops.push({ op, text });
}

/**
 * Word-by-word difference of two texts. The common beginning and end are taken off first, so
 * that a change shows where it was made rather than wherever an alignment happens to fall.
 */
export function diffWords(before: string, after: string, lang: string): DiffOp[] {
  const a = tokenize(before, lang);
  const b = tokenize(after, lang);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  const ops: DiffOp[] = [];
  push(ops, 'equal', a.slice(0, prefix).join(''));
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  let i = 0;
  let j = 0;
  for (const [pi, pj] of lcs(midA, midB)) {
    push(ops, 'delete', midA.slice(i, pi).join(''));
    push(ops, 'insert', midB.slice(j, pj).join(''));
    push(ops, 'equal', midA[pi] ?? '');
    i = pi + 1;
    j = pj + 1;
  }
  push(ops, 'delete', midA.slice(i).join(''));
  push(ops, 'insert', midB.slice(j).join(''));
  push(ops, 'equal', a.slice(a.length - suffix).join(''));
  return ops;
}

/** The newer text from ops: what was equal and what was inserted. */
export const newerText = (ops: DiffOp[]) =>
  ops
    .filter((o) => o.op !== 'delete')
    .map((o) => o.text)
    .join('');
/** The older text from ops: what was equal and what was deleted. */
export const olderText = (ops: DiffOp[]) =>
  ops
    .filter((o) => o.op !== 'insert')
    .map((o) => o.text)
    .join('');

function paragraphsOf(content: DocumentContent): Paragraph[] {
  return content.sections.flatMap((s) => s.paragraphs);
}

/** Compares two versions paragraph by paragraph in `lang` (the negotiating language by default). */
export function compareVersions(
  from: DocumentContent,
  to: DocumentContent,
  options: { lang?: string; numbering?: NumberingStyle } = {},
): Comparison {
  const lang = options.lang ?? to.language;
  const older = paragraphsOf(from);
  const newer = paragraphsOf(to);
  const olderById = new Map(older.map((p) => [p.id, p]));
  const newerIds = new Set(newer.map((p) => p.id));
  const fromNumbers = numberParagraphs(from, options.numbering);
  const toNumbers = numberParagraphs(to, options.numbering);

  const commonOld = older.filter((p) => newerIds.has(p.id)).map((p) => p.id);
  const commonNew = newer.filter((p) => olderById.has(p.id)).map((p) => p.id);
  const inPlace = new Set(lcs(commonOld, commonNew).map(([i]) => commonOld[i]));
  const moved = commonNew.filter((id) => !inPlace.has(id));

  const textOf = (p: Paragraph, content: DocumentContent) =>
    paragraphText(p, lang, content.language);
  const removedAfter = new Map<string | null, Paragraph[]>();
  older.forEach((p, index) => {
    if (newerIds.has(p.id)) return;
    // After the nearest earlier paragraph that is still there (null: at the top).
    let anchor: string | null = null;
    for (let k = index - 1; k >= 0; k--) {
      const candidate = older[k];
      if (candidate && newerIds.has(candidate.id)) {
        anchor = candidate.id;
        break;
      }
    }
    removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), p]);
  });

  const paragraphs: ParagraphComparison[] = [];
  const pushRemoved = (anchor: string | null) => {
    for (const p of removedAfter.get(anchor) ?? [])
      paragraphs.push({
        id: p.id,
        kind: p.kind,
        status: 'removed',
        fromNumber: fromNumbers[p.id] ?? null,
        toNumber: null,
        ops: diffWords(textOf(p, from), '', lang),
      });
  };
  pushRemoved(null);
  for (const p of newer) {
    const before = olderById.get(p.id);
    const ops = diffWords(before ? textOf(before, from) : '', textOf(p, to), lang);
    const status: ParagraphComparison['status'] = !before
      ? 'added'
      : !inPlace.has(p.id)
        ? 'moved'
        : ops.every((o) => o.op === 'equal') && before.kind === p.kind
          ? 'equal'
          : 'changed';
    paragraphs.push({
      id: p.id,
      kind: p.kind,
      status,
      fromNumber: before ? (fromNumbers[p.id] ?? null) : null,
      toNumber: toNumbers[p.id] ?? null,
      ops,
    });
    pushRemoved(p.id);
  }
  return {
    paragraphs,
    added: newer.filter((p) => !olderById.has(p.id)).map((p) => p.id),
    removed: older.filter((p) => !newerIds.has(p.id)).map((p) => p.id),
    moved,
  };
}
