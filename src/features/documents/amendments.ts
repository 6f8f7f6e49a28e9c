/**
 * Amendments applied to a document's text — a pure core: plain data in, plain data out.
 *
 * Positions are UTF-16 offsets into a paragraph's *printed* text in the negotiating language
 * (what `paragraphText` returns: brackets as `[…]`, options as `[Option 1: … / Option 2: …]`),
 * because that is the text a delegate selects. A span may cover whole brackets or options but
 * may not start or end inside one: changing text not yet agreed means replacing the paragraph.
 * Each span carries the text it covered when proposed (`original`), so that an amendment to an
 * older version, or one applied after another in the same paragraph, finds its place again.
 */
import { PlenaryError } from '../../platform/errors.js';
import type {
  DocumentContent,
  NumberingStyle,
  Paragraph,
  ParagraphKind,
  Section,
  Segment,
} from './content.js';

export type AmendmentChange =
  | {
      kind: 'replace';
      paragraphId: string;
      text: string;
      start?: number;
      end?: number;
      original?: string;
    }
  | { kind: 'insert'; paragraphId: string; text: string; at: number; anchor?: string }
  | { kind: 'delete'; paragraphId: string; start?: number; end?: number; original?: string }
  | {
      kind: 'new_paragraph';
      /** The paragraph the new one follows, or a section id: first in that section. */
      paragraphId: string;
      text: string;
      paragraphKind?: ParagraphKind;
    };

export interface Amendment {
  id: string;
  change: AmendmentChange;
  /** The proposer's delegation code first, then the co-sponsors'. */
  by: string[];
}

/** accept: agreed text; bracket: [the proposal] by its sponsors; options: Option 1 (original) / Option 2 (proposal). */
export type ApplyMode = 'accept' | 'bracket' | 'options';

const invalidSpan = (message: string) => new PlenaryError('invalid_span', message);

// ───────────── printing ─────────────

function printSegments(segments: Segment[]): string {
  let out = '';
  for (const segment of segments) out += printSegment(segment);
  return out;
}

function printSegment(segment: Segment): string {
  if (segment.type === 'text') return segment.text;
  if (segment.type === 'bracket') return `[${printSegments(segment.segments)}]`;
  return `[${segment.options.map((o) => `${o.label}: ${printSegments(o.segments)}`).join(' / ')}]`;
}

/** The paragraph's segments in `lang`, or in the negotiating language where it has none. */
export function segmentsOf(paragraph: Paragraph, lang: string, fallback: string): Segment[] {
  return paragraph.segments[lang] ?? paragraph.segments[fallback] ?? [];
}

/** The printed text of a paragraph: `[brackets]` and `[Option 1: … / Option 2: …]`. */
export function paragraphText(paragraph: Paragraph, lang: string, fallback = lang): string {
  return printSegments(segmentsOf(paragraph, lang, fallback));
}

// ───────────── numbering ─────────────

