/** A small outcome document to negotiate in tests: two preambular and two operative paragraphs. */
import type { DocumentContent } from './content.js';

export const seoulDraft = (): DocumentContent => ({
  language: 'en',
  preamble: { en: 'We, the participants of the Test Conference on Cyberspace,' },
  sections: [
    {
      id: 's-1',
      heading: { en: 'Framework for an open and secure cyberspace' },
      paragraphs: [
        {
          id: 'pp-1',
          kind: 'preambular',
          segments: {
            en: [{ type: 'text', text: 'Recalling the London Conference on Cyberspace,' }],
          },
        },
        {
          id: 'pp-2',
          kind: 'preambular',
          segments: { en: [{ type: 'text', text: 'Recognising the role of the United Nations,' }] },
        },
        {
          id: 'op-1',
          kind: 'operative',
          segments: {
            en: [{ type: 'text', text: 'Decides to promote capacity building;' }],
            ja: [{ type: 'text', text: '能力構築を推進することを決定する。' }],
          },
        },
        {
          id: 'op-2',
          kind: 'operative',
          segments: {
            en: [{ type: 'text', text: 'Calls upon all states to respect human rights online;' }],
          },
        },
      ],
    },
  ],
});

/** Offsets of a word in a text, for amendment spans. */
export function spanOf(text: string, word: string): { start: number; end: number } {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`"${word}" is not in "${text}"`);
  return { start, end: start + word.length };
}
