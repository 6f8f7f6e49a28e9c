/**
 * The Seoul 2013 demo: the conference the seed readout reports (/work/shared/seed), as plain
 * records keyed by human codes. Pure: no IO, no clock, no Math.random — fictional people come
 * from a seeded generator, so two builds are equal.
 *
 * Conventions:
 * - States carry only their ISO alpha-3 code; their names come from Intl.DisplayNames.
 * - Titles are the words of the office without the country or organisation ("外務大臣",
 *   "事務総長"); a readout adds those from the organisation, as the seed does ("英外相",
 *   "国連事務総長"). Japanese renderings of real people's names follow the seed exactly.
 * - Everyone and everything not named in the seed is fictional and flagged `fictional: true`.
 */
import type {
  Localized,
  OrganisationKind,
  ParticipantStatus,
  Rank,
  RegistrationCategory,
  Role,
} from '../../../db/schema.js';
import { RANKS } from '../../../db/schema.js';
import { createRandom, type Random } from '../../../scheduling/random.js';

export const DEMO_SERIES_CODE = 'gccs';
export const DEMO_EDITION_CODE = 'seoul-2013';

export interface DemoSeries {
  code: string;
  name: Localized;
  description: Localized;
}

export interface DemoEdition {
  code: string;
  series: string;
  ordinal: number;
  name: Localized;
  hostIso3: string;
  host: Localized;
  chair: Localized;
  city: Localized;
  venue: Localized;
  timeZone: string;
  startDate: string;
  endDate: string;
  theme: Localized;
  status: 'held';
  reportedCountries: number | null;
  reportedParticipants: number | null;
  outcomeSummary: Localized;
  settings: Record<string, unknown>;
}

export interface DemoCategory {
  edition: string;
  code: RegistrationCategory;
  name: Localized;
  colour: string;
  /** ISO 8601 instant. */
  deadline: string | null;
  reopenedUntil: string | null;
}

export interface DemoOrganisation {
  code: string;
  kind: OrganisationKind;
  iso3: string | null;
  name: Localized;
  acronym: string | null;
  fictional: boolean;
}

export interface DemoDelegation {
  edition: string;
  /** The organisation's code, which is also the delegation's. */
  code: string;
  /** Key of the participant heading the delegation. */
  head: string;
  composition: Localized;
  reopenedUntil: string | null;
}

export interface DemoParticipant {
  /** A human key, unique in the demo: 'JPN-MITSUYA', 'JPN-007'. */
  key: string;
  edition: string;
  delegation: string;
  familyName: Localized;
  givenName: Localized;
  title: Localized;
  rank: Rank;
  category: RegistrationCategory;
  email: string | null;
  gender: string | null;
  nationality: string | null;
  dateOfBirth: string | null;
  passportNumber: string | null;
  status: ParticipantStatus;
  decisionReason: string | null;
  /** When the focal point nominated the participant (the secretariat's queue is in this order). */
  nominatedAt: string;
  decidedAt: string | null;
  consentToPublish: boolean;
  fictional: boolean;
}

export interface DemoUser {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  /** For focal points: the delegation's code. */
  delegation: string | null;
  /** For participants: their participant key. */
  participant: string | null;
}

export interface DemoData {
  series: DemoSeries;
  editions: DemoEdition[];
  categories: DemoCategory[];
  organisations: DemoOrganisation[];
  delegations: DemoDelegation[];
  participants: DemoParticipant[];
  users: DemoUser[];
}

// ---------------------------------------------------------------------------------------------
// The series and its editions (DOMAIN.md, "The conference series behind the seed")
// ---------------------------------------------------------------------------------------------

const SERIES: DemoSeries = {
  code: DEMO_SERIES_CODE,
  name: { en: 'Global Conference on CyberSpace', ja: 'サイバー空間に関する国際会議' },
  description: {
    en: 'Ministerial conferences on an open and secure cyberspace, begun in London in 2011.',
    ja: '2011年のロンドン会議に始まる，開かれ安全なサイバー空間に関する閣僚級国際会議。',
  },
};

const YUN: Localized = {
  en: "Korea's Minister of Foreign Affairs Yun Byung-se",
  ja: 'ユン・ビョンセ韓国外交部長官',
};

const EDITIONS: DemoEdition[] = [
  {
    code: 'london-2011',
    series: DEMO_SERIES_CODE,
    ordinal: 1,
    name: { en: 'London Conference on Cyberspace', ja: 'サイバー空間に関するロンドン会議' },
    hostIso3: 'GBR',
    host: { en: 'UK Foreign Secretary William Hague', ja: 'ヘーグ英外相' },
    chair: { en: 'UK Foreign Secretary William Hague', ja: 'ヘーグ英外相' },
    city: { en: 'London', ja: 'ロンドン' },
    venue: {
      en: 'Queen Elizabeth II Conference Centre',
      ja: 'クイーン・エリザベス2世会議センター',
    },
    timeZone: 'Europe/London',
    startDate: '2011-11-01',
    endDate: '2011-11-02',
    theme: {},
    status: 'held',
    reportedCountries: 60,
    reportedParticipants: 700,
    outcomeSummary: { en: "Chair's statement", ja: '議長声明' },
    settings: {},
  },
  {
    code: 'budapest-2012',
    series: DEMO_SERIES_CODE,
    ordinal: 2,
    name: { en: 'Budapest Conference on Cyberspace', ja: 'サイバー空間に関するブダペスト会議' },
    hostIso3: 'HUN',
    host: {
      en: "Hungary's Minister of Foreign Affairs János Martonyi",
      ja: 'マルトニ・ハンガリー外相',
    },
    chair: {
      en: "Hungary's Minister of Foreign Affairs János Martonyi",
      ja: 'マルトニ・ハンガリー外相',
    },
    city: { en: 'Budapest', ja: 'ブダペスト' },
    // DOMAIN.md does not name the venue; left empty rather than guessed.
    venue: {},
    timeZone: 'Europe/Budapest',
    startDate: '2012-10-04',
    endDate: '2012-10-05',
    theme: {},
    status: 'held',
    reportedCountries: 60,
    reportedParticipants: 600,
    outcomeSummary: {},
    settings: {},
  },
  {
    code: DEMO_EDITION_CODE,
    series: DEMO_SERIES_CODE,
    ordinal: 3,
    name: { en: 'Seoul Conference on Cyberspace 2013', ja: 'サイバー空間に関するソウル会議' },
    hostIso3: 'KOR',
    host: YUN,
    chair: YUN,
    city: { en: 'Seoul', ja: 'ソウル' },
    venue: { en: 'COEX', ja: 'COEX' },
    timeZone: 'Asia/Seoul',
    startDate: '2013-10-17',
    endDate: '2013-10-18',
    // The seed's wording in Japanese: 「オープンで安全なサイバー空間を通じた世界的繁栄」.
    theme: {
      en: 'Global Prosperity through an Open and Secure Cyberspace',
      ja: 'オープンで安全なサイバー空間を通じた世界的繁栄',
    },
    status: 'held',
    reportedCountries: 87,
    reportedParticipants: 1600,
    outcomeSummary: {
      en: "Chair's summary, with the Seoul Framework for and Commitment to Open and Secure Cyberspace as its annex",
      ja: '議長声明及び成果文書「オープンで安全なサイバー空間のためのソウル枠組み」',
    },
    settings: {},
  },
  {
    code: 'the-hague-2015',
    series: DEMO_SERIES_CODE,
    ordinal: 4,
    name: { en: 'Global Conference on CyberSpace 2015', ja: 'サイバー空間に関するハーグ会議' },
    hostIso3: 'NLD',
    host: {
      en: 'Dutch Minister of Foreign Affairs Bert Koenders',
      ja: 'クーンデルス・オランダ外相',
    },
    chair: {
      en: 'Dutch Minister of Foreign Affairs Bert Koenders',
      ja: 'クーンデルス・オランダ外相',
    },
    city: { en: 'The Hague', ja: 'ハーグ' },
    venue: { en: 'World Forum', ja: 'ワールド・フォーラム' },
    timeZone: 'Europe/Amsterdam',
    startDate: '2015-04-16',
    endDate: '2015-04-17',
    theme: {},
    status: 'held',
    reportedCountries: 100,
    reportedParticipants: 1800,
    outcomeSummary: {
      en: "Chair's statement; launch of the Global Forum on Cyber Expertise",
      ja: '議長声明，サイバー専門知識に関するグローバル・フォーラム（GFCE）の発足',
    },
    settings: {},
  },
  {
    code: 'new-delhi-2017',
    series: DEMO_SERIES_CODE,
    ordinal: 5,
    name: {
      en: 'Global Conference on CyberSpace 2017',
      ja: 'サイバー空間に関するニューデリー会議',
    },
    hostIso3: 'IND',
    host: {
      en: "India's Minister of Electronics and Information Technology Ravi Shankar Prasad",
      ja: 'プラサード・インド電子・情報技術大臣',
    },
    chair: {
      en: "India's Minister of Electronics and Information Technology Ravi Shankar Prasad",
      ja: 'プラサード・インド電子・情報技術大臣',
    },
    city: { en: 'New Delhi', ja: 'ニューデリー' },
    venue: { en: 'Aerocity', ja: 'エアロシティ' },
    timeZone: 'Asia/Kolkata',
    startDate: '2017-11-23',
    endDate: '2017-11-24',
    theme: {},
    status: 'held',
    reportedCountries: 124,
    reportedParticipants: null,
    outcomeSummary: {
      en: "Chair's statement (4 plenary sessions and 12 parallel sessions)",
      ja: '議長声明（全体会合4，分科会12）',
    },
    settings: {},
  },
];

