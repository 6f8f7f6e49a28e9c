import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { comparison, seoulFramework } from './exports.fixture.js';
import { renderComparisonPdf, renderDocumentPdf } from './pdf.js';

/** The text poppler extracts, or null when poppler is not installed (allowed outside CI only). */
function pdfToText(bytes: Uint8Array): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-doc-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !process.env.CI) return null;
    throw error;
  }
}

describe('the PDF export', () => {
  it('parses back and carries the title', async () => {
    const bytes = await renderDocumentPdf(seoulFramework, 'en');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toBe(seoulFramework.title);
  });

  it('prints numbered operative paragraphs and brackets', async () => {
    const text = pdfToText(await renderDocumentPdf(seoulFramework, 'en'));
    if (text === null) return;
    expect(text).toMatch(/1\.\s+Decides to promote \[an open and secure\]a cyberspace;/);
    expect(text).toMatch(/2\.\s+Encourages capacity building Option 1: in all regions/);
    expect(text).toContain('Bracketed by Japan, United Kingdom');
  });

  it('prints Japanese with the embedded Noto font', async () => {
    const bytes = await renderDocumentPdf(seoulFramework, 'ja');
    const text = pdfToText(bytes);
    if (text === null) return;
    expect(text).toContain('[開かれた安全な]');
    expect(text).toContain('サイバー空間を推進することを決定する。');
    expect(text).toContain('ロンドン会議及びブダペスト会議を想起し、');
    const fonts = execFileSync('pdffonts', [writeTemp(bytes)], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansJP/);
  });

  it('wraps a long paragraph over several lines and pages', async () => {
    const long = structuredClone(seoulFramework);
    const section = long.content.sections[1];
    if (!section) throw new Error('fixture');
    for (let i = 3; i < 60; i++)
      section.paragraphs.push({
        id: `op-${i}`,
        kind: 'operative',
        segments: { en: [{ type: 'text', text: `Paragraph number ${i} ${'word '.repeat(40)}` }] },
      });
    const bytes = await renderDocumentPdf(long, 'en');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(2);
    const text = pdfToText(bytes);
    if (text === null) return;
    expect(text).toMatch(/59\.\s+Paragraph number 59/);
  });

  it('renders a comparison', async () => {
    const text = pdfToText(await renderComparisonPdf(comparison, 'en'));
    if (text === null) return;
    expect(text).toMatch(/Decides to promote a free an open and secure cyberspace;/);
  });
});

function writeTemp(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'plenary-doc-pdf-')), 'doc.pdf');
  writeFileSync(file, bytes);
  return file;
}
