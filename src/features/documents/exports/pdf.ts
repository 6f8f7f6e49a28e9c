/**
 * A version (or a comparison) as an A4 PDF, the same layout as the HTML export: preambular
 * paragraphs indented and unnumbered, operative paragraphs numbered, brackets with a note marker,
 * insertions underlined and deletions struck through. Fonts are Plenary's embedded Noto faces
 * (../../accreditation/badge.pdf.ts), so Japanese prints without any font on the reader's side.
 */
import { PageSizes, type PDFDocument, type PDFPage, type RGB, rgb } from 'pdf-lib';
import { createPdfWithFonts, type PdfText } from '../../accreditation/badge.pdf.js';
import {
  type Block,
  type ExportComparison,
  type ExportDocument,
  type InlineStyle,
  type Layout,
  labelsFor,
  layoutComparison,
  layoutDocument,
} from './layout.js';

const MM = 72 / 25.4;
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4 as [number, number];
const MARGIN_X = 25 * MM;
const MARGIN_TOP = 25 * MM;
const MARGIN_BOTTOM = 22 * MM;
const BODY = 11;
const LEADING = 1.45;
const NUMBER_WIDTH = 10 * MM;
const INDENT = 10 * MM;

const INK = rgb(0.07, 0.07, 0.08);
const MUTED = rgb(0.3, 0.3, 0.33);
const INSERT = rgb(0, 0.4, 0.25);
const DELETE = rgb(0.6, 0.1, 0.1);
const NOTE = rgb(0.55, 0.35, 0);

type Weight = 'regular' | 'bold';

/** One piece of a line: a word or a space, in one style. */
interface Piece {
  text: string;
  style: InlineStyle;
}

const wordSegmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Japanese kinsoku and Latin punctuation: never at the start of a line. */
const NO_LINE_START = /^[、。，．・：；？！ー々）」』】〕〉》,.;:!?)\]}]/u;

function weightOf(style: InlineStyle): Weight {
  return style === 'option' ? 'bold' : 'regular';
}
function sizeOf(style: InlineStyle, base: number): number {
  return style === 'note' ? base * 0.65 : base;
}
function colourOf(style: InlineStyle): RGB {
  if (style === 'insert') return INSERT;
  if (style === 'delete') return DELETE;
  if (style === 'note') return NOTE;
  return INK;
}