// ---------------------------------------------------------------------------------------------
// Registration categories of Seoul 2013
// ---------------------------------------------------------------------------------------------

/**
 * Seoul 2013 was held in October 2013, so every deadline has passed. The demo must still let
 * focal points nominate today: the secretariat "reopened" party, IGO and NGO nominations until
 * 2099 — the same mechanism a real secretariat uses for late nominations — rather than turning
 * the held edition into an open one. Deadlines are 17:59:59 in Seoul (08:59:59Z).
 */
const DEMO_REOPENED_UNTIL = '2099-12-31T23:59:59Z';

const CATEGORIES: DemoCategory[] = (
  [
    ['party', 'Party', '政府代表', '#1f4e9c', '2013-10-04T08:59:59Z', true],
    [
      'party_overflow',
      'Party overflow',
      '政府代表（オーバーフロー）',
      '#6fa8dc',
      '2013-10-04T08:59:59Z',
      false,
    ],
    ['observer', 'Observer', 'オブザーバー', '#7b3f98', '2013-10-04T08:59:59Z', false],
    ['igo', 'Intergovernmental organisation', '国際機関', '#0f7b6c', '2013-10-04T08:59:59Z', true],
    ['ngo', 'Non-governmental organisation', '非政府組織', '#2e8b3e', '2013-10-04T08:59:59Z', true],
    ['media', 'Media', '報道', '#e07b00', '2013-10-11T08:59:59Z', false],
    ['host', 'Host country', '主催国', '#c8102e', '2013-10-15T08:59:59Z', false],
    ['secretariat', 'Secretariat', '事務局', '#333333', '2013-10-15T08:59:59Z', false],
    // Temporary passes are issued at the door: no deadline.
    ['temporary', 'Temporary pass', '臨時パス', '#8c6d1f', null, false],
  ] as const
).map(([code, en, ja, colour, deadline, reopened]) => ({
  edition: DEMO_EDITION_CODE,
  code,
  name: { en, ja },
  colour,
  deadline,
  reopenedUntil: reopened ? DEMO_REOPENED_UNTIL : null,
}));

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

type NameRegion =
  | 'japan'
  | 'korea'
  | 'china'
  | 'slavic'
  | 'europe'
  | 'latin'
  | 'africa'
  | 'arabic'
  | 'south'
  | 'southeast';

/**
 * The 87 states the seed counts (「87か国」), by ISO alpha-3, with the syllables their fictional
 * delegates' names are drawn from. The twelve the seed names are real participants; the others
 * are a plausible regional mix.
 */
const STATES: ReadonlyArray<readonly [iso3: string, region: NameRegion]> = [
  // Asia and the Pacific
  ['KOR', 'korea'],
  ['JPN', 'japan'],
  ['CHN', 'china'],
  ['AUS', 'europe'],
  ['IDN', 'southeast'],
  ['LKA', 'south'],
  ['IND', 'south'],
  ['SGP', 'southeast'],
  ['MYS', 'southeast'],
  ['THA', 'southeast'],
  ['VNM', 'southeast'],
  ['PHL', 'southeast'],
  ['NZL', 'europe'],
  ['MNG', 'china'],
  ['KHM', 'southeast'],
  ['LAO', 'southeast'],
  ['MMR', 'southeast'],
  ['BGD', 'south'],
  ['PAK', 'south'],
  ['NPL', 'south'],
  ['BRN', 'southeast'],
  ['TLS', 'southeast'],
  ['PNG', 'southeast'],
  ['FJI', 'southeast'],
  ['KAZ', 'slavic'],
  // Europe
  ['GBR', 'europe'],
  ['HUN', 'europe'],
  ['RUS', 'slavic'],
  ['NLD', 'europe'],
  ['DEU', 'europe'],
  ['FRA', 'europe'],
  ['ITA', 'latin'],
  ['ESP', 'latin'],
  ['SWE', 'europe'],
  ['FIN', 'europe'],
  ['NOR', 'europe'],
  ['DNK', 'europe'],
  ['EST', 'europe'],
  ['LVA', 'europe'],
  ['LTU', 'europe'],
  ['POL', 'slavic'],
  ['CZE', 'slavic'],
  ['SVK', 'slavic'],
  ['AUT', 'europe'],
  ['CHE', 'europe'],
  ['BEL', 'europe'],
  ['IRL', 'europe'],
  ['PRT', 'latin'],
  ['GRC', 'europe'],
  ['ROU', 'latin'],
  ['BGR', 'slavic'],
  ['HRV', 'slavic'],
  ['UKR', 'slavic'],
  ['GEO', 'slavic'],
  ['MDA', 'slavic'],
  // The Americas
  ['USA', 'europe'],
  ['CAN', 'europe'],
  ['MEX', 'latin'],
  ['BRA', 'latin'],
  ['ARG', 'latin'],
  ['CHL', 'latin'],
  ['COL', 'latin'],
  ['PER', 'latin'],
  ['CRI', 'latin'],
  ['DOM', 'latin'],
  ['URY', 'latin'],
  // Africa
  ['RWA', 'africa'],
  ['ZAF', 'africa'],
  ['KEN', 'africa'],
  ['NGA', 'africa'],
  ['EGY', 'arabic'],
  ['MAR', 'arabic'],
  ['GHA', 'africa'],
  ['ETH', 'africa'],
  ['SEN', 'africa'],
  ['TZA', 'africa'],
  ['UGA', 'africa'],
  ['TUN', 'arabic'],
  // The Middle East
  ['ISR', 'europe'],
  ['TUR', 'europe'],
  ['SAU', 'arabic'],
  ['ARE', 'arabic'],
  ['QAT', 'arabic'],
  ['JOR', 'arabic'],
  ['KWT', 'arabic'],
  ['OMN', 'arabic'],
  ['BHR', 'arabic'],
];

