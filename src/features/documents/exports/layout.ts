/**
 * What every export prints, as plain data: the document laid out once (numbering, brackets with
 * their notes, options) so that HTML, PDF and DOCX cannot disagree about it. Pure: no clock, no
 * database; the caller passes the version and the names of delegations.
 */
import type { Localized } from '../../../db/schema.js';
import type { DocumentContent, Paragraph, Segment } from '../content.js';

export interface ExportDocument {
  /** e.g. "Seoul Framework for and Commitment to Open and Secure Cyberspace" */
  title: string;
  /** e.g. "SEOUL-2013/OUT/1" */
  code: string;
  version: number;
  /** 'draft', 'adopted', … as the platform names them; a draft prints a "Draft" line. */
  status: string;
  content: DocumentContent;
  /** Delegation code → name, for the notes that say who bracketed a text. */
  delegations?: Record<string, string>;
  /** e.g. "Seoul, 18 October 2013": printed under the title. */
  subtitle?: string;
}

/** A word-by-word comparison of two versions, paragraph by paragraph (from the API). */
export interface ComparisonOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}
export interface ParagraphComparison {
  paragraphId: string;
  /** Printed before the paragraph, e.g. "3." or "PP2"; optional. */
  label?: string;
  ops: ComparisonOp[];
}
export interface ExportComparison {
  title: string;
  code: string;
  from: number;
  to: number;
  paragraphs: ParagraphComparison[];
}

export type InlineStyle = 'text' | 'bracket' | 'option' | 'note' | 'insert' | 'delete';

export interface Inline {
  text: string;
  style: InlineStyle;
}

export interface Block {
  kind: 'preamble' | 'heading' | 'preambular' | 'operative' | 'plain';
  /** "1." for operative paragraphs; absent otherwise. */
  number?: string;
  paragraphId?: string;
  inlines: Inline[];
}

export interface Note {
  /** The marker printed after the closing bracket: "a", "b", … */
  marker: string;
  text: string;
}

export interface Layout {
  language: string;
  title: string;
  lines: string[];
  blocks: Block[];
  notes: Note[];
}

interface Labels {
  draft: string;
  version: (n: number) => string;
  option: (n: number) => string;
  bracketedBy: (names: string) => string;
  comparison: (from: number, to: number) => string;
  notes: string;
  listSeparator: string;
}

const LABELS: Record<string, Labels> = {
  en: {
    draft: 'Draft',
    version: (n) => `Version ${n}`,
    option: (n) => `Option ${n}:`,
    bracketedBy: (names) => `Bracketed by ${names}`,
    comparison: (from, to) => `Comparison of version ${from} and version ${to}`,
    notes: 'Notes',
    listSeparator: ', ',
  },
  ja: {
    draft: '草案',
    version: (n) => `第${n}版`,
    option: (n) => `選択肢${n}：`,
    bracketedBy: (names) => `括弧付け：${names}`,
    comparison: (from, to) => `第${from}版と第${to}版の比較`,
    notes: '注',
    listSeparator: '、',
  },
};

export function labelsFor(language: string): Labels {
  return LABELS[language] ?? (LABELS.en as Labels);
}

/** The text in the requested language, else the negotiating language, else any. */
export function localized(
  value: Localized | undefined,
  language: string,
  fallback: string,
): string {
  if (!value) return '';
  return value[language] ?? value[fallback] ?? Object.values(value)[0] ?? '';
}

function segmentsOf(paragraph: Paragraph, language: string, fallback: string): Segment[] {
  return (
    paragraph.segments[language] ??
    paragraph.segments[fallback] ??
    Object.values(paragraph.segments)[0] ??
    []
  );
}

/** a, b, … z, aa, ab: footnote markers that do not collide with paragraph numbers. */
export function noteMarker(index: number): string {
  let n = index;
  let marker = '';
  do {
    marker = String.fromCharCode(97 + (n % 26)) + marker;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return marker;
}

/** Adjacent inlines of the same style merged, so that renderers draw fewer runs. */
function merge(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (inline.text === '') continue;
    const last = out.at(-1);
    if (last && last.style === inline.style) last.text += inline.text;
    else out.push({ ...inline });
  }
  return out;
}

