/**
 * A version (or a comparison) as a Word document, with the `docx` library: the title and
 * headings as Word headings, operative paragraphs in a real Word numbered list (so that a
 * delegation editing the file keeps the numbering), brackets highlighted with a footnote saying
 * who bracketed, insertions underlined and deletions struck through in comparisons.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import {
  type Block,
  type ExportComparison,
  type ExportDocument,
  type Inline,
  type Layout,
  layoutComparison,
  layoutDocument,
} from './layout.js';

const OPERATIVE = 'operative-paragraphs';

function runsOf(
  inlines: Inline[],
  footnoteIds: Map<string, number>,
): (TextRun | FootnoteReferenceRun)[] {
  return inlines.map((inline) => {
    switch (inline.style) {
      case 'note': {
        const id = footnoteIds.get(inline.text);
        return id === undefined
          ? new TextRun({ text: inline.text, superScript: true })
          : new FootnoteReferenceRun(id);
      }
      case 'bracket':
        return new TextRun({ text: inline.text, highlight: 'yellow' });
      case 'option':
        return new TextRun({ text: inline.text, bold: true });
      case 'insert':
        return new TextRun({ text: inline.text, underline: {}, color: '006644' });
      case 'delete':
        return new TextRun({ text: inline.text, strike: true, color: '992222' });
      default:
        return new TextRun(inline.text);
    }
  });
}

function paragraphOf(block: Block, footnoteIds: Map<string, number>): Paragraph {
  const children = runsOf(block.inlines, footnoteIds);
  switch (block.kind) {
    case 'heading':
      return new Paragraph({
        heading: HeadingLevel.HEADING_2,
        alignment: AlignmentType.CENTER,
        children,
      });
    case 'preamble':
      return new Paragraph({ children, spacing: { after: 200 } });
    case 'preambular':
      return new Paragraph({ children, indent: { firstLine: 567 }, spacing: { after: 120 } });
    case 'operative':
      return new Paragraph({
        children,
        numbering: { reference: OPERATIVE, level: 0 },
        spacing: { after: 120 },
      });
    case 'plain':
      return new Paragraph({
        children: block.number ? [new TextRun(`${block.number}\t`), ...children] : children,
        spacing: { after: 120 },
      });
  }
}

async function render(layout: Layout): Promise<Uint8Array> {
  // Footnotes are numbered 1, 2, … in Word; the layout's markers (a, b, …) map onto them.
  const footnoteIds = new Map<string, number>();
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  layout.notes.forEach((note, index) => {
    footnoteIds.set(note.marker, index + 1);
    footnotes[index + 1] = { children: [new Paragraph(note.text)] };
  });
  const document = new Document({
    title: layout.title,
    creator: 'Plenary',
    lastModifiedBy: 'Plenary',
    footnotes,
    numbering: {
      config: [
        {
          reference: OPERATIVE,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 567, hanging: 567 } } },
            },
          ],
        },
      ],
    },
    styles: {
      default: { document: { run: { font: 'Noto Serif', size: 22 } } },
    },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            text: layout.title,
          }),
          ...layout.lines.map(
            (line) => new Paragraph({ alignment: AlignmentType.CENTER, text: line }),
          ),
          new Paragraph(''),
          ...layout.blocks.map((block) => paragraphOf(block, footnoteIds)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

export function renderDocumentDocx(input: ExportDocument, language: string): Promise<Uint8Array> {
  return render(layoutDocument(input, language));
}

export function renderComparisonDocx(
  input: ExportComparison,
  language: string,
): Promise<Uint8Array> {
  return render(layoutComparison(input, language));
}