/**
 * States sending large delegations (20-60 people); the others send 3-10. Korea hosts, so its
 * delegation is the largest.
 */
const LARGE_STATES = new Set([
  'KOR',
  'JPN',
  'USA',
  'CHN',
  'GBR',
  'RUS',
  'NLD',
  'DEU',
  'FRA',
  'AUS',
  'IND',
  'HUN',
  'IDN',
  'CAN',
  'SGP',
  'BRA',
  'ITA',
  'ESP',
  'SWE',
  'FIN',
  'EST',
  'ISR',
  'TUR',
  'MYS',
  'THA',
  'VNM',
  'PHL',
  'NZL',
  'POL',
  'MEX',
]);

/** An observer state, not counted among the seed's 87 countries (UN practice separates them). */
const OBSERVER_STATES: ReadonlyArray<readonly [iso3: string, region: NameRegion]> = [
  ['VAT', 'latin'],
];

/** The 18 international and regional organisations (DOMAIN.md: "18 organisations"). */
const INTERNATIONAL_ORGANISATIONS: ReadonlyArray<
  readonly [code: string, en: string, ja: string, acronym: string | null]
> = [
  ['UN', 'United Nations', '国際連合', 'UN'],
  ['ITU', 'International Telecommunication Union', '国際電気通信連合', 'ITU'],
  ['OECD', 'Organisation for Economic Co-operation and Development', '経済協力開発機構', 'OECD'],
  ['EU', 'European Union', '欧州連合', 'EU'],
  ['COE', 'Council of Europe', '欧州評議会', 'CoE'],
  ['ASEAN', 'Association of Southeast Asian Nations', '東南アジア諸国連合', 'ASEAN'],
  ['OAS', 'Organization of American States', '米州機構', 'OAS'],
  ['INTERPOL', 'International Criminal Police Organization', '国際刑事警察機構', 'INTERPOL'],
  ['OSCE', 'Organization for Security and Co-operation in Europe', '欧州安全保障協力機構', 'OSCE'],
  ['AU', 'African Union', 'アフリカ連合', 'AU'],
  ['WORLD-BANK', 'World Bank', '世界銀行', null],
  ['WIPO', 'World Intellectual Property Organization', '世界知的所有権機関', 'WIPO'],
  ['UNODC', 'United Nations Office on Drugs and Crime', '国連薬物・犯罪事務所', 'UNODC'],
  ['UNIDIR', 'United Nations Institute for Disarmament Research', '国連軍縮研究所', 'UNIDIR'],
  ['APEC', 'Asia-Pacific Economic Cooperation Secretariat', 'アジア太平洋経済協力事務局', 'APEC'],
  [
    'NATO-CCDCOE',
    'NATO Cooperative Cyber Defence Centre of Excellence',
    'NATOサイバー防衛協力センター',
    'CCDCOE',
  ],
  ['ARF', 'ASEAN Regional Forum', 'ASEAN地域フォーラム', 'ARF'],
  ['COMSEC', 'Commonwealth Secretariat', '英連邦事務局', null],
];

/** Non-governmental stakeholders: all fictional, and saying so in their names. */
const FICTIONAL_ORGANISATIONS: ReadonlyArray<
  readonly [kind: OrganisationKind, prefix: string, names: ReadonlyArray<readonly [string, string]>]
> = [
  [
    'private_sector',
    'FICT-PRV',
    [
      ['Example Networks Ltd', 'エグザンプル・ネットワークス'],
      ['Sample Cloud Services Inc.', 'サンプル・クラウド・サービス'],
      ['Placeholder Telecom Co.', 'プレースホルダー通信'],
      ['Demo Secure Systems', 'デモ・セキュア・システムズ'],
      ['Imaginary Semiconductors plc', 'イマジナリー半導体'],
      ['Notreal Software GmbH', 'ノットリアル・ソフトウェア'],
      ['Mock Data Centres Ltd', 'モック・データセンター'],
      ['Fabled Payments Corp.', 'フェイブルド・ペイメンツ'],
      ['Hypothetical Mobile Co.', 'ハイポセティカル・モバイル'],
      ['Specimen Search Ltd', 'スペシメン・サーチ'],
      ['Dummy Undersea Cables Ltd', 'ダミー海底ケーブル'],
      ['Pretend Threat Intelligence Ltd', 'プリテンド脅威インテリジェンス'],
    ],
  ],
  [
    'academia',
    'FICT-ACA',
    [
      ['University of Exampleton', 'エグザンプルトン大学'],
      ['Institute for Imaginary Cyber Studies', 'イマジナリー・サイバー研究所'],
      ['Sample Institute of Technology', 'サンプル工科大学'],
      ['Centre for Hypothetical Internet Policy', 'ハイポセティカル・インターネット政策センター'],
      ['Placeholder School of Law', 'プレースホルダー法科大学院'],
      ['Notional Graduate School of Security', 'ノーショナル安全保障大学院'],
      ['Demo Academy of Sciences', 'デモ科学アカデミー'],
      ['Mock Centre for Digital Rights Research', 'モック・デジタル権利研究センター'],
    ],
  ],
  [
    'civil_society',
    'FICT-CSO',
    [
      ['Open Example Foundation', 'オープン・エグザンプル財団'],
      ['Sample Digital Rights Watch', 'サンプル・デジタル人権ウォッチ'],
      ["Placeholder Network Users' Association", 'プレースホルダー・ネット利用者協会'],
      ['Imaginary Alliance for Connectivity', 'イマジナリー接続性同盟'],
      ['Fictitious Privacy Forum', 'フィクティシャス・プライバシー・フォーラム'],
      ['Demo Coalition for Free Expression Online', 'デモ・オンライン表現の自由連合'],
      ['Mock Child Online Safety Network', 'モック子どもオンライン安全ネットワーク'],
      ['Hypothetical Digital Inclusion Trust', 'ハイポセティカル・デジタル包摂基金'],
      ['Notreal Open Source Collective', 'ノットリアル・オープンソース・コレクティブ'],
      ['Specimen Cyber Peace Initiative', 'スペシメン・サイバー平和イニシアティブ'],
    ],
  ],
  [
    'media',
    'FICT-MED',
    [
      ['The Example Times', 'エグザンプル・タイムズ'],
      ['Sample Broadcasting Corporation', 'サンプル放送協会'],
      ['Placeholder News Agency', 'プレースホルダー通信社'],
      ['Demo Daily', 'デモ日報'],
      ['Imaginary Tech Review', 'イマジナリー・テック・レビュー'],
      ['Mock Wire Service', 'モック・ワイヤー'],
      ['Hypothetical Herald', 'ハイポセティカル・ヘラルド'],
      ['Fictitious Financial Journal', 'フィクティシャス経済新聞'],
    ],
  ],
];

