/**
 * composeReadout on hand-made facts: the structure, the sentence patterns and the names, in
 * Japanese and English, without a database.
 */
import { describe, expect, it } from 'vitest';
import {
  composeReadout,
  type ReadoutFacts,
  type ReadoutOrganisation,
  type ReadoutPerson,
  renderReadoutHtml,
  renderReadoutMarkdown,
} from './readout.compose.js';

const state = (iso3: string): ReadoutOrganisation => ({
  kind: 'state',
  iso3,
  code: iso3,
  name: {},
  acronym: null,
});

const person = (
  iso3: string,
  family: [string, string],
  given: [string, string],
  title: [string, string],
): ReadoutPerson => ({
  familyName: { en: family[0], ja: family[1] },
  givenName: { en: given[0], ja: given[1] },
  title: { en: title[0], ja: title[1] },
  nationality: iso3,
  organisation: state(iso3),
});

const head = person('JPN', ['Sato', '佐藤'], ['Ken', '健'], ['Minister', '大臣']);
const french = person(
  'FRA',
  ['Martin', 'マルタン'],
  ['Anne', 'アンヌ'],
  ['Foreign Minister', '外務大臣'],
);
const korean = person('KOR', ['Kim', 'キム'], ['Min-ho', 'ミンホ'], ['President', '大統領']);
const envoy = person('DEU', ['Weber', 'ヴェーバー'], ['Jan', 'ヤン'], ['Ambassador', '大使']);

function facts(overrides: Partial<ReadoutFacts> = {}): ReadoutFacts {
  return {
    issuedOn: '2019-05-08',
    edition: {
      name: { en: 'Example Conference', ja: '例示会議' },
      city: { en: 'Paris', ja: 'パリ' },
      hostIso3: 'FRA',
      host: { en: 'the French Foreign Minister', ja: 'フランス外務大臣' },
      startDate: '2019-05-01',
      endDate: '2019-05-02',
      timeZone: 'Europe/Paris',
      theme: { en: 'Trust', ja: '信頼' },
    },
    previousEditions: [{ city: { en: 'Rome', ja: 'ローマ' }, startDate: '2018-03-01' }],
    nextEdition: {
      city: { en: 'Berlin', ja: 'ベルリン' },
      hostIso3: 'DEU',
      startDate: '2020-06-01',
      announcedBy: envoy,
      announcedIn: { en: 'Closing session', ja: '閉会セッション' },
    },
    scale: { countries: 12, participants: 347, kinds: ['state', 'academia'] },
    delegation: {
      organisation: state('JPN'),
      head,
      composition: { en: 'Ministry of Foreign Affairs', ja: '外務省' },
    },
    heads: [
      { person: french, rank: 'foreign_minister', firstAppearance: '2019-05-01T08:00:00Z' },
      { person: korean, rank: 'head_of_state', firstAppearance: '2019-05-01T09:00:00Z' },
      { person: envoy, rank: 'ambassador', firstAppearance: null },
    ],
    videoMessages: [],
    sessions: [
      { kind: 'opening', theme: {} },
      { kind: 'plenary', theme: { en: 'A' } },
      { kind: 'plenary', theme: { en: 'B' } },
      { kind: 'panel', theme: { en: 'X' } },
      { kind: 'panel', theme: { en: 'X' } },
      { kind: 'panel', theme: { en: 'Y' } },
    ],
    statements: [
      {
        speaker: french,
        delegation: state('FRA'),
        own: false,
        session: {
          title: { en: 'Opening', ja: '開会' },
          kind: 'opening',
          startsAt: '2019-05-01T08:00:00Z',
        },
        attendance: 'present',
        texts: { en: 'Anne Martin spoke.' },
        isSummary: false,
        positions: [{ en: 'Capacity building', ja: '能力構築' }],
        recordedAt: '2019-05-01T08:00:00Z',
      },
      {
        speaker: head,
        delegation: state('JPN'),
        own: true,
        session: {
          title: { en: 'Plenary 2', ja: '全体会合2' },
          kind: 'plenary',
          startsAt: '2019-05-02T08:00:00Z',
        },
        attendance: 'present',
        texts: {
          ja: '佐藤大臣は,協力について発言した。',
          en: 'Minister Sato spoke on cooperation.',
        },
        isSummary: true,
        positions: [],
        recordedAt: '2019-05-02T08:00:00Z',
      },
    ],
    documents: [],
    meetings: [
      {
        startsAt: '2019-05-01T13:30:00Z',
        endsAt: '2019-05-01T14:15:00Z',
        ownPrincipal: head,
        counterparts: [french],
        photos: [],
      },
    ],
    ...overrides,
  };
}