export function layoutDocument(input: ExportDocument, language: string): Layout {
  const fallback = input.content.language;
  const labels = labelsFor(language);
  const notes: Note[] = [];
  const nameOf = (code: string) => input.delegations?.[code] ?? code;

  const inlinesOf = (segments: Segment[]): Inline[] => {
    const out: Inline[] = [];
    for (const segment of segments) {
      if (segment.type === 'text') out.push({ text: segment.text, style: 'text' });
      else if (segment.type === 'bracket') {
        out.push({ text: '[', style: 'bracket' });
        for (const inner of inlinesOf(segment.segments))
          out.push(inner.style === 'text' ? { ...inner, style: 'bracket' } : inner);
        out.push({ text: ']', style: 'bracket' });
        if (segment.by.length > 0) {
          const marker = noteMarker(notes.length);
          notes.push({
            marker,
            text: labels.bracketedBy(segment.by.map(nameOf).join(labels.listSeparator)),
          });
          out.push({ text: marker, style: 'note' });
        }
      } else {
        segment.options.forEach((option, index) => {
          if (index > 0) out.push({ text: ' / ', style: 'text' });
          out.push({ text: labels.option(index + 1), style: 'option' });
          out.push({ text: ' ', style: 'text' });
          out.push(...inlinesOf(option.segments));
          if (option.by && option.by.length > 0) {
            const marker = noteMarker(notes.length);
            notes.push({ marker, text: option.by.map(nameOf).join(labels.listSeparator) });
            out.push({ text: marker, style: 'note' });
          }
        });
      }
    }
    return out;
  };

  const blocks: Block[] = [];
  const opening = localized(input.content.preamble, language, fallback);
  if (opening) blocks.push({ kind: 'preamble', inlines: [{ text: opening, style: 'text' }] });
  let operative = 0;
  for (const section of input.content.sections) {
    const heading = localized(section.heading, language, fallback);
    if (heading) blocks.push({ kind: 'heading', inlines: [{ text: heading, style: 'text' }] });
    for (const paragraph of section.paragraphs) {
      const inlines = merge(inlinesOf(segmentsOf(paragraph, language, fallback)));
      if (paragraph.kind === 'operative') {
        operative += 1;
        blocks.push({
          kind: 'operative',
          number: `${operative}.`,
          paragraphId: paragraph.id,
          inlines,
        });
      } else blocks.push({ kind: paragraph.kind, paragraphId: paragraph.id, inlines });
    }
  }

  const lines = [input.code, labels.version(input.version)];
  if (input.status === 'draft') lines.unshift(labels.draft);
  if (input.subtitle) lines.push(input.subtitle);
  return { language, title: input.title, lines, blocks, notes };
}

/** The numbers operative paragraphs print with, by paragraph id, for labelling comparisons. */
export function operativeNumbers(content: DocumentContent): Map<string, string> {
  const numbers = new Map<string, string>();
  let operative = 0;
  for (const section of content.sections)
    for (const paragraph of section.paragraphs)
      if (paragraph.kind === 'operative') numbers.set(paragraph.id, `${++operative}.`);
  return numbers;
}

export function layoutComparison(input: ExportComparison, language: string): Layout {
  const labels = labelsFor(language);
  const blocks: Block[] = input.paragraphs.map((paragraph) => ({
    kind: 'plain',
    paragraphId: paragraph.paragraphId,
    ...(paragraph.label ? { number: paragraph.label } : {}),
    inlines: merge(
      paragraph.ops.map((op) => ({
        text: op.text,
        style: op.op === 'equal' ? 'text' : op.op,
      })),
    ),
  }));
  return {
    language,
    title: input.title,
    lines: [input.code, labels.comparison(input.from, input.to)],
    blocks,
    notes: [],
  };
}
