/** A small outcome document for the export tests: both kinds of paragraph, a bracket, options, Japanese. */
import type { ExportComparison, ExportDocument } from './layout.js';

export const seoulFramework: ExportDocument = {
  title: 'Seoul Framework for and Commitment to Open and Secure Cyberspace',
  code: 'seoul-framework',
  version: 2,
  status: 'draft',
  delegations: { JPN: 'Japan', GBR: 'United Kingdom' },
  content: {
    language: 'en',
    preamble: {
      en: 'We, the participants of the Seoul Conference on Cyberspace 2013,',
      ja: '我々、2013年サイバー空間に関するソウル会議の参加者は、',
    },
    sections: [
      {
        id: 'sec-1',
        heading: { en: 'Preamble', ja: '前文' },
        paragraphs: [
          {
            id: 'pp-1',
            kind: 'preambular',
            segments: {
              en: [{ type: 'text', text: 'Recalling the London and Budapest conferences,' }],
              ja: [{ type: 'text', text: 'ロンドン会議及びブダペスト会議を想起し、' }],
            },
          },
        ],
      },
      {
        id: 'sec-2',
        heading: { en: 'Commitments', ja: 'コミットメント' },
        paragraphs: [
          {
            id: 'op-1',
            kind: 'operative',
            segments: {
              en: [
                { type: 'text', text: 'Decides to promote ' },
                {
                  type: 'bracket',
                  by: ['JPN', 'GBR'],
                  segments: [{ type: 'text', text: 'an open and secure' }],
                },
                { type: 'text', text: ' cyberspace;' },
              ],
              ja: [
                { type: 'text', text: '' },
                {
                  type: 'bracket',
                  by: ['JPN'],
                  segments: [{ type: 'text', text: '開かれた安全な' }],
                },
                { type: 'text', text: 'サイバー空間を推進することを決定する。' },
              ],
            },
          },
          {
            id: 'op-2',
            kind: 'operative',
            segments: {
              en: [
                { type: 'text', text: 'Encourages capacity building ' },
                {
                  type: 'options',
                  options: [
                    { label: '1', segments: [{ type: 'text', text: 'in all regions' }] },
                    {
                      label: '2',
                      segments: [{ type: 'text', text: 'in developing countries' }],
                      by: ['JPN'],
                    },
                  ],
                },
                { type: 'text', text: '.' },
              ],
            },
          },
        ],
      },
    ],
  },
};

export const comparison: ExportComparison = {
  title: seoulFramework.title,
  code: 'seoul-framework',
  from: 1,
  to: 2,
  paragraphs: [
    {
      paragraphId: 'op-1',
      label: '1.',
      ops: [
        { op: 'equal', text: 'Decides to promote ' },
        { op: 'delete', text: 'a free' },
        { op: 'insert', text: 'an open and secure' },
        { op: 'equal', text: ' cyberspace;' },
      ],
    },
  ],
};