const HOST_ORGANISATION: DemoOrganisation = {
  code: 'KOR-HOST',
  kind: 'host',
  iso3: null,
  name: {
    en: 'Ministry of Foreign Affairs of the Republic of Korea (host)',
    ja: '大韓民国外交部（主催国）',
  },
  acronym: null,
  fictional: false,
};

const SECRETARIAT_ORGANISATION: DemoOrganisation = {
  code: 'SECRETARIAT',
  kind: 'secretariat',
  iso3: null,
  name: { en: 'Seoul Conference Secretariat', ja: 'ソウル会議事務局' },
  acronym: null,
  fictional: false,
};

function buildOrganisations(): DemoOrganisation[] {
  const orgs: DemoOrganisation[] = [];
  for (const [iso3] of STATES) {
    orgs.push({ code: iso3, kind: 'state', iso3, name: {}, acronym: null, fictional: false });
  }
  for (const [iso3] of OBSERVER_STATES) {
    orgs.push({
      code: iso3,
      kind: 'observer_state',
      iso3,
      name: {},
      acronym: null,
      fictional: false,
    });
  }
  for (const [code, en, ja, acronym] of INTERNATIONAL_ORGANISATIONS) {
    orgs.push({
      code,
      kind: 'international_organisation',
      iso3: null,
      name: { en, ja },
      acronym,
      fictional: false,
    });
  }
  for (const [kind, prefix, names] of FICTIONAL_ORGANISATIONS) {
    names.forEach(([en, ja], index) => {
      orgs.push({
        code: `${prefix}-${String(index + 1).padStart(2, '0')}`,
        kind,
        iso3: null,
        name: { en: `${en} (fictional)`, ja: `${ja}（架空）` },
        acronym: null,
        fictional: true,
      });
    });
  }
  orgs.push(HOST_ORGANISATION, SECRETARIAT_ORGANISATION);
  return orgs;
}

// ---------------------------------------------------------------------------------------------
// The people the seed names, with its Japanese renderings
// ---------------------------------------------------------------------------------------------

interface NamedPerson {
  key: string;
  delegation: string;
  familyName: Localized;
  givenName: Localized;
  title: Localized;
  rank: Rank;
  category: RegistrationCategory;
  gender: string;
  nationality: string;
}

/**
 * The seed writes 外相 in its overview and 外務大臣 in its account of the bilaterals for the same
 * people; titles keep the full form. Kerry and Ban sent video messages and were not in Seoul;
 * they are participants of their delegations all the same, and the programme marks their
 * contributions as remote.
 */
const NAMED_PEOPLE: NamedPerson[] = [
  {
    // The seed writes 三ツ矢 (full-size ツ); the given name is not in the seed.
    key: 'JPN-MITSUYA',
    delegation: 'JPN',
    familyName: { en: 'Mitsuya', ja: '三ツ矢' },
    givenName: { en: 'Norio', ja: '憲生' },
    title: { en: 'State Minister for Foreign Affairs', ja: '外務副大臣' },
    rank: 'vice_minister',
    category: 'party',
    gender: 'male',
    nationality: 'JPN',
  },
  {
    // The President outranks the Foreign Minister, so she heads Korea's delegation; Yun Byung-se
    // hosts and chairs the conference as a member of it.
    key: 'KOR-PARK',
    delegation: 'KOR',
    familyName: { en: 'Park', ja: 'パク' },
    givenName: { en: 'Geun-hye', ja: 'クネ' },
    title: { en: 'President', ja: '大統領' },
    rank: 'head_of_state',
    category: 'party',
    gender: 'female',
    nationality: 'KOR',
  },
  {
    key: 'KOR-YUN',
    delegation: 'KOR',
    familyName: { en: 'Yun', ja: 'ユン' },
    givenName: { en: 'Byung-se', ja: 'ビョンセ' },
    title: { en: 'Minister of Foreign Affairs', ja: '外交部長官' },
    rank: 'foreign_minister',
    category: 'party',
    gender: 'male',
    nationality: 'KOR',
  },
  {
    key: 'GBR-HAGUE',
    delegation: 'GBR',
    familyName: { en: 'Hague', ja: 'ヘーグ' },
    givenName: { en: 'William', ja: 'ウィリアム' },
    title: { en: 'Foreign Secretary', ja: '外務大臣' },
    rank: 'foreign_minister',
    category: 'party',
    gender: 'male',
    nationality: 'GBR',
  },
  {
    key: 'HUN-MARTONYI',
    delegation: 'HUN',
    familyName: { en: 'Martonyi', ja: 'マルトニ' },
    givenName: { en: 'János', ja: 'ヤーノシュ' },
    title: { en: 'Minister of Foreign Affairs', ja: '外務大臣' },
    rank: 'foreign_minister',
    category: 'party',
    gender: 'male',
    nationality: 'HUN',
  },
  {
    key: 'AUS-BISHOP',
    delegation: 'AUS',
    familyName: { en: 'Bishop', ja: 'ビショップ' },
    givenName: { en: 'Julie', ja: 'ジュリー' },
    title: { en: 'Minister for Foreign Affairs', ja: '外務大臣' },
    rank: 'foreign_minister',
    category: 'party',
    gender: 'female',
    nationality: 'AUS',
  },
  {
    // The seed calls him マルティ, the name he is known by in Japanese government texts; here it
    // is his given name, Natalegawa his family name.
    key: 'IDN-NATALEGAWA',
    delegation: 'IDN',
    familyName: { en: 'Natalegawa', ja: 'ナタレガワ' },
    givenName: { en: 'Marty', ja: 'マルティ' },
    title: { en: 'Minister for Foreign Affairs', ja: '外務大臣' },
    rank: 'foreign_minister',
    category: 'party',
    gender: 'male',
    nationality: 'IDN',
  },
  {
    key: 'ITU-TOURE',
    delegation: 'ITU',
    familyName: { en: 'Touré', ja: 'トゥーレ' },
    givenName: { en: 'Hamadoun', ja: 'ハマドゥン' },
    title: { en: 'Secretary-General', ja: '事務総局長' },
    rank: 'head_of_io',
    category: 'igo',
    gender: 'male',
    nationality: 'MLI',
  },
  {
    key: 'RWA-MUSHIKIWABO',
    delegation: 'RWA',
    familyName: { en: 'Mushikiwabo', ja: 'ムシキワボ' },
    givenName: { en: 'Louise', ja: 'ルイーズ' },
    title: { en: 'Minister of Foreign Affairs and Cooperation', ja: '外務大臣' },
    rank: 'foreign_minister',
    category: 'party',
    gender: 'female',
    nationality: 'RWA',
  },
  {
    key: 'LKA-PEIRIS',
    delegation: 'LKA',
    familyName: { en: 'Peiris', ja: 'ピーリス' },
    givenName: { en: 'G. L.', ja: 'G・L' },
    title: { en: 'Minister of External Affairs', ja: '外務大臣' },
    rank: 'foreign_minister',
    category: 'party',
    gender: 'male',
    nationality: 'LKA',
  },
  {
    // The seed: ローゼンタール・オランダ特命全権大使 announced The Hague 2015 at the closing.
    key: 'NLD-ROSENTHAL',
    delegation: 'NLD',
    familyName: { en: 'Rosenthal', ja: 'ローゼンタール' },
    givenName: { en: 'Uri', ja: 'ウリ' },
    title: { en: 'Ambassador Extraordinary and Plenipotentiary', ja: '特命全権大使' },
    rank: 'ambassador',
    category: 'party',
    gender: 'male',
    nationality: 'NLD',
  },
  {
    key: 'USA-KERRY',
    delegation: 'USA',
    familyName: { en: 'Kerry', ja: 'ケリー' },
    givenName: { en: 'John', ja: 'ジョン' },
    title: { en: 'Secretary of State', ja: '国務長官' },
    rank: 'foreign_minister',
    category: 'party',
    gender: 'male',
    nationality: 'USA',
  },
  {
    key: 'UN-BAN',
    delegation: 'UN',
    familyName: { en: 'Ban', ja: 'パン' },
    givenName: { en: 'Ki-moon', ja: 'ギムン' },
    title: { en: 'Secretary-General', ja: '事務総長' },
    rank: 'head_of_io',
    category: 'igo',
    gender: 'male',
    nationality: 'KOR',
  },
];

