/**
 * `plenary readout` on an embedded data folder with the demo: Markdown and HTML on stdout, PDF
 * to a file, and usage errors and unknown codes with the exit codes of the other commands.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plenary } from '../../test/support/cli.js';
import { EXIT } from './main.js';

let dir: string;
const savedEnv = { ...process.env };
const japan = ['readout', '--edition', 'seoul-2013', '--delegation', 'JPN'];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'plenary-readout-'));
  delete process.env.DATABASE_URL;
  process.env.PLENARY_DATA_DIR = path.join(dir, 'data');
  expect((await plenary('demo')).code).toBe(EXIT.ok);
});
afterAll(() => {
  process.env = savedEnv;
  rmSync(dir, { recursive: true, force: true });
});

describe('plenary readout', () => {
  it("prints Japan's readout of Seoul 2013 as Markdown", async () => {
    const result = await plenary(...japan, '--lang', 'ja', '--format', 'md');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/^# サイバー空間に関するソウル会議/);
    expect(result.stdout).toContain('## 1.概要');
    expect(result.stdout).toContain('87か国');
    expect(result.stdout).toContain('【ムシキワボ・ルワンダ外務大臣との会談】');
  });

  it('prints HTML in English', async () => {
    const result = await plenary(...japan, '--lang', 'en', '--format', 'html');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(result.stdout).toContain('<html lang="en">');
    expect(result.stdout).toContain(
      'Seoul Framework for and Commitment to Open and Secure Cyberspace',
    );
  });

  it('writes a PDF with the Japanese font embedded', async () => {
    const out = path.join(dir, 'readout.pdf');
    const result = await plenary(...japan, '--lang', 'ja', '--format', 'pdf', '--out', out);
    expect(result.code).toBe(EXIT.ok);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    const objects = pdf.context
      .enumerateIndirectObjects()
      .map(([, object]) => object.toString())
      .join('\n');
    expect(objects).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansJP-Regular/);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);
  });

  it('refuses a PDF on stdout and bad options, as usage errors', async () => {
    expect((await plenary(...japan, '--format', 'pdf')).code).toBe(EXIT.usage);
    expect((await plenary(...japan, '--lang', 'fr')).code).toBe(EXIT.usage);
    expect((await plenary(...japan, '--format', 'docx')).code).toBe(EXIT.usage);
    expect((await plenary('readout', '--edition', 'seoul-2013')).code).toBe(EXIT.usage);
  });

  it('names an unknown edition or delegation, with the no-input exit code', async () => {
    const edition = await plenary('readout', '--edition', 'nowhere-1999', '--delegation', 'JPN');
    expect(edition.code).toBe(EXIT.noInput);
    expect(edition.stderr).toContain('edition_not_found');
    const delegation = await plenary('readout', '--edition', 'seoul-2013', '--delegation', 'XYZ');
    expect(delegation.code).toBe(EXIT.noInput);
    expect(delegation.stderr).toContain('delegation_not_found');
  });
});