function letters(n: number): string {
  // 0 → a, 25 → z, 26 → aa (as long texts letter their preambular paragraphs)
  let out = '';
  let k = n;
  do {
    out = String.fromCharCode(97 + (k % 26)) + out;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return out;
}

/**
 * Operative paragraphs numbered 1, 2, 3… through the whole document; preambular ones unnumbered
 * or lettered (a), (b)…; plain paragraphs never. Returns the label per paragraph id.
 */
export function numberParagraphs(
  content: DocumentContent,
  style: NumberingStyle = 'unnumbered',
): Record<string, string> {
  const numbers: Record<string, string> = {};
  let operative = 0;
  let preambular = 0;
  for (const section of content.sections) {
    for (const paragraph of section.paragraphs) {
      if (paragraph.kind === 'operative') numbers[paragraph.id] = String(++operative);
      else if (paragraph.kind === 'preambular' && style === 'lettered')
        numbers[paragraph.id] = `(${letters(preambular++)})`;
      else numbers[paragraph.id] = '';
    }
  }
  return numbers;
}

/** The whole text, numbered, with [brackets] and options, one paragraph a line. */
export function renderPlain(
  content: DocumentContent,
  lang: string,
  style: NumberingStyle = 'unnumbered',
): string {
  const numbers = numberParagraphs(content, style);
  const lines: string[] = [];
  const preamble = content.preamble?.[lang] ?? content.preamble?.[content.language];
  if (preamble) lines.push(preamble, '');
  for (const section of content.sections) {
    const heading = section.heading[lang] ?? section.heading[content.language];
    if (heading) lines.push(heading, '');
    for (const paragraph of section.paragraphs) {
      const number = numbers[paragraph.id] ?? '';
      const prefix = number === '' ? '' : number.startsWith('(') ? `${number} ` : `${number}. `;
      lines.push(`${prefix}${paragraphText(paragraph, lang, content.language)}`, '');
    }
  }
  while (lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}

// ───────────── locating ─────────────

interface Located {
  section: Section;
  index: number;
  paragraph: Paragraph;
}

function locate(content: DocumentContent, paragraphId: string): Located {
  for (const section of content.sections) {
    const index = section.paragraphs.findIndex((p) => p.id === paragraphId);
    const paragraph = section.paragraphs[index];
    if (paragraph) return { section, index, paragraph };
  }
  throw new PlenaryError('paragraph_not_found', `There is no paragraph "${paragraphId}".`);
}

function clone(content: DocumentContent): DocumentContent {
  return structuredClone(content);
}

/** Splits top-level segments at a printed offset; the offset may not fall inside a bracket or options. */
function splitAt(segments: Segment[], offset: number): [Segment[], Segment[]] {
  const left: Segment[] = [];
  const right: Segment[] = [];
  let position = 0;
  for (const segment of segments) {
    const length = printSegment(segment).length;
    if (position + length <= offset) left.push(segment);
    else if (position >= offset) right.push(segment);
    else if (segment.type === 'text') {
      const cut = offset - position;
      left.push({ type: 'text', text: segment.text.slice(0, cut) });
      right.push({ type: 'text', text: segment.text.slice(cut) });
    } else {
      throw invalidSpan('A change may not start or end inside text in brackets or options.');
    }
    position += length;
  }
  return [left, right];
}

/** Drops empty texts and joins neighbouring texts, so that equal contents look equal. */
export function normalizeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    if (segment.type === 'text') {
      if (segment.text === '') continue;
      const last = out.at(-1);
      if (last?.type === 'text')
        out[out.length - 1] = { type: 'text', text: last.text + segment.text };
      else out.push({ ...segment });
    } else out.push(segment);
  }
  return out;
}

/**
 * Finds the span an amendment meant: at its offsets if the text there is still what it covered,
 * otherwise wherever that text occurs once in the paragraph now.
 */
function resolveSpan(
  printed: string,
  start: number | undefined,
  end: number | undefined,
  original: string | undefined,
): [number, number] {
  const from = start ?? 0;
  const to = end ?? printed.length;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from)
    throw invalidSpan('A span runs from a start to an end at or after it.');
  if (original === undefined || printed.slice(from, to) === original) {
    if (to > printed.length) throw invalidSpan('The span runs past the end of the paragraph.');
    return [from, to];
  }
  const found = printed.indexOf(original);
  if (found >= 0 && printed.indexOf(original, found + 1) < 0)
    return [found, found + original.length];
  throw new PlenaryError(
    'amendment_conflict',
    `The text this amendment changes ("${original}") is no longer in the paragraph as it was.`,
  );
}

function resolveInsert(printed: string, at: number, anchor: string | undefined): number {
  if (!Number.isInteger(at) || at < 0) throw invalidSpan('An insertion point is an offset.');
  if (anchor === undefined || printed.slice(Math.max(0, at - anchor.length), at) === anchor) {
    if (at > printed.length) throw invalidSpan('The insertion point is past the end.');
    return at;
  }
  const found = printed.indexOf(anchor);
  if (found >= 0 && printed.indexOf(anchor, found + 1) < 0) return found + anchor.length;
  throw new PlenaryError(
    'amendment_conflict',
    'The text before this insertion point is no longer in the paragraph as it was.',
  );
}

