/**
 * The documents of the Seoul 2013 demo: the chair's statement read at the closing session and
 * its annex, the Seoul Framework. Neither text is the real one. The chair's statement is written
 * from the seed readout's account of it (section 3): its Japanese paragraphs are the seed's own
 * words, its English a translation of them, and the version says so. The Seoul Framework is a
 * short placeholder summary, marked as such, not the framework's text.
 */
import type { DocumentKind, DocumentStatus, Localized } from '../../../db/schema.js';
import type { DocumentContent, Paragraph, ParagraphKind } from '../../documents/content.js';

export interface DemoDocument {
  code: string;
  kind: DocumentKind;
  title: Localized;
  status: DocumentStatus;
  /** Code of the document this one is annexed to. */
  annexTo: string | null;
  /** Code of the session where it was read out. */
  session: string | null;
  /** The label of its one version: where the text comes from. */
  versionLabel: Localized;
  content: DocumentContent;
}

function paragraph(id: string, kind: ParagraphKind, en: string, ja: string): Paragraph {
  return {
    id,
    kind,
    segments: { en: [{ type: 'text', text: en }], ja: [{ type: 'text', text: ja }] },
  };
}

const CHAIRS_STATEMENT: DemoDocument = {
  code: 'chairs-statement',
  kind: 'chair_statement',
  title: { en: "Chair's Statement", ja: '議長声明' },
  status: 'published',
  annexTo: null,
  session: 'closing',
  versionLabel: {
    en: "Written from the readout of Japan's Ministry of Foreign Affairs (22 October 2013), not the chair's own text",
    ja: '外務省の会議概要（平成25年10月22日）から作成。議長声明の原文ではない。',
  },
  content: {
    language: 'en',
    preamble: {
      en: 'The Chair of the Seoul Conference on Cyberspace, Minister of Foreign Affairs Yun Byung-se, read out this statement at the closing session. [Demo: written from a readout of it, not the original text.]',
      ja: 'サイバー空間に関するソウル会議議長ユン・ビョンセ外交部長官は,クロージング・セッションにおいて本声明を読み上げた。［デモ：会議概要から作成したもので,原文ではない。］',
    },
    sections: [
      {
        id: 'summary',
        heading: { en: 'Summary of the Conference', ja: '会議の概要' },
        paragraphs: [
          paragraph(
            'pp-1',
            'preambular',
            'The Conference raised awareness worldwide of the importance of cyberspace and of the need to strengthen international cooperation to promote prosperity and security.',
            '本会議によりサイバー空間の重要性及び繁栄とセキュリティを促進するための国際協力の強化の必要性について世界的に意識啓発することができた。',
          ),
          paragraph(
            'pp-2',
            'preambular',
            'Many participants came from developing countries, and countries were able to share best practices for enjoying the economic and social benefits of cyberspace.',
            '本会議には途上国からの参加も多く,各国がサイバー空間における経済的・社会的便益を享受するためのベストプラクティス等を共有することができた。',
          ),
          paragraph(
            'op-1',
            'operative',
            'Economic development, social activity and security are interdependent and need to be advanced together.',
            '経済発展,社会活動及びセキュリティは相互依存しているため共に推進していく必要性がある。',
          ),
          paragraph(
            'op-2',
            'operative',
            'Fundamental human rights should be respected online as well.',
            'オンラインにおいても基本的人権が尊重されるべきである。',
          ),
          paragraph(
            'op-3',
            'operative',
            'The digital divide should be narrowed.',
            '情報格差を少なくするべきである。',
          ),
          paragraph(
            'op-4',
            'operative',
            'A multi-stakeholder approach is important in efforts on cyber issues.',
            'サイバーに関する取組においては,マルチステークホルダー・アプローチが重要である。',
          ),
          paragraph(
            'op-5',
            'operative',
            "On norms of behaviour in cyberspace, the Chair valued in particular the results of the UN Group of Governmental Experts and welcomed the progress made, while noting that countries' positions still differ.",
            'サイバー空間に関する行動規範については,特に国連サイバー政府専門家会合における成果を評価し,進捗があったことを歓迎する一方,各国で立場の違いがあることも指摘した。',
          ),
        ],
      },
    ],
  },
};

const SEOUL_FRAMEWORK: DemoDocument = {
  code: 'seoul-framework',
  kind: 'outcome',
  title: {
    en: 'Seoul Framework for and Commitment to Open and Secure Cyberspace',
    ja: 'オープンで安全なサイバー空間のためのソウル枠組み',
  },
  status: 'published',
  annexTo: CHAIRS_STATEMENT.code,
  session: 'closing',
  versionLabel: {
    en: 'Placeholder summary for the demo — not the text of the Seoul Framework',
    ja: 'デモ用の仮の要約。ソウル枠組みの本文ではない。',
  },
  content: {
    language: 'en',
    preamble: {
      en: '[Placeholder summary for the demo. This is not the text of the Seoul Framework; it only indicates the areas the framework addresses.]',
      ja: '［デモ用の仮の要約。ソウル枠組みの本文ではなく,扱う分野を示すにとどまる。］',
    },
    sections: [
      {
        id: 'areas',
        heading: { en: 'Areas addressed (illustrative)', ja: '扱う分野（例示）' },
        paragraphs: [
          paragraph(
            'pp-1',
            'preambular',
            'Recalling the London (2011) and Budapest (2012) conferences on cyberspace,',
            'ロンドン会議（2011年）及びブダペスト会議（2012年）を想起し,',
          ),
          paragraph(
            'op-1',
            'operative',
            'Economic growth and development through an open cyberspace.',
            'オープンなサイバー空間を通じた経済成長と発展。',
          ),
          paragraph(
            'op-2',
            'operative',
            'Social and cultural benefits, with human rights respected online.',
            'オンラインにおける人権の尊重を伴う社会的・文化的便益。',
          ),
          paragraph(
            'op-3',
            'operative',
            'Cybersecurity and the fight against cybercrime.',
            'サイバーセキュリティ及びサイバー犯罪対策。',
          ),
          paragraph(
            'op-4',
            'operative',
            'International security and norms of responsible state behaviour.',
            '国際安全保障及び責任ある国家の行動規範。',
          ),
          paragraph(
            'op-5',
            'operative',
            'Capacity building to narrow the digital divide.',
            '情報格差を縮小するための能力構築。',
          ),
        ],
      },
    ],
  },
};

/** The chair's statement first: its annex refers to it. */
export const DEMO_DOCUMENTS: DemoDocument[] = [CHAIRS_STATEMENT, SEOUL_FRAMEWORK];
