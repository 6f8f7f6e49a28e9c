import { describe, expect, it } from 'vitest';
import { comparison, seoulFramework } from './exports.fixture.js';
import { renderComparisonHtml, renderDocumentHtml } from './html.js';

describe('the HTML export', () => {
  const html = renderDocumentHtml(seoulFramework, 'en');

  it('numbers operative paragraphs and leaves preambular ones unnumbered', () => {
    expect(html).toMatch(/<p class="operative" id="op-1"><span class="num">1\.<\/span>/);
    expect(html).toMatch(/<p class="operative" id="op-2"><span class="num">2\.<\/span>/);
    expect(html).toContain('<p class="preambular" id="pp-1">Recalling the London');
  });

  it('prints brackets with a note saying who bracketed', () => {
    expect(html).toContain('<span class="bracket">[an open and secure]</span>');
    expect(html).toContain('<a href="#note-a" id="ref-a">a</a>');
    expect(html).toContain('Bracketed by Japan, United Kingdom');
  });

  it('prints options as Option 1 / Option 2', () => {
    expect(html).toContain(
      '<span class="option">Option 1:</span> in all regions / <span class="option">Option 2:</span> in developing countries',
    );
  });

  it('prints a draft as a draft, in Japanese when asked', () => {
    expect(html).toContain('<p>Draft</p>');
    const ja = renderDocumentHtml(seoulFramework, 'ja');
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('[開かれた安全な]');
    expect(ja).toContain('括弧付け：Japan');
    // op-2 has no Japanese text: the negotiating language stands in
    expect(ja).toContain('Encourages capacity building');
  });

  it('escapes the text', () => {
    const hostile = renderDocumentHtml(
      { ...seoulFramework, title: '<script>alert(1)</script>' },
      'en',
    );
    expect(hostile).not.toContain('<script>');
  });

  it('underlines insertions and strikes deletions in a comparison', () => {
    const compared = renderComparisonHtml(comparison, 'en');
    expect(compared).toContain(
      'Decides to promote <del>a free</del><ins>an open and secure</ins> cyberspace;',
    );
    expect(compared).toContain('Comparison of version 1 and version 2');
  });
});