/** Japan's delegation drew on six government bodies (seed, 1(2)). */
export const JAPAN_BODIES: ReadonlyArray<{ name: Localized; officials: number }> = [
  { name: { en: 'Cabinet Secretariat', ja: '内閣官房' }, officials: 3 },
  { name: { en: 'Ministry of Foreign Affairs', ja: '外務省' }, officials: 8 },
  {
    name: { en: 'Ministry of Internal Affairs and Communications', ja: '総務省' },
    officials: 4,
  },
  { name: { en: 'Ministry of Economy, Trade and Industry', ja: '経済産業省' }, officials: 3 },
  { name: { en: 'Ministry of Defense', ja: '防衛省' }, officials: 3 },
  { name: { en: 'National Police Agency', ja: '警察庁' }, officials: 2 },
];

const JAPAN_COMPOSITION: Localized = {
  en: 'Cabinet Secretariat, Ministry of Foreign Affairs, Ministry of Internal Affairs and Communications, Ministry of Economy, Trade and Industry, Ministry of Defense and National Police Agency',
  // The seed's own words (1(2)).
  ja: '内閣官房,外務省,総務省,経済産業省,防衛省及び警察庁',
};

// ---------------------------------------------------------------------------------------------
// Fictional people
// ---------------------------------------------------------------------------------------------

type Syllable = readonly [en: string, ja: string];
interface NameParts {
  family: readonly [ReadonlyArray<Syllable>, ReadonlyArray<Syllable>];
  given: readonly [ReadonlyArray<Syllable>, ReadonlyArray<Syllable>];
  /** How the two parts of a given name join in English ('Min-ho'). */
  givenJoin?: string;
}

/**
 * Syllables per region, each with its katakana (or, for Japan, kanji), so that a generated name
 * reads in both languages. Combinations are meant to sound plausible, not to be real names.
 */
// biome-ignore format: a table reads better a region to a line
const NAME_PARTS: Record<NameRegion, NameParts> = {
  japan: {
    family: [
      [['Aki', '秋'], ['Kita', '北'], ['Haru', '春'], ['Fuji', '藤'], ['Taka', '高'], ['Naka', '中'], ['Mizu', '水'], ['Hoshi', '星']],
      [['mori', '森'], ['kawa', '川'], ['no', '野'], ['hara', '原'], ['oka', '岡'], ['saki', '崎'], ['ta', '田'], ['shima', '島']],
    ],
    given: [
      [['Ken', '健'], ['Yu', '祐'], ['Shin', '真'], ['Mai', '舞'], ['Sa', '沙'], ['Hiro', '宏'], ['Nao', '直'], ['Kazu', '和']],
      [['ta', '太'], ['ichi', '一'], ['ko', '子'], ['ya', '也'], ['ki', '樹'], ['mi', '美'], ['to', '斗'], ['hei', '平']],
    ],
  },
  korea: {
    family: [
      [['Gwak', 'クァク'], ['Seo', 'ソ'], ['Bae', 'ペ'], ['Ryu', 'リュ'], ['Hwang', 'ファン'], ['Jeon', 'チョン'], ['Noh', 'ノ'], ['Han', 'ハン']],
      [['', '']],
    ],
    given: [
      [['Min', 'ミン'], ['Ji', 'ジ'], ['Seo', 'ソ'], ['Hyun', 'ヒョン'], ['Jae', 'ジェ'], ['Yeon', 'ヨン']],
      [['ho', 'ホ'], ['woo', 'ウ'], ['jin', 'ジン'], ['su', 'ス'], ['hee', 'ヒ'], ['won', 'ウォン']],
    ],
    givenJoin: '-',
  },
  china: {
    family: [
      [['Zhao', 'ジャオ'], ['Qian', 'チエン'], ['Sun', 'スン'], ['Zhou', 'ジョウ'], ['Wu', 'ウー'], ['Zheng', 'ジョン'], ['Feng', 'フォン'], ['He', 'ホー']],
      [['', '']],
    ],
    given: [
      [['Wei', 'ウェイ'], ['Ming', 'ミン'], ['Lan', 'ラン'], ['Jing', 'ジン'], ['Hao', 'ハオ'], ['Yun', 'ユン']],
      [['ping', 'ピン'], ['hua', 'ホア'], ['jie', 'ジエ'], ['lin', 'リン'], ['tao', 'タオ'], ['xin', 'シン']],
    ],
  },
  // Slavic given names are whole names: syllables made unfortunate words.
  slavic: {
    family: [
      [['Vol', 'ヴォル'], ['Kor', 'コル'], ['Pet', 'ペト'], ['Sok', 'ソク'], ['Bel', 'ベル'], ['Mir', 'ミル']],
      [['kov', 'コフ'], ['nov', 'ノフ'], ['sky', 'スキー'], ['chenko', 'チェンコ'], ['rin', 'リン'], ['dov', 'ドフ']],
    ],
    given: [
      [['Aleksei', 'アレクセイ'], ['Nikita', 'ニキータ'], ['Tatiana', 'タチアナ'], ['Olga', 'オルガ'], ['Sergei', 'セルゲイ'], ['Irina', 'イリナ'], ['Pavel', 'パーヴェル'], ['Elena', 'エレーナ']],
      [['', '']],
    ],
  },
  europe: {
    family: [
      [['Ber', 'ベル'], ['Han', 'ハン'], ['Vel', 'ヴェル'], ['Dor', 'ドル'], ['Mar', 'マル'], ['Lin', 'リン'], ['Tor', 'トル'], ['Kas', 'カス']],
      [['den', 'デン'], ['berg', 'ベルク'], ['mann', 'マン'], ['ford', 'フォード'], ['ton', 'トン'], ['ley', 'リー'], ['sen', 'セン'], ['wick', 'ウィック']],
    ],
    given: [
      [['A', 'ア'], ['E', 'エ'], ['Li', 'リ'], ['Ma', 'マ'], ['No', 'ノ'], ['Ro', 'ロ'], ['Te', 'テ'], ['Ja', 'ヤ']],
      [['lina', 'リナ'], ['ran', 'ラン'], ['mon', 'モン'], ['vin', 'ヴィン'], ['sa', 'サ'], ['del', 'デル']],
    ],
  },
  latin: {
    family: [
      [['Car', 'カル'], ['Mon', 'モン'], ['Sal', 'サル'], ['Val', 'バル'], ['Fer', 'フェル'], ['Del', 'デル'], ['Ro', 'ロ'], ['Ba', 'バ']],
      [['dero', 'デロ'], ['vado', 'バド'], ['lino', 'リーノ'], ['tales', 'タレス'], ['renza', 'レンサ'], ['nuri', 'ヌリ']],
    ],
    given: [
      [['Lu', 'ル'], ['Ma', 'マ'], ['Ra', 'ラ'], ['Is', 'イス'], ['Al', 'アル'], ['Jo', 'ホ']],
      [['cia', 'シア'], ['teo', 'テオ'], ['miro', 'ミロ'], ['bela', 'ベラ'], ['varo', 'バロ'], ['sefa', 'セファ']],
    ],
  },
  africa: {
    family: [
      [['Ka', 'カ'], ['Mu', 'ム'], ['Ne', 'ネ'], ['Ba', 'バ'], ['Ta', 'タ'], ['Wa', 'ワ'], ['Si', 'シ'], ['Ko', 'コ']],
      [['bera', 'ベラ'], ['lungo', 'ルンゴ'], ['tembe', 'テンベ'], ['gozi', 'ゴジ'], ['sanya', 'サニャ'], ['dake', 'ダケ']],
    ],
    given: [
      [['A', 'ア'], ['Ke', 'ケ'], ['Zu', 'ズ'], ['No', 'ノ'], ['Fa', 'ファ'], ['I', 'イ']],
      [['dama', 'ダマ'], ['nia', 'ニア'], ['lani', 'ラニ'], ['tou', 'トゥ'], ['simba', 'シンバ'], ['yo', 'ヨ']],
    ],
  },
  arabic: {
    family: [
      [['Al-Ha', 'アル・ハ'], ['Al-Sa', 'アル・サ'], ['Ka', 'カ'], ['Na', 'ナ'], ['Fa', 'ファ'], ['Ra', 'ラ']],
      [['midi', 'ミディ'], ['shar', 'シャル'], ['rani', 'ラニ'], ['bri', 'ブリ'], ['dawi', 'ダウィ'], ['liki', 'リキ']],
    ],
    given: [
      [['Ha', 'ハ'], ['Ka', 'カ'], ['La', 'ラ'], ['Sa', 'サ'], ['Ya', 'ヤ'], ['Ma', 'マ']],
      [['mir', 'ミル'], ['rim', 'リム'], ['yla', 'イラ'], ['sin', 'シン'], ['zan', 'ザン'], ['nar', 'ナル']],
    ],
  },
  south: {
    family: [
      [['Ra', 'ラ'], ['Va', 'ヴァ'], ['Pa', 'パ'], ['Su', 'ス'], ['De', 'デ'], ['Ku', 'ク']],
      [['mesh', 'メシュ'], ['nathan', 'ナタン'], ['tel', 'テル'], ['kar', 'カル'], ['sinha', 'シンハ'], ['lani', 'ラニ']],
    ],
    given: [
      [['A', 'ア'], ['Pri', 'プリ'], ['San', 'サン'], ['Vi', 'ヴィ'], ['Ra', 'ラ'], ['Di', 'ディ']],
      [['nav', 'ナヴ'], ['ya', 'ヤ'], ['jay', 'ジャイ'], ['tika', 'ティカ'], ['hul', 'フル'], ['sha', 'シャ']],
    ],
  },
  southeast: {
    family: [
      [['Su', 'ス'], ['Wi', 'ウィ'], ['Pra', 'プラ'], ['Sa', 'サ'], ['Tan', 'タン'], ['Ngu', 'グ']],
      [['tama', 'タマ'], ['jaya', 'ジャヤ'], ['wat', 'ワット'], ['nong', 'ノン'], ['lim', 'リム'], ['sari', 'サリ']],
    ],
    given: [
      [['A', 'ア'], ['Ri', 'リ'], ['Dew', 'デウ'], ['Bu', 'ブ'], ['Sit', 'シット'], ['Ma', 'マ']],
      [['di', 'ディ'], ['ni', 'ニ'], ['ra', 'ラ'], ['yu', 'ユ'], ['lin', 'リン'], ['wati', 'ワティ']],
    ],
  },
};

