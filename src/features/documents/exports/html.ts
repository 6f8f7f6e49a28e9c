/**
 * A printable HTML page of a version, or of a comparison of two versions. Self-contained (inline
 * CSS, no scripts) so that it can be saved, mailed or printed as it is; everything from the
 * document is escaped.
 */
import {
  type Block,
  type ExportComparison,
  type ExportDocument,
  type Inline,
  type Layout,
  labelsFor,
  layoutComparison,
  layoutDocument,
} from './layout.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const STYLE = `
body { font-family: "Noto Serif", "Noto Serif JP", Georgia, serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #111; }
header { text-align: center; margin-bottom: 2rem; }
header h1 { font-size: 1.35rem; margin: 0 0 .5rem; }
header p { margin: .1rem 0; color: #444; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .75rem; text-align: center; }
p.preamble { margin: 0 0 1rem; }
p.preambular { text-indent: 2rem; margin: 0 0 .75rem; }
p.operative, p.plain { margin: 0 0 .75rem; display: flex; gap: .75rem; }
p .num { min-width: 2rem; flex: none; }
.bracket { background: #fff6d6; }
sup.note { font-size: .7em; color: #8a5a00; }
.option { font-weight: bold; }
ins { text-decoration: underline; color: #064; background: #e5f6ec; }
del { text-decoration: line-through; color: #922; background: #fbe9e9; }
footer { border-top: 1px solid #999; margin-top: 2rem; padding-top: .5rem; font-size: .9rem; }
footer ol { list-style: none; padding: 0; }
@media print { body { margin: 0 auto; } .bracket, ins, del { background: none; } }
`;

function inlineHtml(inline: Inline): string {
  const text = escapeHtml(inline.text);
  switch (inline.style) {
    case 'text':
      return text;
    case 'bracket':
      return `<span class="bracket">${text}</span>`;
    case 'option':
      return `<span class="option">${text}</span>`;
    case 'note':
      return `<sup class="note"><a href="#note-${text}" id="ref-${text}">${text}</a></sup>`;
    case 'insert':
      return `<ins>${text}</ins>`;
    case 'delete':
      return `<del>${text}</del>`;
  }
}

function blockHtml(block: Block): string {
  const body = block.inlines.map(inlineHtml).join('');
  const id = block.paragraphId ? ` id="${escapeHtml(block.paragraphId)}"` : '';
  switch (block.kind) {
    case 'heading':
      return `<h2>${body}</h2>`;
    case 'preamble':
      return `<p class="preamble">${body}</p>`;
    case 'preambular':
      return `<p class="preambular"${id}>${body}</p>`;
    case 'operative':
    case 'plain': {
      const number = block.number ? `<span class="num">${escapeHtml(block.number)}</span>` : '';
      return `<p class="${block.kind}"${id}>${number}<span>${body}</span></p>`;
    }
  }
}

function page(layout: Layout): string {
  const labels = labelsFor(layout.language);
  const notes =
    layout.notes.length === 0
      ? ''
      : `<footer><h3>${escapeHtml(labels.notes)}</h3><ol>${layout.notes
          .map(
            (note) =>
              `<li id="note-${note.marker}"><a href="#ref-${note.marker}">${note.marker}</a> ${escapeHtml(note.text)}</li>`,
          )
          .join('')}</ol></footer>`;
  return `<!doctype html>
<html lang="${escapeHtml(layout.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(layout.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(layout.title)}</h1>${layout.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</header>
<main>
${layout.blocks.map(blockHtml).join('\n')}
</main>
${notes}
</body>
</html>
`;
}

/** A version as a printable page in `language` (falling back to the negotiating language). */
export function renderDocumentHtml(input: ExportDocument, language: string): string {
  return page(layoutDocument(input, language));
}

/** Two versions compared: insertions underlined, deletions struck through. */
export function renderComparisonHtml(input: ExportComparison, language: string): string {
  return page(layoutComparison(input, language));
}
