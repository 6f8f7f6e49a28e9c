import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AknInput, renderAkomaNtoso } from './akn.js';
import { seoulFramework } from './exports.fixture.js';

const adopted: AknInput = {
  ...seoulFramework,
  status: 'adopted',
  name: 'seoul-framework',
  adoptedOn: '2013-10-18',
  author: { id: 'seoul-2013', name: 'Seoul Conference on Cyberspace 2013' },
};

/** xmllint on the text; missing xmllint fails only in CI. */
function xmllint(xml: string, args: string[]): string | null {
  const file = join(mkdtempSync(join(tmpdir(), 'plenary-akn-')), 'doc.xml');
  writeFileSync(file, xml);
  try {
    return execFileSync('xmllint', [...args, file], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !process.env.CI) return null;
    throw error;
  }
}

/** XPath with `akn:` standing for the Akoma Ntoso namespace (xmllint has no prefix option). */
function xpath(xml: string, expression: string): string | null {
  const expanded = expression.replace(
    /akn:(\w+)/g,
    "*[local-name()='$1' and namespace-uri()='http://docs.oasis-open.org/legaldocml/ns/akn/3.0']",
  );
  return xmllint(xml, ['--xpath', expanded])?.trim() ?? null;
}

describe('the Akoma Ntoso export', () => {
  const xml = renderAkomaNtoso(adopted, 'en');

  it('is well-formed XML', () => {
    expect(xmllint(xml, ['--noout'])).not.toBeNull();
  });

  it('identifies the work, expression and manifestation', () => {
    expect(xml).toContain('<FRBRthis value="/akn/un/statement/seoul-framework/2013-10-18/!main"/>');
    expect(xml).toContain('<FRBRuri value="/akn/un/statement/seoul-framework/2013-10-18/eng@"/>');
    expect(xml).toContain('<FRBRlanguage language="eng"/>');
    expect(xpath(xml, 'count(//akn:FRBRauthor)')).toBe('3');
    expect(xpath(xml, 'string(//akn:TLCOrganization[@eId="seoul-2013"]/@showAs)')).toBe(
      'Seoul Conference on Cyberspace 2013',
    );
  });

  it('puts preambular paragraphs in the preamble and numbers operative paragraphs', () => {
    expect(xpath(xml, 'count(//akn:preamble/akn:p)')).toBe('2');
    expect(xpath(xml, 'count(//akn:mainBody//akn:paragraph)')).toBe('2');
    expect(xpath(xml, 'string(//akn:paragraph[@eId="para_2"]/akn:num)')).toBe('2.');
    expect(xpath(xml, 'string(//akn:paragraph[@eId="para_1"]/akn:content/akn:p)')).toBe(
      'Decides to promote [an open and secure] cyberspace;',
    );
  });

  it('has unique eIds and escapes the text', () => {
    const ids = [...xml.matchAll(/eId="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const hostile = renderAkomaNtoso({ ...adopted, title: 'A & B <c>' }, 'ja');
    expect(xmllint(hostile, ['--noout'])).not.toBeNull();
    expect(hostile).toContain('<FRBRlanguage language="jpn"/>');
  });
});