const REGIONS = Object.keys(NAME_PARTS) as NameRegion[];

function choose<T>(random: Random, items: ReadonlyArray<T>): T {
  return items[random.int(items.length)]!;
}

function between(random: Random, low: number, high: number): number {
  return low + random.int(high - low + 1);
}

function makeName(random: Random, region: NameRegion): { family: Localized; given: Localized } {
  const parts = NAME_PARTS[region];
  const [f1, f2] = [choose(random, parts.family[0]), choose(random, parts.family[1])];
  const [g1, g2] = [choose(random, parts.given[0]), choose(random, parts.given[1])];
  const join = parts.givenJoin ?? '';
  return {
    family: { en: f1[0] + f2[0], ja: f1[1] + f2[1] },
    given: { en: g1[0] + join + g2[0], ja: g1[1] + g2[1] },
  };
}

// Titles as words; ranks are set separately.
type Title = Localized;
const STATE_HEAD_TITLES: Partial<Record<Rank, Title[]>> = {
  minister: [
    { en: 'Minister of Information and Communication Technology', ja: '情報通信技術大臣' },
    { en: 'Minister for Communications', ja: '通信大臣' },
  ],
  vice_minister: [
    { en: 'Deputy Minister of Foreign Affairs', ja: '外務副大臣' },
    { en: 'Vice-Minister for Information and Communications', ja: '情報通信副大臣' },
  ],
  ambassador: [
    { en: 'Ambassador for Cyber Affairs', ja: 'サイバー担当大使' },
    { en: 'Ambassador to the Republic of Korea', ja: '駐韓国大使' },
  ],
};
const STATE_MEMBER_TITLES: Title[] = [
  { en: 'Director', ja: '局長' },
  { en: 'Deputy Director', ja: '次長' },
  { en: 'Counsellor', ja: '参事官' },
  { en: 'First Secretary', ja: '一等書記官' },
  { en: 'Second Secretary', ja: '二等書記官' },
  { en: 'Senior Adviser', ja: '上級顧問' },
  { en: 'Cyber Policy Officer', ja: 'サイバー政策担当官' },
];
const JAPAN_POSITIONS: Title[] = [
  { en: 'Deputy Director-General', ja: '審議官' },
  { en: 'Director', ja: '課長' },
  { en: 'Deputy Director', ja: '課長補佐' },
  { en: 'Official', ja: '事務官' },
];

interface KindProfile {
  category: RegistrationCategory;
  headRank: Rank;
  memberRank: Rank;
  headTitles: Title[];
  memberTitles: Title[];
  size: readonly [number, number];
}