/** The `original`/`anchor` an amendment should carry, computed when it is proposed. */
export function withContext(content: DocumentContent, change: AmendmentChange): AmendmentChange {
  if (change.kind === 'new_paragraph') {
    if (!content.sections.some((s) => s.id === change.paragraphId))
      locate(content, change.paragraphId);
    return change;
  }
  const printed = paragraphText(locate(content, change.paragraphId).paragraph, content.language);
  const segments = locate(content, change.paragraphId).paragraph.segments[content.language] ?? [];
  if (change.kind === 'insert') {
    const at = resolveInsert(printed, change.at, undefined);
    splitAt(segments, at);
    return { ...change, anchor: printed.slice(Math.max(0, at - 30), at) };
  }
  if (change.start === undefined && change.end === undefined) {
    const { start: _s, end: _e, original: _o, ...whole } = change;
    return whole;
  }
  const [from, to] = resolveSpan(printed, change.start, change.end, undefined);
  splitAt(segments, from);
  splitAt(segments, to);
  return { ...change, start: from, end: to, original: printed.slice(from, to) };
}

// ───────────── applying ─────────────

const text = (value: string): Segment[] => (value === '' ? [] : [{ type: 'text', text: value }]);

/** A fresh stable id for a new paragraph, from the amendment's id, unique in the document. */
export function freshParagraphId(content: DocumentContent, amendmentId: string): string {
  const taken = new Set(content.sections.flatMap((s) => s.paragraphs.map((p) => p.id)));
  const base = `p-${amendmentId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 8) || 'new'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Applies one amendment. `accept` writes it as agreed text; `bracket` puts the proposal (or,
 * for a deletion, the text proposed for deletion) in brackets by its sponsors; `options` keeps
 * the original as Option 1 and the proposal as Option 2. Other languages of the paragraph are
 * left as they were: translations follow the negotiated text, they are not negotiated.
 */
export function applyAmendment(
  content: DocumentContent,
  amendment: Amendment,
  mode: ApplyMode = 'accept',
): DocumentContent {
  const next = clone(content);
  const { change } = amendment;
  const lang = next.language;
  const wrap = (segments: Segment[]): Segment[] =>
    segments.length === 0
      ? []
      : [{ type: 'bracket', by: [...amendment.by], segments, amendmentId: amendment.id }];

  if (change.kind === 'new_paragraph') {
    const paragraph: Paragraph = {
      id: freshParagraphId(next, amendment.id),
      kind: change.paragraphKind ?? 'operative',
      segments: { [lang]: mode === 'accept' ? text(change.text) : wrap(text(change.text)) },
    };
    const section = next.sections.find((s) => s.id === change.paragraphId);
    if (section) section.paragraphs.unshift(paragraph);
    else {
      const at = locate(next, change.paragraphId);
      at.section.paragraphs.splice(at.index + 1, 0, paragraph);
    }
    return next;
  }

  const at = locate(next, change.paragraphId);
  const segments = at.paragraph.segments[lang] ?? [];
  const printed = printSegments(segments);

  if (change.kind === 'delete' && change.start === undefined && change.end === undefined) {
    if (mode === 'accept') at.section.paragraphs.splice(at.index, 1);
    else at.paragraph.segments[lang] = wrap(segments);
    return next;
  }

  let from: number;
  let to: number;
  let proposal: string;
  if (change.kind === 'insert') {
    from = resolveInsert(printed, change.at, change.anchor);
    to = from;
    proposal = change.text;
  } else {
    [from, to] = resolveSpan(printed, change.start, change.end, change.original);
    proposal = change.kind === 'replace' ? change.text : '';
  }
  const [before, rest] = splitAt(segments, from);
  const [covered, after] = splitAt(rest, to - from);

  let middle: Segment[];
  if (mode === 'accept') middle = text(proposal);
  else if (change.kind === 'delete') middle = wrap(covered);
  else if (mode === 'bracket' || covered.length === 0) middle = wrap(text(proposal));
  else
    middle = [
      {
        type: 'options',
        options: [
          { label: 'Option 1', segments: covered },
          { label: 'Option 2', segments: text(proposal), by: [...amendment.by] },
        ],
      },
    ];
  at.paragraph.segments[lang] = normalizeSegments([...before, ...middle, ...after]);
  return next;
}

/** Where in its paragraph an amendment acts, to apply several from the end backwards. */
function position(change: AmendmentChange): number {
  if (change.kind === 'insert') return change.at;
  if (change.kind === 'new_paragraph') return Number.POSITIVE_INFINITY;
  return change.start ?? 0;
}

/** Applies several amendments, each in its mode, from the end of each paragraph backwards. */
export function applyAmendments(
  content: DocumentContent,
  decisions: { amendment: Amendment; mode: ApplyMode }[],
): DocumentContent {
  const ordered = [...decisions].sort(
    (a, b) => position(b.amendment.change) - position(a.amendment.change),
  );
  // Deleting a whole paragraph last, so that other amendments to it still find it.
  const wholeDeletes = ordered.filter((d) => isWholeDelete(d.amendment.change));
  let next = content;
  for (const d of ordered)
    if (!isWholeDelete(d.amendment.change)) next = applyAmendment(next, d.amendment, d.mode);
  for (const d of wholeDeletes) next = applyAmendment(next, d.amendment, d.mode);
  return next;
}

function isWholeDelete(change: AmendmentChange): boolean {
  return change.kind === 'delete' && change.start === undefined && change.end === undefined;
}

/**
 * Several amendments merged into one paragraph: the facilitator's own text for it (agreed, or
 * in brackets by all the sponsors), or, without a text, the amendments applied together.
 */
export function mergeAmendments(
  content: DocumentContent,
  merge: { paragraphId: string; amendments: Amendment[]; text?: string; bracket?: boolean },
): DocumentContent {
  const mode: ApplyMode = merge.bracket ? 'bracket' : 'accept';
  if (merge.text === undefined)
    return applyAmendments(
      content,
      merge.amendments.map((amendment) => ({ amendment, mode })),
    );
  const by = [...new Set(merge.amendments.flatMap((a) => a.by))];
  const next = clone(content);
  const at = locate(next, merge.paragraphId);
  const segments = text(merge.text);
  at.paragraph.segments[next.language] =
    merge.bracket && segments.length > 0 ? [{ type: 'bracket', by, segments }] : segments;
  return next;
}

/**
 * The compilation text after a reading: every proposed amendment in the text, replacements as
 * options (the original as Option 1, each proposal as a further option, with who proposed it),
 * insertions, deletions and new paragraphs in brackets by their sponsors. Amendments that cannot
 * be placed (their text has changed under them) are returned as `unplaced`.
 */
export function compile(
  content: DocumentContent,
  amendments: Amendment[],
): { content: DocumentContent; unplaced: string[] } {
  const unplaced: string[] = [];
  const lang = content.language;
  // Replacements of the same span become one options segment with several proposals.
  const groups = new Map<string, Amendment[]>();
  const others: Amendment[] = [];
  for (const amendment of amendments) {
    const c = amendment.change;
    if (c.kind === 'replace') {
      const key = `${c.paragraphId}|${c.start ?? ''}|${c.end ?? ''}|${c.original ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), amendment]);
    } else others.push(amendment);
  }
  type Step = {
    at: number;
    order: number;
    run: (c: DocumentContent) => DocumentContent;
    ids: string[];
  };
  const steps: Step[] = [];
  let order = 0;
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    steps.push({
      at: position(first.change),
      order: order++,
      ids: group.map((a) => a.id),
      run: (current) => {
        let next = applyAmendment(current, first, 'options');
        if (group.length === 1) return next;
        next = clone(next);
        const para = locate(next, first.change.paragraphId).paragraph;
        const options = (para.segments[lang] ?? []).find(
          (s): s is Extract<Segment, { type: 'options' }> =>
            s.type === 'options' && s.options[1]?.by?.[0] === first.by[0],
        );
        if (options && first.change.kind === 'replace')
          for (const extra of group.slice(1)) {
            if (extra.change.kind !== 'replace') continue;
            options.options.push({
              label: `Option ${options.options.length + 1}`,
              segments: text(extra.change.text),
              by: [...extra.by],
            });
          }
        return next;
      },
    });
  }
  for (const amendment of others)
    steps.push({
      at: position(amendment.change),
      order: order++,
      ids: [amendment.id],
      run: (current) => applyAmendment(current, amendment, 'bracket'),
    });
  steps.sort((a, b) => b.at - a.at || a.order - b.order);
  let next = content;
  for (const step of steps) {
    try {
      next = step.run(next);
    } catch (error) {
      if (!(error instanceof PlenaryError)) throw error;
      unplaced.push(...step.ids);
    }
  }
  return { content: next, unplaced };
}

