import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions, diffWords, newerText, olderText, tokenize } from './compare.js';
import type { DocumentContent, Paragraph } from './content.js';

const para = (id: string, text: string, lang = 'en'): Paragraph => ({
  id,
  kind: 'operative',
  segments: { [lang]: [{ type: 'text', text }] },
});
const doc = (paragraphs: Paragraph[], language = 'en'): DocumentContent => ({
  language,
  sections: [{ id: 's', heading: {}, paragraphs }],
});

describe('word-by-word comparison', () => {
  it('shows a changed word as one deletion and one insertion, spaces kept', () => {
    expect(
      diffWords(
        'Decides to promote capacity building;',
        'Decides to support capacity building;',
        'en',
      ),
    ).toEqual([
      { op: 'equal', text: 'Decides to ' },
      { op: 'delete', text: 'promote' },
      { op: 'insert', text: 'support' },
      { op: 'equal', text: ' capacity building;' },
    ]);
  });

  it('compares Japanese text by words, not characters', () => {
    expect(tokenize('能力構築を推進する', 'ja').length).toBeLessThan('能力構築を推進する'.length);
    const ops = diffWords('能力構築を推進する', '能力構築を支援する', 'ja');
    expect(ops.filter((o) => o.op === 'delete').map((o) => o.text)).toEqual(['推進']);
    expect(ops.filter((o) => o.op === 'insert').map((o) => o.text)).toEqual(['支援']);
  });

  it('reports paragraphs added, removed and moved', () => {
    const a = doc([
      para('p1', 'One.'),
      para('p2', 'Two.'),
      para('p3', 'Three.'),
      para('p4', 'Four.'),
      para('p5', 'Five.'),
    ]);
    const b = doc([
      para('p1', 'One.'),
      para('p3', 'Three.'),
      para('p4', 'Four!'),
      para('p2', 'Two.'),
      para('p6', 'Six.'),
    ]);
    const cmp = compareVersions(a, b);
    expect(cmp.added).toEqual(['p6']);
    expect(cmp.removed).toEqual(['p5']);
    expect(cmp.moved).toEqual(['p2']);
    expect(cmp.paragraphs.map((p) => [p.id, p.status])).toEqual([
      ['p1', 'equal'],
      ['p3', 'equal'],
      ['p4', 'changed'],
      ['p5', 'removed'],
      ['p2', 'moved'],
      ['p6', 'added'],
    ]);
    expect(cmp.paragraphs.find((p) => p.id === 'p4')).toMatchObject({
      fromNumber: '4',
      toNumber: '3',
      ops: [
        { op: 'equal', text: 'Four' },
        { op: 'delete', text: '.' },
        { op: 'insert', text: '!' },
      ],
    });
  });
});

const plainOf = (p: Paragraph) =>
  (p.segments.en ?? []).map((s) => (s.type === 'text' ? s.text : '')).join('');

const words = fc.constantFrom(
  'the',
  'states',
  'norms',
  'cyber',
  ' ',
  ', ',
  '.',
  '能力',
  '構築',
  'を',
  '推進',
  'する',
  '。',
  'サイバー',
);
const text = fc.array(words, { maxLength: 25 }).map((w) => w.join(''));
const lang = fc.constantFrom('en', 'ja');

describe('properties', () => {
  it('compare(a, a) is all equal', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), lang, (texts, l) => {
        const a = doc(
          texts.map((t, i) => para(`p${i}`, t, l)),
          l,
        );
        const cmp = compareVersions(a, structuredClone(a));
        expect(cmp.added.concat(cmp.removed, cmp.moved)).toEqual([]);
        for (const p of cmp.paragraphs) {
          expect(p.status).toBe('equal');
          expect(p.ops.every((o) => o.op === 'equal')).toBe(true);
        }
      }),
    );
  });

  it('applying the ops to a reproduces b (and taking them back gives a)', () => {
    fc.assert(
      fc.property(text, text, lang, (a, b, l) => {
        const ops = diffWords(a, b, l);
        expect(newerText(ops)).toBe(b);
        expect(olderText(ops)).toBe(a);
        expect(ops.every((o) => o.text !== '')).toBe(true);
      }),
    );
  });

  it('every paragraph of the newer version is reproduced by its ops', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(8), text), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(8), text), { maxLength: 6 }),
        (xs, ys) => {
          const unique = (ps: [number, string][]) =>
            [...new Map(ps).entries()].map(([id, t]) => para(`p${id}`, t));
          const a = doc(unique(xs));
          const b = doc(unique(ys));
          const cmp = compareVersions(a, b);
          const rebuilt = cmp.paragraphs
            .filter((p) => p.status !== 'removed')
            .map((p) => newerText(p.ops));
          expect(rebuilt).toEqual(b.sections[0]?.paragraphs.map((p) => plainOf(p)));
          const older = cmp.paragraphs
            .filter((p) => p.status !== 'added')
            .map((p): [string, string] => [p.id, olderText(p.ops)]);
          expect(new Map(older)).toEqual(
            new Map(a.sections[0]?.paragraphs.map((p) => [p.id, plainOf(p)])),
          );
        },
      ),
    );
  });
});