const KIND_PROFILES: Partial<Record<OrganisationKind, KindProfile>> = {
  observer_state: {
    category: 'observer',
    headRank: 'ambassador',
    memberRank: 'observer',
    headTitles: [{ en: 'Apostolic Nuncio', ja: '教皇大使' }],
    memberTitles: [{ en: 'Counsellor of Nunciature', ja: '教皇庁大使館参事官' }],
    size: [2, 2],
  },
  international_organisation: {
    category: 'igo',
    headRank: 'ambassador',
    memberRank: 'delegate',
    headTitles: [
      { en: 'Director', ja: '局長' },
      { en: 'Head of Cybersecurity Programme', ja: 'サイバーセキュリティ・プログラム長' },
    ],
    memberTitles: [
      { en: 'Programme Officer', ja: 'プログラム・オフィサー' },
      { en: 'Senior Policy Adviser', ja: '上級政策顧問' },
      { en: 'Legal Officer', ja: '法務官' },
    ],
    size: [2, 8],
  },
  private_sector: {
    category: 'ngo',
    headRank: 'delegate',
    memberRank: 'observer',
    headTitles: [
      { en: 'Chief Executive Officer', ja: '最高経営責任者' },
      { en: 'Chief Security Officer', ja: '最高セキュリティ責任者' },
    ],
    memberTitles: [
      { en: 'Security Researcher', ja: 'セキュリティ研究員' },
      { en: 'Head of Public Policy', ja: '公共政策部長' },
    ],
    size: [1, 5],
  },
  academia: {
    category: 'ngo',
    headRank: 'delegate',
    memberRank: 'observer',
    headTitles: [{ en: 'Professor', ja: '教授' }],
    memberTitles: [
      { en: 'Research Fellow', ja: '研究員' },
      { en: 'Associate Professor', ja: '准教授' },
    ],
    size: [1, 5],
  },
  civil_society: {
    category: 'ngo',
    headRank: 'delegate',
    memberRank: 'observer',
    headTitles: [{ en: 'Executive Director', ja: '事務局長' }],
    memberTitles: [
      { en: 'Policy Officer', ja: '政策担当' },
      { en: 'Programme Coordinator', ja: 'プログラム・コーディネーター' },
    ],
    size: [1, 5],
  },
  media: {
    category: 'media',
    headRank: 'delegate',
    memberRank: 'observer',
    headTitles: [{ en: 'Bureau Chief', ja: '支局長' }],
    memberTitles: [
      { en: 'Correspondent', ja: '特派員' },
      { en: 'Photographer', ja: 'カメラマン' },
    ],
    size: [1, 4],
  },
  host: {
    category: 'host',
    headRank: 'ambassador',
    memberRank: 'delegate',
    headTitles: [{ en: 'Director-General, Conference Preparatory Office', ja: '会議準備企画団長' }],
    memberTitles: [
      { en: 'Protocol Officer', ja: '儀典担当官' },
      { en: 'Liaison Officer', ja: '連絡調整官' },
      { en: 'Logistics Officer', ja: '運営担当官' },
    ],
    size: [45, 45],
  },
  secretariat: {
    category: 'secretariat',
    headRank: 'ambassador',
    memberRank: 'delegate',
    headTitles: [{ en: 'Head of the Conference Secretariat', ja: '会議事務局長' }],
    memberTitles: [
      { en: 'Accreditation Officer', ja: '登録担当官' },
      { en: 'Documents Officer', ja: '文書担当官' },
      { en: 'Conference Officer', ja: '会議担当官' },
    ],
    size: [25, 25],
  },
};

const REJECTION_REASONS = [
  'Letter of credentials missing: please upload a note verbale signed by the sending authority.',
  'Photo does not meet the requirements (colour, plain background).',
  'Duplicate nomination: this person is already nominated in another delegation.',
  'Passport number does not match the attached copy.',
];

/**
 * Seoul 2013 reported about 1,600 participants: the approved participants number exactly
 * 1,600, and a queue of pending and rejected nominations comes on top.
 */
const APPROVED_TARGET = 1600;
const NOMINATED_COUNT = 40;
const REJECTED_COUNT = 6;
/** Delegations whose demo focal points should find pending nominations of their own. */
const FOCAL_DELEGATIONS = ['JPN', 'KOR', 'GBR', 'AUS'];

function isoAt(random: Random, fromIso: string, days: number): string {
  const from = Date.parse(fromIso);
  const offset = random.int(days * 24 * 60) * 60_000;
  return new Date(from + offset).toISOString();
}

const rankIndex = (rank: Rank): number => RANKS.indexOf(rank);

interface Plan {
  code: string;
  kind: OrganisationKind;
  region: NameRegion;
  size: number;
  iso3: string | null;
}

