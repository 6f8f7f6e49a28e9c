import { describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS, RANKS, REGISTRATION_CATEGORIES } from '../../../db/schema.js';
import { isIso3 } from '../../../platform/countries.js';
import { buildDemo, DEMO_EDITION_CODE, DEMO_SIGN_INS } from './seoul-2013.data.js';

const demo = buildDemo();
const seoulDelegations = demo.delegations.filter((d) => d.edition === DEMO_EDITION_CODE);
const seoulParticipants = demo.participants.filter((p) => p.edition === DEMO_EDITION_CODE);
const organisationByCode = new Map(demo.organisations.map((o) => [o.code, o]));
const rankIndex = (rank: (typeof RANKS)[number]) => RANKS.indexOf(rank);

function person(key: string) {
  const found = demo.participants.find((p) => p.key === key);
  if (!found) throw new Error(`no participant ${key}`);
  return found;
}

function headOf(code: string) {
  const delegation = seoulDelegations.find((d) => d.code === code);
  if (!delegation) throw new Error(`no delegation ${code}`);
  return person(delegation.head);
}

describe('the Seoul 2013 demo', () => {
  it('has the five editions of the series, all held, Seoul third', () => {
    expect(demo.editions.map((e) => [e.code, e.ordinal, e.status])).toEqual([
      ['london-2011', 1, 'held'],
      ['budapest-2012', 2, 'held'],
      ['seoul-2013', 3, 'held'],
      ['the-hague-2015', 4, 'held'],
      ['new-delhi-2017', 5, 'held'],
    ]);
    const seoul = demo.editions.find((e) => e.code === DEMO_EDITION_CODE)!;
    expect(seoul).toMatchObject({
      startDate: '2013-10-17',
      endDate: '2013-10-18',
      hostIso3: 'KOR',
      timeZone: 'Asia/Seoul',
      reportedCountries: 87,
      reportedParticipants: 1600,
    });
    expect(seoul.theme.ja).toBe('オープンで安全なサイバー空間を通じた世界的繁栄');
    expect(seoul.host.ja).toBe('ユン・ビョンセ韓国外交部長官');
  });

  it('brings 87 distinct states to Seoul, each by a valid ISO alpha-3 code', () => {
    const states = seoulDelegations
      .map((d) => organisationByCode.get(d.code)!)
      .filter((o) => o.kind === 'state');
    const codes = states.map((o) => o.iso3);
    expect(new Set(codes).size).toBe(87);
    for (const code of codes) expect(isIso3(code ?? ''), `${code}`).toBe(true);
    for (const named of [
      'KOR',
      'JPN',
      'GBR',
      'HUN',
      'AUS',
      'IDN',
      'CHN',
      'RUS',
      'RWA',
      'LKA',
      'NLD',
      'USA',
    ]) {
      expect(codes).toContain(named);
    }
  });

  it('has every kind of stakeholder, 18 international organisations, and no state names', () => {
    const kinds = new Set(demo.organisations.map((o) => o.kind));
    for (const kind of ORGANISATION_KINDS) expect(kinds, kind).toContain(kind);
    expect(demo.organisations.filter((o) => o.kind === 'international_organisation')).toHaveLength(
      18,
    );
    for (const org of demo.organisations) {
      if (org.iso3) expect(org.name, org.code).toEqual({});
      else expect(org.code).toMatch(/^[A-Z0-9][A-Z0-9-]{1,31}$/);
    }
  });

  it('marks every non-governmental stakeholder as fictional, and says so in its name', () => {
    const others = demo.organisations.filter((o) =>
      ['private_sector', 'academia', 'civil_society', 'media'].includes(o.kind),
    );
    expect(others.length).toBeGreaterThanOrEqual(24);
    for (const org of others) {
      expect(org.fictional).toBe(true);
      expect(org.name.en).toContain('(fictional)');
      expect(org.name.ja).toContain('（架空）');
    }
  });

  it('has no duplicate codes, keys or emails', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(demo.organisations.map((o) => o.code));
    unique(demo.delegations.map((d) => `${d.edition}/${d.code}`));
    unique(demo.participants.map((p) => p.key));
    unique(demo.users.map((u) => u.email.toLowerCase()));
    unique(demo.categories.map((c) => `${c.edition}/${c.code}`));
  });

  it('has about 1,600 participants, 1,600 of them approved, and a queue for the secretariat', () => {
    expect(seoulParticipants.length).toBeGreaterThanOrEqual(1500);
    expect(seoulParticipants.length).toBeLessThanOrEqual(1700);
    const byStatus = (status: string) => seoulParticipants.filter((p) => p.status === status);
    expect(byStatus('approved')).toHaveLength(1600);
    expect(byStatus('nominated').length).toBeGreaterThanOrEqual(24);
    expect(byStatus('rejected').length).toBeGreaterThan(0);
    for (const p of byStatus('rejected')) expect(p.decisionReason).toBeTruthy();
    for (const code of ['JPN', 'KOR', 'GBR', 'AUS']) {
      expect(
        byStatus('nominated').some((p) => p.delegation === code),
        code,
      ).toBe(true);
    }
  });

  it('gives every delegation exactly one head, a member who outranks everyone else in it', () => {
    for (const delegation of seoulDelegations) {
      const members = seoulParticipants.filter((p) => p.delegation === delegation.code);
      const heads = members.filter((p) => p.key === delegation.head);
      expect(heads, delegation.code).toHaveLength(1);
      const head = heads[0]!;
      expect(head.status, delegation.code).toBe('approved');
      for (const other of members) {
        if (other !== head) {
          expect(rankIndex(head.rank), `${delegation.code}: ${other.key}`).toBeLessThan(
            rankIndex(other.rank),
          );
        }
      }
    }
  });

  it('gives delegations to Seoul only: past editions are edition rows alone', () => {
    expect(new Set(demo.delegations.map((d) => d.edition))).toEqual(new Set([DEMO_EDITION_CODE]));
    expect(new Set(demo.participants.map((p) => p.edition))).toEqual(new Set([DEMO_EDITION_CODE]));
  });

  it("heads Japan's delegation with State Minister Mitsuya, over officials of six bodies", () => {
    const head = headOf('JPN');
    expect(head.familyName).toEqual({ en: 'Mitsuya', ja: '三ツ矢' });
    expect(head.rank).toBe('vice_minister');
    expect(head.title).toEqual({ en: 'State Minister for Foreign Affairs', ja: '外務副大臣' });
    expect(head.fictional).toBe(false);
    const japan = seoulDelegations.find((d) => d.code === 'JPN')!;
    expect(japan.composition.ja).toBe('内閣官房,外務省,総務省,経済産業省,防衛省及び警察庁');
    const officials = seoulParticipants.filter((p) => p.delegation === 'JPN' && p !== head);
    for (const body of ['内閣官房', '外務省', '総務省', '経済産業省', '防衛省', '警察庁']) {
      expect(
        officials.some((p) => p.title.ja?.startsWith(body)),
        body,
      ).toBe(true);
    }
    for (const p of officials) expect(p.fictional).toBe(true);
  });

  it('names the people of the seed in English and in its Japanese', () => {
    const seed: Array<[key: string, delegation: string, en: string, ja: string]> = [
      ['KOR-PARK', 'KOR', 'Park', 'パク'],
      ['KOR-YUN', 'KOR', 'Yun', 'ユン'],
      ['GBR-HAGUE', 'GBR', 'Hague', 'ヘーグ'],
      ['HUN-MARTONYI', 'HUN', 'Martonyi', 'マルトニ'],
      ['AUS-BISHOP', 'AUS', 'Bishop', 'ビショップ'],
      ['IDN-NATALEGAWA', 'IDN', 'Natalegawa', 'ナタレガワ'],
      ['ITU-TOURE', 'ITU', 'Touré', 'トゥーレ'],
      ['RWA-MUSHIKIWABO', 'RWA', 'Mushikiwabo', 'ムシキワボ'],
      ['LKA-PEIRIS', 'LKA', 'Peiris', 'ピーリス'],
      ['NLD-ROSENTHAL', 'NLD', 'Rosenthal', 'ローゼンタール'],
      ['USA-KERRY', 'USA', 'Kerry', 'ケリー'],
      ['UN-BAN', 'UN', 'Ban', 'パン'],
    ];
    for (const [key, delegation, en, ja] of seed) {
      const p = person(key);
      expect(p.delegation).toBe(delegation);
      expect(p.familyName).toEqual({ en, ja });
      expect(p.givenName.en && p.givenName.ja, key).toBeTruthy();
      expect(p.title.en && p.title.ja, key).toBeTruthy();
      expect(p.fictional).toBe(false);
      expect(p.status).toBe('approved');
    }
    // Section 1(2) calls Indonesia's minister マルティ, his given name.
    expect(person('IDN-NATALEGAWA').givenName.ja).toBe('マルティ');
    expect(person('KOR-PARK')).toMatchObject({ rank: 'head_of_state', title: { ja: '大統領' } });
    expect(person('UN-BAN')).toMatchObject({ rank: 'head_of_io', category: 'igo' });
    expect(person('ITU-TOURE')).toMatchObject({ rank: 'head_of_io', title: { ja: '事務総局長' } });
    expect(headOf('KOR').key).toBe('KOR-PARK');
    for (const [code, key] of [
      ['GBR', 'GBR-HAGUE'],
      ['HUN', 'HUN-MARTONYI'],
      ['AUS', 'AUS-BISHOP'],
      ['IDN', 'IDN-NATALEGAWA'],
      ['ITU', 'ITU-TOURE'],
      ['RWA', 'RWA-MUSHIKIWABO'],
      ['LKA', 'LKA-PEIRIS'],
      ['USA', 'USA-KERRY'],
      ['UN', 'UN-BAN'],
    ] as const) {
      expect(headOf(code).key).toBe(key);
    }
  });

  it('flags every generated person as fictional, with obviously fake personal data', () => {
    const named = seoulParticipants.filter((p) => !p.fictional);
    expect(named).toHaveLength(13);
    for (const p of seoulParticipants.filter((q) => q.fictional)) {
      expect(p.email ?? '').toMatch(/@example\.org$/);
      if (p.passportNumber) expect(p.passportNumber).toMatch(/^XX\d{7}$/);
      if (p.dateOfBirth) expect(p.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.familyName.en && p.familyName.ja, p.key).toBeTruthy();
    }
    expect(seoulParticipants.some((p) => p.passportNumber !== null)).toBe(true);
    expect(seoulParticipants.some((p) => p.dateOfBirth !== null)).toBe(true);
  });

  it('has all nine categories with distinct badge colours, open again for party, IGO and NGO', () => {
    const seoul = demo.categories.filter((c) => c.edition === DEMO_EDITION_CODE);
    expect(seoul.map((c) => c.code).sort()).toEqual([...REGISTRATION_CATEGORIES].sort());
    expect(new Set(seoul.map((c) => c.colour)).size).toBe(9);
    for (const c of seoul) {
      expect(c.colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(c.name.en && c.name.ja).toBeTruthy();
    }
    const reopened = seoul.filter((c) => c.reopenedUntil !== null).map((c) => c.code);
    expect(reopened.sort()).toEqual(['igo', 'ngo', 'party']);
    // Used categories are the registered ones.
    for (const p of seoulParticipants) expect(REGISTRATION_CATEGORIES).toContain(p.category);
  });

  it('signs in a secretariat, four focal points and Mitsuya', () => {
    expect(DEMO_SIGN_INS).toContainEqual({
      email: 'focal.jpn@plenary.example',
      password: 'seoul-2013-japan',
      role: 'focal_point',
      delegation: 'JPN',
    });
    expect(DEMO_SIGN_INS.filter((s) => s.role === 'focal_point').map((s) => s.delegation)).toEqual([
      'JPN',
      'KOR',
      'GBR',
      'AUS',
    ]);
    for (const s of DEMO_SIGN_INS) expect(s.password.length).toBeGreaterThanOrEqual(12);
    for (const u of demo.users) {
      if (u.delegation) expect(seoulDelegations.some((d) => d.code === u.delegation)).toBe(true);
      if (u.participant) expect(person(u.participant).key).toBe(u.participant);
    }
  });

  it('is the same on every build', () => {
    expect(buildDemo()).toEqual(buildDemo());
  });
});