describe('composeReadout (ja)', () => {
  const content = composeReadout(facts(), 'ja');
  const text = (id: string) =>
    content.sections
      .find((s) => s.id === id)!
      .items.map((i) => i.text)
      .join('\n');

  it('dates the readout in the era calendar, first years included', () => {
    expect(content.dateline).toBe('令和元年5月8日');
    expect(composeReadout(facts({ issuedOn: '2019-04-30' }), 'ja').dateline).toBe(
      '平成31年4月30日',
    );
  });

  it('leaves out sections the records say nothing about', () => {
    expect(content.sections.map((s) => s.id)).toEqual([
      'overview',
      'statements',
      'next_meeting',
      'bilaterals',
    ]);
  });

  it('writes the overview from the facts: dates, series, scale, delegation, heads, format', () => {
    const overview = text('overview');
    expect(overview).toContain('5月1日から2日,フランスのパリにおいて,例示会議が開催された。');
    expect(overview).toContain('2018年のローマ会議のフォローアップ会合');
    expect(overview).toContain('12か国の政府関係者,学者など約350名が参加した');
    expect(overview).toContain(
      '我が国からは,佐藤大臣を代表として,外務省から構成される代表団が参加した',
    );
    // Heads by rank (the President first); an ambassador is not among the notable.
    expect(overview).toContain(
      '各国からは,キム・ミンホ韓国大統領,マルタン・フランス外務大臣などが会議に参加した',
    );
    expect(overview).not.toContain('ヴェーバー');
    expect(overview).toContain('2つの全体会合及び2つのテーマからなるパネルディスカッション');
  });

  it("puts the delegation's own statement first; a delivered statement is told by its positions", () => {
    const items = content.sections.find((s) => s.id === 'statements')!.items;
    expect(items.map((i) => i.text)).toEqual([
      '佐藤大臣は,協力について発言した。',
      'マルタン・フランス外務大臣は,開会において,能力構築について発言した。',
    ]);
  });

  it('announces the next meeting by the one who announced it', () => {
    expect(text('next_meeting')).toBe(
      '閉会セッションにおいて,ヴェーバー・ドイツ大使から,本会議のフォローアップの会合を2020年にドイツ・ベルリンで開催することが発表された。',
    );
  });

  it('tells a bilateral in the fixed pattern, in the venue’s time, with its caption', () => {
    const bilaterals = content.sections.find((s) => s.id === 'bilaterals')!;
    expect(bilaterals.heading).toBe('佐藤大臣の二国間会談');
    expect(bilaterals.items.map((i) => i.text)).toEqual([
      '佐藤大臣は,この機会を利用して,会議に出席していたフランスのマルタン外務大臣との間で,それぞれ二国間会談を行った。',
      '5月1日15時30分から約45分間,佐藤大臣は,例示会議出席の機会に,マルタン・フランス外務大臣と会談を行った。',
      '【マルタン・フランス外務大臣との会談】',
    ]);
  });

  it('renders Markdown and HTML with the seed’s numbering, escaping the text', () => {
    const markdown = renderReadoutMarkdown(content);
    expect(markdown).toMatch(/^# 例示会議\(結果概要\)\n\n令和元年5月8日\n/);
    expect(markdown).toContain('## 1.概要');
    expect(markdown).toContain('(1)5月1日から2日');
    const html = renderReadoutHtml(
      composeReadout(facts({ edition: { ...facts().edition, name: { ja: '<会議>' } } }), 'ja'),
    );
    expect(html).toContain('&lt;会議&gt;');
    expect(html).not.toContain('<会議>');
  });
});

describe('composeReadout (en)', () => {
  const content = composeReadout(facts(), 'en');
  const all = content.sections.flatMap((s) => s.items.map((i) => i.text)).join('\n');

  it('states the same facts in English', () => {
    expect(content.dateline).toBe('8 May 2019');
    expect(all).toContain('On 1–2 May 2019, the Example Conference was held in Paris, France.');
    expect(all).toContain('It followed up the Rome Conference (2018).');
    expect(all).toContain(
      'about 350 participants: government officials from 12 countries, academia.',
    );
    expect(all).toContain(
      "Japan's delegation was headed by Minister Sato Ken and drew on the Ministry of Foreign Affairs.",
    );
    expect(all).toContain('President Kim Min-ho (South Korea)');
    expect(all).toContain(
      'On 1 May, from 15:30 for about 45 minutes, Minister Sato Ken met Foreign Minister Anne Martin (France) on the occasion of the Example Conference.',
    );
    expect(all).toContain('[Meeting with Foreign Minister Anne Martin (France)]');
  });
});