function buildPeople(organisations: DemoOrganisation[]): {
  participants: DemoParticipant[];
  delegations: DemoDelegation[];
} {
  const random = createRandom(20131017);
  const regionOf = new Map<string, NameRegion>([...STATES, ...OBSERVER_STATES]);

  // 1. Plan delegation sizes.
  const plans: Plan[] = organisations.map((org) => {
    let size: number;
    if (org.kind === 'state') {
      if (org.code === 'KOR') size = 60;
      else if (org.code === 'JPN') size = 1 + JAPAN_BODIES.reduce((n, b) => n + b.officials, 0);
      else if (LARGE_STATES.has(org.code)) size = between(random, 20, 40);
      else size = between(random, 3, 10);
    } else {
      const [low, high] = KIND_PROFILES[org.kind]!.size;
      size = between(random, low, high);
    }
    // The host's and the secretariat's staff are Korean.
    const region =
      org.kind === 'host' || org.kind === 'secretariat'
        ? 'korea'
        : (regionOf.get(org.code) ?? REGIONS[random.int(REGIONS.length)]!);
    return { code: org.code, kind: org.kind, region, size, iso3: org.iso3 };
  });
  // 2. Fit the total to the reported scale by growing or shrinking large states within 20-60.
  const target = APPROVED_TARGET + NOMINATED_COUNT + REJECTED_COUNT;
  const adjustable = plans.filter(
    (p) => LARGE_STATES.has(p.code) && p.code !== 'KOR' && p.code !== 'JPN',
  );
  let total = plans.reduce((n, p) => n + p.size, 0);
  for (let i = 0; total !== target; i++) {
    const plan = adjustable[i % adjustable.length]!;
    if (total < target && plan.size < 60) {
      plan.size++;
      total++;
    } else if (total > target && plan.size > 20) {
      plan.size--;
      total--;
    }
  }

  // 3. People, head first in each delegation.
  const participants: DemoParticipant[] = [];
  const delegations: DemoDelegation[] = [];
  for (const plan of plans) {
    const named = NAMED_PEOPLE.filter((p) => p.delegation === plan.code);
    const members: DemoParticipant[] = named.map((p) => ({
      key: p.key,
      edition: DEMO_EDITION_CODE,
      delegation: p.delegation,
      familyName: p.familyName,
      givenName: p.givenName,
      title: p.title,
      rank: p.rank,
      category: p.category,
      email: null,
      gender: p.gender,
      nationality: p.nationality,
      dateOfBirth: null,
      passportNumber: null,
      status: 'approved',
      decisionReason: null,
      nominatedAt: '2013-09-02T01:00:00.000Z',
      decidedAt: '2013-09-03T01:00:00.000Z',
      consentToPublish: true,
      fictional: false,
    }));
    const japaneseTitles =
      plan.code === 'JPN'
        ? JAPAN_BODIES.flatMap((body) =>
            Array.from({ length: body.officials }, (_, i) => {
              const position = JAPAN_POSITIONS[Math.min(i, JAPAN_POSITIONS.length - 1)]!;
              return {
                en: `${position.en}, ${body.name.en}`,
                ja: `${body.name.ja}${position.ja}`,
              };
            }),
          )
        : [];
    let serial = 0;
    while (members.length < plan.size) {
      serial++;
      const isHead = members.length === 0;
      const topRank = members.reduce<Rank | null>(
        (top, p) => (top === null || rankIndex(p.rank) < rankIndex(top) ? p.rank : top),
        null,
      );
      const { rank, title, category } = fictionalRole(
        random,
        plan,
        topRank,
        serial,
        japaneseTitles,
      );
      const name = makeName(random, plan.region);
      const withPersonalData = random.next() < 0.35;
      const nominatedAt = isoAt(
        random,
        isHead ? '2013-08-19T00:00:00Z' : '2013-08-26T00:00:00Z',
        35,
      );
      members.push({
        key: `${plan.code}-${String(serial).padStart(3, '0')}`,
        edition: DEMO_EDITION_CODE,
        delegation: plan.code,
        familyName: name.family,
        givenName: name.given,
        title,
        rank,
        category,
        email: `${emailPart(name.given.en!)}.${emailPart(name.family.en!)}@example.org`,
        gender: null,
        nationality: plan.iso3,
        dateOfBirth: withPersonalData
          ? `${between(random, 1952, 1990)}-${pad2(between(random, 1, 12))}-${pad2(between(random, 1, 28))}`
          : null,
        passportNumber: withPersonalData
          ? `XX${String(random.int(10_000_000)).padStart(7, '0')}`
          : null,
        status: 'approved',
        decisionReason: null,
        nominatedAt,
        decidedAt: new Date(
          Date.parse(nominatedAt) + between(random, 1, 4) * 86_400_000,
        ).toISOString(),
        consentToPublish: random.next() < 0.85,
        fictional: true,
      });
    }
    // The head is the highest-ranked member; ties go to the one listed first.
    const head = members.reduce((best, p) => (rankIndex(p.rank) < rankIndex(best.rank) ? p : best));
    delegations.push({
      edition: DEMO_EDITION_CODE,
      code: plan.code,
      head: head.key,
      composition: plan.code === 'JPN' ? JAPAN_COMPOSITION : {},
      reopenedUntil: null,
    });
    participants.push(head, ...members.filter((p) => p !== head));
  }

  // 4. Work for the secretariat's queue: pending and rejected nominations, never of a head or
  // of a person the seed names. Each demo focal point finds two of its own pending.
  const heads = new Set(delegations.map((d) => d.head));
  const candidates = participants.filter((p) => p.fictional && !heads.has(p.key));
  const pending = new Set<DemoParticipant>();
  for (const code of FOCAL_DELEGATIONS) {
    const own = candidates.filter((p) => p.delegation === code);
    for (const p of own.slice(-2)) pending.add(p);
  }
  while (pending.size < NOMINATED_COUNT) pending.add(choose(random, candidates));
  const rejected = new Set<DemoParticipant>();
  while (rejected.size < REJECTED_COUNT) {
    const p = choose(random, candidates);
    if (!pending.has(p)) rejected.add(p);
  }
  for (const p of pending) {
    p.status = 'nominated';
    p.decidedAt = null;
    p.nominatedAt = isoAt(random, '2013-10-01T00:00:00Z', 10);
  }
  let reason = 0;
  for (const p of rejected) {
    p.status = 'rejected';
    p.decisionReason = REJECTION_REASONS[reason++ % REJECTION_REASONS.length]!;
  }
  return { participants, delegations };
}

function fictionalRole(
  random: Random,
  plan: Plan,
  /** The highest rank in the delegation so far; null while it has no one (this is its head). */
  topRank: Rank | null,
  serial: number,
  japaneseTitles: Title[],
): { rank: Rank; title: Localized; category: RegistrationCategory } {
  const isHead = topRank === null;
  if (plan.kind === 'state') {
    if (plan.code === 'JPN') {
      return { rank: 'delegate', title: japaneseTitles[serial - 1]!, category: 'party' };
    }
    if (isHead) {
      const ranks: Rank[] = LARGE_STATES.has(plan.code)
        ? ['minister', 'vice_minister', 'ambassador']
        : ['vice_minister', 'ambassador', 'ambassador'];
      const rank = choose(random, ranks);
      return { rank, title: choose(random, STATE_HEAD_TITLES[rank]!), category: 'party' };
    }
    // Below the head: an ambassador now and then if the head outranks one, else delegates.
    const rank: Rank =
      rankIndex(topRank!) < rankIndex('ambassador') && random.next() < 0.08
        ? 'ambassador'
        : 'delegate';
    const title =
      rank === 'ambassador'
        ? STATE_HEAD_TITLES.ambassador![0]!
        : choose(random, STATE_MEMBER_TITLES);
    // Large delegations spill over their party quota.
    const category: RegistrationCategory =
      plan.size > 25 && serial > 20 && random.next() < 0.35 ? 'party_overflow' : 'party';
    return { rank, title, category };
  }
  const profile = KIND_PROFILES[plan.kind]!;
  if (isHead) {
    return {
      rank: profile.headRank,
      title: choose(random, profile.headTitles),
      category: profile.category,
    };
  }
  // The host's volunteers wear temporary passes.
  if (plan.kind === 'host' && random.next() < 0.2) {
    return {
      rank: profile.memberRank,
      title: { en: 'Volunteer', ja: 'ボランティア' },
      category: 'temporary',
    };
  }
  return {
    rank: profile.memberRank,
    title: choose(random, profile.memberTitles),
    category: profile.category,
  };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function emailPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z-]/g, '')
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Demo users (the server prints these sign-ins when it starts with the demo)
// ---------------------------------------------------------------------------------------------

const USERS: DemoUser[] = [
  {
    email: 'secretariat@plenary.example',
    password: 'seoul-2013-secretariat',
    displayName: 'Seoul Conference Secretariat (demo)',
    role: 'secretariat',
    delegation: null,
    participant: null,
  },
  ...(
    [
      ['JPN', 'jpn', 'seoul-2013-japan', 'Japan'],
      ['KOR', 'kor', 'seoul-2013-korea', 'Republic of Korea'],
      ['GBR', 'gbr', 'seoul-2013-britain', 'United Kingdom'],
      ['AUS', 'aus', 'seoul-2013-australia', 'Australia'],
    ] as const
  ).map(
    ([delegation, local, password, label]): DemoUser => ({
      email: `focal.${local}@plenary.example`,
      password,
      displayName: `Focal point, ${label} (demo)`,
      role: 'focal_point',
      delegation,
      participant: null,
    }),
  ),
  {
    email: 'mitsuya@plenary.example',
    password: 'seoul-2013-mitsuya',
    displayName: 'MITSUYA Norio (demo)',
    role: 'participant',
    delegation: null,
    participant: 'JPN-MITSUYA',
  },
];

export const DEMO_SIGN_INS: ReadonlyArray<{
  email: string;
  password: string;
  role: Role;
  delegation?: string;
}> = USERS.map((u) => ({
  email: u.email,
  password: u.password,
  role: u.role,
  ...(u.delegation ? { delegation: u.delegation } : {}),
}));

export function buildDemo(): DemoData {
  const organisations = buildOrganisations();
  const { participants, delegations } = buildPeople(organisations);
  // A deep copy, so that a caller changing its records cannot change the next build.
  return structuredClone({
    series: SERIES,
    editions: EDITIONS,
    categories: CATEGORIES,
    organisations,
    delegations,
    participants,
    users: USERS,
  });
}
