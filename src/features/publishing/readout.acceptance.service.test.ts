/**
 * Acceptance: Plenary reproduces the seed (/work/shared/seed/seoul-2013-readout.ja.txt). Japan's
 * Japanese readout of Seoul 2013, composed from the demo's records alone, states every fact of
 * the seed that the records hold — fact by fact, each where the seed states it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/database.js';
import type { Database } from '../../db/connection.js';
import { fixedClock } from '../../platform/clock.js';
import { PUBLIC, systemActor } from '../accounts/actor.js';
import { loadDemo } from '../conferences/demo/demo.loader.js';
import {
  type ReadoutContent,
  type ReadoutSectionId,
  renderReadoutMarkdown,
} from './readout.compose.js';
import { createReadoutsService } from './readouts.service.js';

let database: Database;
let readout: ReadoutContent;
let english: ReadoutContent;
// The day the seed is dated: 22 October 2013, in Tokyo.
const clock = fixedClock('2013-10-22T01:00:00Z');

beforeAll(async () => {
  database = await freshDatabase();
  await loadDemo(database.db, {
    reset: false,
    now: new Date('2026-01-15T09:00:00Z'),
    hash: async (p) => `test:${p}`,
  });
  const readouts = createReadoutsService({ db: database.db, clock });
  readout = await readouts.preview('seoul-2013', 'JPN', 'ja');
  english = await readouts.preview('seoul-2013', 'JPN', 'en');
});

afterAll(async () => {
  await database?.close();
});

function section(id: ReadoutSectionId, content = readout): string {
  const found = content.sections.find((s) => s.id === id);
  expect(found, `section ${id}`).toBeDefined();
  return found!.items.map((i) => [i.text, ...(i.points ?? [])].join('\n')).join('\n');
}

describe("Japan's readout of Seoul 2013 (the seed), composed from the records", () => {
  it('has the seed’s five sections, in its order, with its headings', () => {
    expect(readout.sections.map((s) => s.id)).toEqual([
      'overview',
      'statements',
      'chair_statement',
      'next_meeting',
      'bilaterals',
    ]);
    const markdown = renderReadoutMarkdown(readout);
    expect(markdown).toContain('1.概要');
    expect(markdown).toContain('2.会議における各国政府主要者の発言');
    expect(markdown).toContain('3.議長声明');
    expect(markdown).toContain('4.次回会合');
    expect(markdown).toContain('5.三ツ矢外務副大臣の二国間会談');
  });

  it('is dated in the era calendar: 平成25年10月22日', () => {
    expect(readout.dateline).toBe('平成25年10月22日');
  });

  describe('1 overview', () => {
    it('dates, place and conference: 10月17日から18日, ソウル', () => {
      const text = section('overview');
      expect(text).toContain('10月17日から18日');
      expect(text).toContain('韓国のソウルにおいて');
      expect(text).toContain('サイバー空間に関するソウル会議が開催された');
    });

    it('the series: a follow-up of London 2011 and Budapest 2012', () => {
      expect(section('overview')).toContain(
        '2011年のロンドン会議及び2012年のブダペスト会議のフォローアップ会合',
      );
    });

    it('the host: ユン・ビョンセ韓国外交部長官', () => {
      expect(section('overview')).toContain('ユン・ビョンセ韓国外交部長官が主催し');
    });

    it('the scale: 87か国, 約1600名, by stakeholder kind', () => {
      const text = section('overview');
      expect(text).toContain('87か国の政府関係者');
      expect(text).toMatch(/約1,?600名/);
      for (const kind of ['国際機関', '民間セクター', '学者', 'NGO代表'])
        expect(text).toContain(kind);
    });

    it('the delegation: headed by the State Minister, drawing on six bodies', () => {
      const text = section('overview');
      expect(text).toContain('三ツ矢外務副大臣を代表として');
      expect(text).toContain(
        '内閣官房,外務省,総務省,経済産業省,防衛省及び警察庁から構成される代表団',
      );
    });

    it('the heads of delegation the seed names, as the records name them', () => {
      const text = section('overview');
      expect(text).toContain('パク・クネ韓国大統領');
      expect(text).toContain('ヘーグ');
      expect(text).toContain('マルトニ・ハンガリー外務大臣');
      expect(text).toContain('ビショップ');
      expect(text).toMatch(/マルティ|ナタレガワ/);
      expect(text).toContain('トゥーレ国際電気通信連合(ITU)事務総局長');
      // The President (head of state) is named first, as in the seed.
      expect(text.indexOf('パク・クネ')).toBeLessThan(text.indexOf('ヘーグ'));
    });

    it('the video messages: パン・ギムン and ケリー', () => {
      const text = section('overview');
      expect(text).toMatch(
        /パン・ギムン国際連合(\(UN\))?事務総長及びケリー・.+国務長官がビデオメッセージを送った/,
      );
      // Heard only by video: not among those who attended.
      expect(text.indexOf('ケリー')).toBeGreaterThan(text.indexOf('が会議に参加した'));
    });

    it('theme and format: 4 plenaries and panels on 6 themes', () => {
      const text = section('overview');
      expect(text).toContain('「オープンで安全なサイバー空間を通じた世界的繁栄」をテーマに');
      expect(text).toContain('4つの全体会合及び6つのテーマからなるパネルディスカッション');
    });
  });

  describe('2 statements', () => {
    it("Japan's own first, then the others in the order the conference heard them", () => {
      const items = readout.sections.find((s) => s.id === 'statements')!.items;
      expect(items[0]!.text).toMatch(
        /^三ツ矢外務副大臣は,全体会合の「国境を越えた協力の強化」において/,
      );
      const order = [
        '三ツ矢',
        'ユン・ビョンセ長官',
        'パク・クネ',
        'ヘーグ',
        'ケリー',
        '中国やロシア',
      ];
      const starts = order.map((name) => items.findIndex((i) => i.text.includes(name)));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(starts.every((n) => n >= 0)).toBe(true);
    });

    it('China’s and Russia’s shared summary is reported once', () => {
      const text = section('statements');
      expect(text.split('中国やロシアの会議参加者からは').length - 1).toBe(1);
      expect(text).toContain('情報セキュリティ国際行動規範');
    });
  });

  describe("3 the chair's statement and the outcome", () => {
    it('read at the closing by the chair, with its points', () => {
      const text = section('chair_statement');
      expect(text).toContain(
        'クロージング・セッションにおいて,ユン・ビョンセ韓国外交部長官は,議長声明(別添)を読み上げた',
      );
      expect(text).toContain('オンラインにおいても基本的人権が尊重されるべき');
      expect(text).toContain('マルチステークホルダー・アプローチが重要');
      expect(text).toContain('国連サイバー政府専門家会合');
    });

    it('the Seoul Framework as the outcome document', () => {
      expect(section('chair_statement')).toContain(
        '本会議の成果文書として,「オープンで安全なサイバー空間のためのソウル枠組み」が発表された',
      );
    });
  });

  it('4 the next meeting: The Hague, 2015, announced at the closing by the Netherlands', () => {
    const text = section('next_meeting');
    expect(text).toContain('ハーグ');
    expect(text).toContain('2015年');
    expect(text).toContain('ローゼンタール・オランダ特命全権大使から');
  });

  describe('5 bilateral meetings', () => {
    it('the four counterparts the seed names', () => {
      const text = section('bilaterals');
      for (const name of ['ムシキワボ', 'ビショップ', 'ピーリス']) expect(text).toContain(name);
      expect(text).toMatch(/マルティ|ナタレガワ/);
      expect(text).toContain('ルワンダのムシキワボ外務大臣');
      expect(text).toContain('それぞれ二国間会談を行った');
    });

    it('each in the fixed pattern: date, time, about N minutes, who met whom, on which occasion', () => {
      const text = section('bilaterals');
      expect(text).toContain(
        '10月17日16時から約30分間,三ツ矢外務副大臣は,サイバー空間に関するソウル会議出席の機会に,ビショップ・オーストラリア外務大臣と会談を行った。',
      );
      expect(text).toContain('10月18日11時30分から約30分間');
    });

    it('with a caption 【…との会談】 for each meeting', () => {
      const captions = readout.sections
        .find((s) => s.id === 'bilaterals')!
        .items.filter((i) => i.kind === 'caption')
        .map((i) => i.text);
      expect(captions).toHaveLength(4);
      expect(captions).toContain('【ムシキワボ・ルワンダ外務大臣との会談】');
      for (const caption of captions) expect(caption).toMatch(/^【.+との会談】$/);
    });
  });

  it('the English readout states the same facts', () => {
    const text = english.sections.map((s) => section(s.id, english)).join('\n');
    expect(english.dateline).toBe('22 October 2013');
    expect(text).toContain('17–18 October 2013');
    expect(text).toContain('87 countries');
    expect(text).toContain('about 1,600 participants');
    expect(text).toContain('State Minister for Foreign Affairs Mitsuya Norio');
    expect(text).toContain('4 plenary sessions and panel discussions on 6 themes');
    expect(text).toContain('Seoul Framework for and Commitment to Open and Secure Cyberspace');
    expect(text).toContain('The Hague');
    expect(text).toContain('Louise Mushikiwabo');
  });
});

describe('drafts, edits and publication', () => {
  it('a draft is stored, edited with a version check, published, then public', async () => {
    const readouts = createReadoutsService({ db: database.db, clock });
    const focal = systemActor('test');
    await expect(readouts.published('seoul-2013', 'JPN', 'ja')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(readouts.compose(PUBLIC, 'seoul-2013', 'JPN', 'ja')).rejects.toMatchObject({
      code: 'forbidden',
    });
    const draft = await readouts.compose(focal, 'seoul-2013', 'JPN', 'ja');
    expect(draft.status).toBe('draft');
    const next = draft.content.sections.find((s) => s.id === 'next_meeting')!;
    const edited = await readouts.editSections(focal, 'seoul-2013', 'JPN', 'ja', {
      version: draft.version,
      sections: [
        {
          ...next,
          items: [{ kind: 'paragraph', text: '次回は2015年の初めにハーグ。', numbered: false }],
        },
      ],
    });
    expect(edited.version).toBe(draft.version + 1);
    await expect(
      readouts.editSections(focal, 'seoul-2013', 'JPN', 'ja', {
        version: draft.version,
        sections: [],
      }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    clock.set('2013-10-23T02:00:00Z');
    const published = await readouts.publish(focal, 'seoul-2013', 'JPN', 'ja', edited.version);
    expect(published.content.dateline).toBe('平成25年10月23日');
    const shown = await readouts.published('seoul-2013', 'JPN', 'ja');
    expect(shown.content.sections.find((s) => s.id === 'next_meeting')!.items[0]!.text).toBe(
      '次回は2015年の初めにハーグ。',
    );
    expect(shown.content.sections.find((s) => s.id === 'overview')!.items[0]!.text).toContain(
      '87か国',
    );
  });

  it("shows the published chair's statement with its annex", async () => {
    const readouts = createReadoutsService({ db: database.db, clock });
    const chair = await readouts.publishedDocument('seoul-2013', 'chairs-statement');
    expect(chair.kind).toBe('chair_statement');
    expect(chair.annexes.map((a) => a.code)).toEqual(['seoul-framework']);
    const framework = await readouts.publishedDocument('seoul-2013', 'seoul-framework');
    expect(framework.annexTo?.code).toBe('chairs-statement');
    expect(framework.title.ja).toBe('オープンで安全なサイバー空間のためのソウル枠組み');
  });
});
