import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlenaryError } from '../../platform/errors.js';
import {
  type Amendment,
  applyAmendment,
  applyAmendments,
  compile,
  mergeAmendments,
  numberParagraphs,
  paragraphText,
  renderPlain,
  withContext,
} from './amendments.js';
import { compareVersions } from './compare.js';
import type { DocumentContent, Paragraph } from './content.js';

const para = (id: string, kind: Paragraph['kind'], text: string): Paragraph => ({
  id,
  kind,
  segments: { en: [{ type: 'text', text }] },
});

const doc = (...paragraphs: Paragraph[]): DocumentContent => ({
  language: 'en',
  sections: [{ id: 's-1', heading: { en: 'Declaration' }, paragraphs }],
});

const seoul = () =>
  doc(
    para('pp-1', 'preambular', 'Recalling the London Conference on Cyberspace,'),
    para('pp-2', 'preambular', 'Recognising the role of the United Nations,'),
    para('op-1', 'operative', 'Decides to promote capacity building;'),
    para('op-2', 'operative', 'Calls upon all states to respect human rights online;'),
  );

const textOf = (content: DocumentContent, id: string) => {
  const p = content.sections.flatMap((s) => s.paragraphs).find((x) => x.id === id);
  if (!p) throw new Error(`no paragraph ${id}`);
  return paragraphText(p, 'en');
};

const amend = (change: Amendment['change'], by = ['JPN'], id = 'a1b2c3d4-0000'): Amendment => ({
  id,
  change: withContext(seoul(), change),
  by,
});

describe('numbering and printing', () => {
  it('numbers operative paragraphs and letters preambular ones on request', () => {
    expect(numberParagraphs(seoul())).toEqual({ 'pp-1': '', 'pp-2': '', 'op-1': '1', 'op-2': '2' });
    expect(numberParagraphs(seoul(), 'lettered')).toMatchObject({ 'pp-1': '(a)', 'pp-2': '(b)' });
    expect(renderPlain(seoul(), 'en', 'lettered')).toContain('(b) Recognising');
    expect(renderPlain(seoul(), 'en')).toContain('2. Calls upon');
  });

  it('prints brackets and options as text not yet agreed', () => {
    const content = applyAmendment(
      seoul(),
      amend({ kind: 'replace', paragraphId: 'op-1', start: 11, end: 18, text: 'support' }),
      'options',
    );
    expect(textOf(content, 'op-1')).toBe(
      'Decides to [Option 1: promote / Option 2: support] capacity building;',
    );
  });
});