// ───────────── checking stored or submitted content ─────────────

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

function checkSegments(value: unknown, where: string, problems: string[]): void {
  if (!Array.isArray(value)) {
    problems.push(`${where}: segments are a list`);
    return;
  }
  value.forEach((segment: unknown, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(segment)) problems.push(`${at}: a segment is an object`);
    else if (segment.type === 'text') {
      if (typeof segment.text !== 'string') problems.push(`${at}: text is a string`);
    } else if (segment.type === 'bracket') {
      if (!isStrings(segment.by)) problems.push(`${at}: by is a list of delegation codes`);
      checkSegments(segment.segments, `${at}.segments`, problems);
    } else if (segment.type === 'options') {
      if (!Array.isArray(segment.options) || segment.options.length < 2)
        problems.push(`${at}: options has at least two options`);
      else
        segment.options.forEach((option: unknown, k) => {
          if (!isObject(option) || typeof option.label !== 'string')
            problems.push(`${at}.options[${k}]: an option has a label`);
          else checkSegments(option.segments, `${at}.options[${k}].segments`, problems);
        });
    } else problems.push(`${at}: type is text, bracket or options`);
  });
}

/** Checks that a value is a DocumentContent (ids unique, kinds known, segments well formed). */
export function validateContent(value: unknown): DocumentContent {
  const problems: string[] = [];
  const ids = new Set<string>();
  if (!isObject(value) || typeof value.language !== 'string' || !Array.isArray(value.sections))
    problems.push('content has a language and sections');
  else
    value.sections.forEach((section: unknown, i) => {
      if (
        !isObject(section) ||
        typeof section.id !== 'string' ||
        !Array.isArray(section.paragraphs)
      ) {
        problems.push(`sections[${i}]: a section has an id and paragraphs`);
        return;
      }
      if (!isObject(section.heading)) problems.push(`sections[${i}]: heading is localized text`);
      section.paragraphs.forEach((paragraph: unknown, k) => {
        const at = `sections[${i}].paragraphs[${k}]`;
        if (!isObject(paragraph) || typeof paragraph.id !== 'string' || paragraph.id === '') {
          problems.push(`${at}: a paragraph has an id`);
          return;
        }
        if (ids.has(paragraph.id)) problems.push(`${at}: the id ${paragraph.id} is used twice`);
        ids.add(paragraph.id);
        if (!['preambular', 'operative', 'plain'].includes(String(paragraph.kind)))
          problems.push(`${at}: kind is preambular, operative or plain`);
        if (!isObject(paragraph.segments)) problems.push(`${at}: segments by language`);
        else
          for (const [lang, segments] of Object.entries(paragraph.segments))
            checkSegments(segments, `${at}.segments.${lang}`, problems);
      });
    });
  if (problems.length > 0)
    throw new PlenaryError('validation_failed', 'The document text is not well formed.', {
      details: problems
        .slice(0, 20)
        .map((message) => ({ field: 'content', code: 'invalid', message })),
    });
  return value as unknown as DocumentContent;
}
