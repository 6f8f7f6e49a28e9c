/**
 * A readout as an A4 PDF, with the badges' embedded Noto fonts (accreditation/badge.pdf.ts), so
 * that Japanese prints without fonts on the reader's machine. Pure: content in, bytes out.
 */
import { PageSizes, type PDFPage, rgb } from 'pdf-lib';
import { createPdfWithFonts, type PdfText } from '../accreditation/badge.pdf.js';
import { type ReadoutContent, readoutItemLabels, sectionHeading } from './readout.compose.js';

const MM = 72 / 25.4;
const [WIDTH, HEIGHT] = PageSizes.A4 as [number, number];
const MARGIN = 20 * MM;
const BODY = 10.5;
const LINE = 1.6;
const INK = rgb(0.1, 0.1, 0.12);

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
/** Japanese line-breaking rule (kinsoku): these never start a line. */
const NO_LINE_START = /^[、。，．・：；？！ー々）」』】〕〉》,.;:!?)\]}]/u;

/** Greedy wrap at word boundaries (dictionary-based for Japanese); over-long words are cut. */
function wrap(
  text: PdfText,
  value: string,
  size: number,
  maxWidth: number,
  bold = false,
): string[] {
  const weight = bold ? 'bold' : 'regular';
  const pieces: string[] = [];
  for (const { segment } of segmenter.segment(value.replace(/\s+/gu, ' ').trim())) {
    if (pieces.length > 0 && NO_LINE_START.test(segment)) pieces[pieces.length - 1] += segment;
    else pieces.push(segment);
  }
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (text.width(line + piece, weight, size) <= maxWidth) {
      line += piece;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = piece.trimStart();
    while (text.width(line, weight, size) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && text.width(line.slice(0, cut), weight, size) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export async function renderReadoutPdf(content: ReadoutContent): Promise<Uint8Array> {
  const { doc, text } = await createPdfWithFonts(content.title);
  let page: PDFPage = doc.addPage([WIDTH, HEIGHT]);
  let y = HEIGHT - MARGIN;

  const block = async (
    value: string,
    options: {
      size?: number;
      bold?: boolean;
      indent?: number;
      after?: number;
      right?: boolean;
    } = {},
  ) => {
    const size = options.size ?? BODY;
    const indent = options.indent ?? 0;
    const width = WIDTH - 2 * MARGIN - indent;
    for (const line of wrap(text, value, size, width, options.bold)) {
      if (y - size * LINE < MARGIN) {
        page = doc.addPage([WIDTH, HEIGHT]);
        y = HEIGHT - MARGIN;
      }
      y -= size * LINE;
      const weight = options.bold ? 'bold' : 'regular';
      const x = options.right ? WIDTH - MARGIN - text.width(line, weight, size) : MARGIN + indent;
      await text.draw(page, line, { x, y, size, weight, color: INK });
    }
    y -= options.after ?? size * 0.6;
  };

  await block(content.title, { size: 16, bold: true, after: 4 });
  await block(content.dateline, { right: true, after: 14 });
  for (const [index, section] of content.sections.entries()) {
    await block(sectionHeading(content, index), { size: 12.5, bold: true, after: 6 });
    for (const { item, label } of readoutItemLabels(section)) {
      if (item.kind === 'caption') {
        await block(item.text, { indent: 8, size: 9.5 });
        continue;
      }
      const prefix = label ? `${label}${content.lang === 'ja' ? '' : ' '}` : '';
      await block(`${prefix}${item.text}`, { indent: 8 });
      for (const point of item.points ?? []) await block(`・${point}`, { indent: 20 });
    }
    y -= 6;
  }
  return doc.save();
}