describe('applying an amendment', () => {
  it('replaces a span as agreed text', () => {
    const next = applyAmendment(
      seoul(),
      amend({ kind: 'replace', paragraphId: 'op-1', start: 11, end: 18, text: 'strengthen' }),
    );
    expect(textOf(next, 'op-1')).toBe('Decides to strengthen capacity building;');
    expect(textOf(seoul(), 'op-1')).toBe('Decides to promote capacity building;');
  });

  it('brackets an insertion with its proposer and co-sponsors', () => {
    const next = applyAmendment(
      seoul(),
      amend({ kind: 'insert', paragraphId: 'op-2', at: 22, text: 'Member ' }, ['KOR', 'JPN']),
      'bracket',
    );
    expect(textOf(next, 'op-2')).toBe(
      'Calls upon all states [Member ]to respect human rights online;',
    );
    const segs = next.sections[0]?.paragraphs[3]?.segments.en ?? [];
    expect(segs[1]).toMatchObject({ type: 'bracket', by: ['KOR', 'JPN'] });
  });

  it('brackets the text proposed for deletion, and deletes a paragraph when accepted', () => {
    const bracketed = applyAmendment(
      seoul(),
      amend({ kind: 'delete', paragraphId: 'op-2', start: 22, end: 52 }),
      'bracket',
    );
    expect(textOf(bracketed, 'op-2')).toBe(
      'Calls upon all states [to respect human rights online];',
    );
    const deleted = applyAmendment(seoul(), amend({ kind: 'delete', paragraphId: 'pp-2' }));
    expect(deleted.sections[0]?.paragraphs.map((p) => p.id)).toEqual(['pp-1', 'op-1', 'op-2']);
  });

  it('adds a new paragraph after another, with a fresh stable id', () => {
    const next = applyAmendment(
      seoul(),
      amend({ kind: 'new_paragraph', paragraphId: 'op-1', text: 'Welcomes the GFCE;' }),
    );
    const ids = next.sections[0]?.paragraphs.map((p) => p.id);
    expect(ids).toEqual(['pp-1', 'pp-2', 'op-1', 'p-a1b2c3d4', 'op-2']);
    expect(numberParagraphs(next)['op-2']).toBe('3');
    const again = applyAmendment(
      next,
      amend({ kind: 'new_paragraph', paragraphId: 'op-1', text: 'Also;' }),
    );
    expect(again.sections[0]?.paragraphs[3]?.id).toBe('p-a1b2c3d4-2');
  });

  it('refuses a span that starts inside brackets, and one whose text has gone', () => {
    const bracketed = applyAmendment(
      seoul(),
      amend({ kind: 'replace', paragraphId: 'op-1', start: 11, end: 18, text: 'support' }),
      'bracket',
    );
    expect(() =>
      withContext(bracketed, { kind: 'delete', paragraphId: 'op-1', start: 13, end: 20 }),
    ).toThrow(expect.objectContaining({ code: 'invalid_span' }) as PlenaryError);
    const edited = applyAmendment(
      seoul(),
      amend({ kind: 'replace', paragraphId: 'op-1', text: 'Decides otherwise;' }),
    );
    expect(() =>
      applyAmendment(edited, amend({ kind: 'delete', paragraphId: 'op-1', start: 11, end: 19 })),
    ).toThrow(expect.objectContaining({ code: 'amendment_conflict' }) as PlenaryError);
  });

  it('applies several amendments to one paragraph, wherever their spans moved to', () => {
    const a = amend(
      { kind: 'replace', paragraphId: 'op-2', start: 0, end: 10, text: 'Urges' },
      ['JPN'],
      'a',
    );
    const b = amend(
      {
        kind: 'replace',
        paragraphId: 'op-2',
        start: 39,
        end: 45,
        text: 'human rights and freedoms',
      },
      ['KOR'],
      'b',
    );
    const next = applyAmendments(seoul(), [
      { amendment: a, mode: 'accept' },
      { amendment: b, mode: 'bracket' },
    ]);
    expect(textOf(next, 'op-2')).toBe(
      'Urges all states to respect human [human rights and freedoms] online;',
    );
    // An amendment to an older version finds its text again.
    const later = applyAmendment(
      next,
      amend({ kind: 'replace', paragraphId: 'op-2', start: 15, end: 21, text: 'countries' }),
    );
    expect(textOf(later, 'op-2')).toBe(
      'Urges all countries to respect human [human rights and freedoms] online;',
    );
  });

  it('merges several amendments into the facilitator’s text for a paragraph', () => {
    const a = amend(
      { kind: 'replace', paragraphId: 'op-1', start: 11, end: 18, text: 'support' },
      ['JPN'],
      'a',
    );
    const b = amend(
      { kind: 'insert', paragraphId: 'op-1', at: 36, text: ' in developing countries' },
      ['KOR'],
      'b',
    );
    const together = mergeAmendments(seoul(), { paragraphId: 'op-1', amendments: [a, b] });
    expect(textOf(together, 'op-1')).toBe(
      'Decides to support capacity building in developing countries;',
    );
    const own = mergeAmendments(seoul(), {
      paragraphId: 'op-1',
      amendments: [a, b],
      text: 'Decides to support capacity building where needed;',
      bracket: true,
    });
    expect(textOf(own, 'op-1')).toBe('[Decides to support capacity building where needed;]');
    expect(own.sections[0]?.paragraphs[2]?.segments.en?.[0]).toMatchObject({ by: ['JPN', 'KOR'] });
  });
});

describe('compilation text', () => {
  it('shows every proposal with who made it, same-span proposals as further options', () => {
    const a = amend(
      { kind: 'replace', paragraphId: 'op-1', start: 11, end: 18, text: 'support' },
      ['JPN'],
      'a',
    );
    const b = amend(
      { kind: 'replace', paragraphId: 'op-1', start: 11, end: 18, text: 'enhance' },
      ['KOR', 'ITU'],
      'b',
    );
    const c = amend({ kind: 'delete', paragraphId: 'pp-2' }, ['KOR'], 'c');
    const d = amend(
      { kind: 'new_paragraph', paragraphId: 'op-2', text: 'Decides to meet again.' },
      ['ITU'],
      'd',
    );
    const { content, unplaced } = compile(seoul(), [a, b, c, d]);
    expect(unplaced).toEqual([]);
    expect(renderPlain(content, 'en')).toBe(
      [
        'Declaration',
        '',
        'Recalling the London Conference on Cyberspace,',
        '',
        '[Recognising the role of the United Nations,]',
        '',
        '1. Decides to [Option 1: promote / Option 2: support / Option 3: enhance] capacity building;',
        '',
        '2. Calls upon all states to respect human rights online;',
        '',
        '3. [Decides to meet again.]',
      ].join('\n'),
    );
    const options = content.sections[0]?.paragraphs[2]?.segments.en?.[1];
    expect(options).toMatchObject({
      type: 'options',
      options: [{}, { by: ['JPN'] }, { by: ['KOR', 'ITU'] }],
    });
  });
});

