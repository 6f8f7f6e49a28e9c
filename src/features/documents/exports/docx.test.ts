import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderComparisonDocx, renderDocumentDocx } from './docx.js';
import { comparison, seoulFramework } from './exports.fixture.js';

/** Reads one part of the zip with `unzip -p` (the file is checked to be a real zip). */
function part(bytes: Uint8Array, name: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'plenary-docx-')), 'doc.docx');
  writeFileSync(file, bytes);
  return execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
}

describe('the DOCX export', () => {
  it('is a zip with the text in word/document.xml', async () => {
    const bytes = await renderDocumentDocx(seoulFramework, 'en');
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    const xml = part(bytes, 'word/document.xml');
    expect(xml).toContain('Seoul Framework for and Commitment to Open and Secure Cyberspace');
    expect(xml).toContain('Recalling the London and Budapest conferences,');
    expect(xml).toContain('[an open and secure]');
    expect(xml).toContain('Option 1:');
  });

  it('numbers operative paragraphs with a Word list and notes who bracketed', async () => {
    const bytes = await renderDocumentDocx(seoulFramework, 'en');
    const xml = part(bytes, 'word/document.xml');
    expect(xml.match(/<w:numPr>/g)).toHaveLength(2);
    expect(part(bytes, 'word/numbering.xml')).toContain('w:val="%1."');
    expect(part(bytes, 'word/footnotes.xml')).toContain('Bracketed by Japan, United Kingdom');
  });

  it('prints Japanese and comparisons', async () => {
    expect(part(await renderDocumentDocx(seoulFramework, 'ja'), 'word/document.xml')).toContain(
      'サイバー空間を推進することを決定する。',
    );
    const xml = part(await renderComparisonDocx(comparison, 'en'), 'word/document.xml');
    expect(xml).toMatch(/<w:strike\/>.*a free/s);
    expect(xml).toMatch(/<w:u w:val="single"\/>.*an open and secure/s);
  });
});