class Writer {
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly text: PdfText,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN_TOP;
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN_BOTTOM) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  private width(piece: Piece, size: number): number {
    return this.text.width(piece.text, weightOf(piece.style), sizeOf(piece.style, size));
  }

  /** Greedy line breaking at word boundaries (dictionary-based for Japanese). */
  private lines(pieces: Piece[], maxWidth: number, size: number): Piece[][] {
    const words: Piece[] = [];
    for (const piece of pieces) {
      for (const { segment } of wordSegmenter.segment(piece.text.replace(/\s+/gu, ' '))) {
        const last = words.at(-1);
        if (last && NO_LINE_START.test(segment) && last.style === piece.style) last.text += segment;
        else words.push({ text: segment, style: piece.style });
      }
    }
    const lines: Piece[][] = [];
    let line: Piece[] = [];
    let x = 0;
    const push = (word: Piece, width: number) => {
      const last = line.at(-1);
      if (last && last.style === word.style) last.text += word.text;
      else line.push({ ...word });
      x += width;
    };
    for (const word of words) {
      const width = this.width(word, size);
      if (x + width <= maxWidth || (line.length === 0 && word.text.trim() === '')) {
        if (!(line.length === 0 && word.text.trim() === '')) push(word, width);
        continue;
      }
      if (word.text.trim() === '') continue; // a space at the end of a line is dropped
      if (line.length > 0) lines.push(line);
      line = [];
      x = 0;
      if (width <= maxWidth) {
        push(word, width);
        continue;
      }
      // A word wider than the line: break between characters.
      for (const { segment } of graphemeSegmenter.segment(word.text)) {
        const part = { text: segment, style: word.style };
        const partWidth = this.width(part, size);
        if (x + partWidth > maxWidth && line.length > 0) {
          lines.push(line);
          line = [];
          x = 0;
        }
        push(part, partWidth);
      }
    }
    if (line.length > 0) lines.push(line);
    for (const pieces of lines) {
      const last = pieces.at(-1);
      if (last) last.text = last.text.trimEnd();
    }
    return lines;
  }

  async paragraph(
    pieces: Piece[],
    options: {
      size?: number;
      number?: string;
      indentFirst?: number;
      align?: 'left' | 'center';
      colour?: RGB;
      weight?: Weight;
    } = {},
  ): Promise<void> {
    const size = options.size ?? BODY;
    const hasNumber = options.number !== undefined;
    const left = MARGIN_X + (hasNumber ? NUMBER_WIDTH : 0);
    const maxWidth = PAGE_WIDTH - MARGIN_X - left;
    const indent = options.indentFirst ?? 0;
    // The first line's indent is taken out of the width of every line: simple and never overflows.
    const lines = this.lines(pieces, maxWidth - indent, size);
    const lineHeight = size * LEADING;
    for (const [index, line] of lines.entries()) {
      this.ensure(lineHeight);
      const baseline = this.y - size;
      if (index === 0 && options.number)
        await this.text.draw(this.page, options.number, {
          x: MARGIN_X,
          y: baseline,
          size,
          weight: 'regular',
          color: INK,
        });
      const lineWidth = line.reduce((sum, piece) => sum + this.width(piece, size), 0);
      let x =
        options.align === 'center'
          ? MARGIN_X + (PAGE_WIDTH - 2 * MARGIN_X - lineWidth) / 2
          : left + (index === 0 ? indent : 0);
      let previous: InlineStyle | null = null;
      for (const piece of line) {
        // A deletion followed by its replacement: a hair of space so the two do not read as one word.
        if (previous === 'delete' && piece.style === 'insert') x += size * 0.25;
        previous = piece.style;
        const pieceSize = sizeOf(piece.style, size);
        const width = this.width(piece, size);
        const y = piece.style === 'note' ? baseline + size * 0.4 : baseline;
        await this.text.draw(this.page, piece.text, {
          x,
          y,
          size: pieceSize,
          weight: options.weight ?? weightOf(piece.style),
          color: options.colour ?? colourOf(piece.style),
        });
        if (piece.style === 'insert')
          this.page.drawLine({
            start: { x, y: baseline - 1.5 },
            end: { x: x + width, y: baseline - 1.5 },
            thickness: 0.7,
            color: INSERT,
          });
        if (piece.style === 'delete')
          this.page.drawLine({
            start: { x, y: baseline + size * 0.3 },
            end: { x: x + width, y: baseline + size * 0.3 },
            thickness: 0.7,
            color: DELETE,
          });
        x += width;
      }
      this.y -= lineHeight;
    }
  }

  rule(): void {
    this.ensure(12);
    this.page.drawLine({
      start: { x: MARGIN_X, y: this.y },
      end: { x: MARGIN_X + 50 * MM, y: this.y },
      thickness: 0.5,
      color: MUTED,
    });
    this.y -= 8;
  }

  async pageNumbers(): Promise<void> {
    const pages = this.doc.getPages();
    for (const [index, page] of pages.entries()) {
      const label = `${index + 1} / ${pages.length}`;
      const width = this.text.width(label, 'regular', 8);
      await this.text.draw(page, label, {
        x: (PAGE_WIDTH - width) / 2,
        y: MARGIN_BOTTOM / 2,
        size: 8,
        weight: 'regular',
        color: MUTED,
      });
    }
  }
}

async function writeBlock(writer: Writer, block: Block): Promise<void> {
  const pieces: Piece[] = block.inlines;
  switch (block.kind) {
    case 'heading':
      writer.gap(6);
      await writer.paragraph(pieces, { size: 12, align: 'center', weight: 'bold' });
      writer.gap(4);
      return;
    case 'preamble':
      await writer.paragraph(pieces);
      writer.gap(6);
      return;
    case 'preambular':
      await writer.paragraph(pieces, { indentFirst: INDENT });
      writer.gap(5);
      return;
    case 'operative':
    case 'plain':
      await writer.paragraph(pieces, block.number ? { number: block.number } : {});
      writer.gap(5);
      return;
  }
}

async function render(layout: Layout): Promise<Uint8Array> {
  const { doc, text } = await createPdfWithFonts(layout.title);
  doc.setLanguage(layout.language);
  const writer = new Writer(doc, text);
  await writer.paragraph([{ text: layout.title, style: 'text' }], {
    size: 15,
    align: 'center',
    weight: 'bold',
  });
  writer.gap(4);
  for (const line of layout.lines)
    await writer.paragraph([{ text: line, style: 'text' }], {
      size: 10,
      align: 'center',
      colour: MUTED,
    });
  writer.gap(14);
  for (const block of layout.blocks) await writeBlock(writer, block);
  if (layout.notes.length > 0) {
    writer.gap(10);
    writer.rule();
    await writer.paragraph([{ text: labelsFor(layout.language).notes, style: 'text' }], {
      size: 9,
      weight: 'bold',
    });
    for (const note of layout.notes)
      await writer.paragraph([{ text: `${note.marker}  ${note.text}`, style: 'text' }], {
        size: 9,
      });
  }
  await writer.pageNumbers();
  return doc.save();
}

export function renderDocumentPdf(input: ExportDocument, language: string): Promise<Uint8Array> {
  return render(layoutDocument(input, language));
}

export function renderComparisonPdf(
  input: ExportComparison,
  language: string,
): Promise<Uint8Array> {
  return render(layoutComparison(input, language));
}