// ───────────── properties ─────────────

const lower = fc.constantFrom(
  'the',
  'states',
  'decide',
  'to',
  'promote',
  'norms',
  'of',
  'cyber',
  'space',
);
const upper = fc.constantFrom('ALL', 'MEMBER', 'STATES', 'SHALL', 'RESPECT', 'LAW');
/** A paragraph of words and a span of whole words in it, with a replacement of other words. */
const spanCase = fc
  .record({
    words: fc.array(lower, { minLength: 1, maxLength: 12 }),
    replacement: fc.array(upper, { minLength: 1, maxLength: 5 }),
    a: fc.nat(),
    b: fc.nat(),
  })
  .map(({ words, replacement, a, b }) => {
    const i = a % words.length;
    const j = i + 1 + (b % (words.length - i));
    const before = words
      .slice(0, i)
      .map((w) => `${w} `)
      .join('');
    const span = words.slice(i, j).join(' ');
    const after = words
      .slice(j)
      .map((w) => ` ${w}`)
      .join('');
    return { before, span, after, proposal: replacement.join(' ') };
  });

const single = (t: string) =>
  doc(para('op-1', 'operative', t), para('op-2', 'operative', 'Unchanged.'));

describe('properties', () => {
  it('accepting a replacement, then comparing, shows exactly the amended span as the change', () => {
    fc.assert(
      fc.property(spanCase, ({ before, span, after, proposal }) => {
        const old = single(before + span + after);
        const change = withContext(old, {
          kind: 'replace',
          paragraphId: 'op-1',
          start: before.length,
          end: before.length + span.length,
          text: proposal,
        });
        const next = applyAmendment(old, { id: 'x', change, by: ['JPN'] });
        expect(textOf(next, 'op-1')).toBe(before + proposal + after);
        const cmp = compareVersions(old, next);
        expect(cmp.paragraphs.map((p) => p.status)).toEqual(['changed', 'equal']);
        const ops = cmp.paragraphs[0]?.ops ?? [];
        const first = ops.findIndex((o) => o.op !== 'equal');
        const last = ops.length - 1 - [...ops].reverse().findIndex((o) => o.op !== 'equal');
        const middle = ops.slice(first, last + 1);
        expect(
          ops
            .slice(0, first)
            .map((o) => o.text)
            .join(''),
        ).toBe(before);
        expect(
          ops
            .slice(last + 1)
            .map((o) => o.text)
            .join(''),
        ).toBe(after);
        expect(
          middle
            .filter((o) => o.op !== 'insert')
            .map((o) => o.text)
            .join(''),
        ).toBe(span);
        expect(
          middle
            .filter((o) => o.op !== 'delete')
            .map((o) => o.text)
            .join(''),
        ).toBe(proposal);
      }),
    );
  });

  it('bracketing keeps the rest of the text intact, and options keep the original', () => {
    fc.assert(
      fc.property(
        spanCase,
        fc.constantFrom('bracket', 'options'),
        ({ before, span, after, proposal }, mode) => {
          const old = single(before + span + after);
          const change = withContext(old, {
            kind: 'replace',
            paragraphId: 'op-1',
            start: before.length,
            end: before.length + span.length,
            text: proposal,
          });
          const next = applyAmendment(old, { id: 'x', change, by: ['KOR', 'JPN'] }, mode);
          const shown =
            mode === 'bracket' ? `[${proposal}]` : `[Option 1: ${span} / Option 2: ${proposal}]`;
          expect(textOf(next, 'op-1')).toBe(before + shown + after);
          expect(textOf(next, 'op-2')).toBe('Unchanged.');
          const segs = next.sections[0]?.paragraphs[0]?.segments.en ?? [];
          const marked = segs.find((s) => s.type !== 'text');
          if (marked?.type === 'bracket') expect(marked.by).toEqual(['KOR', 'JPN']);
          else expect(marked).toMatchObject({ options: [{}, { by: ['KOR', 'JPN'] }] });
        },
      ),
    );
  });
});
