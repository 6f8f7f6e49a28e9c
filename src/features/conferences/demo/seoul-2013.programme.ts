/**
 * The programme of the Seoul 2013 demo: an opening, four plenary sessions, panels on six themes
 * and a closing (the seed: 4つの全体会合及び6つのテーマからなるパネルディスカッション). The seed names
 * one plenary (「国境を越えた協力の強化」, where Japan spoke), the opening chaired by Yun Byung-se,
 * the video messages of Ban Ki-moon and John Kerry, and the closing where the chair read his
 * statement and the Netherlands announced The Hague 2015. Other titles, rooms and times are
 * illustrative, written in the manner of the series' programmes.
 */
import type {
  AttendanceMode,
  Localized,
  RoomKind,
  SessionKind,
  SessionRole,
} from '../../../db/schema.js';

export interface DemoRoom {
  code: string;
  name: Localized;
  kind: RoomKind;
  capacity: number;
  building: string;
  zone: string;
}

export interface DemoSession {
  code: string;
  kind: SessionKind;
  title: Localized;
  theme: Localized;
  room: string;
  /** Local time in Asia/Seoul (UTC+9, no DST in 2013). */
  day: 17 | 18;
  start: string;
  end: string;
  languages: string[];
  people: {
    participant: string;
    role: SessionRole;
    attendance?: AttendanceMode;
    mediaUrl?: string;
  }[];
}

export const DEMO_ROOMS: DemoRoom[] = [
  {
    code: 'auditorium',
    name: { en: 'COEX Auditorium', ja: 'COEXオーディトリアム' },
    kind: 'hall',
    capacity: 1800,
    building: 'COEX',
    zone: 'COEX-1F',
  },
  {
    code: 'hall-e1',
    name: { en: 'Hall E1', ja: 'ホールE1' },
    kind: 'meeting_room',
    capacity: 400,
    building: 'COEX',
    zone: 'COEX-3F',
  },
  {
    code: 'hall-e2',
    name: { en: 'Hall E2', ja: 'ホールE2' },
    kind: 'meeting_room',
    capacity: 400,
    building: 'COEX',
    zone: 'COEX-3F',
  },
  {
    code: 'room-300',
    name: { en: 'Room 300', ja: '300号室' },
    kind: 'meeting_room',
    capacity: 150,
    building: 'COEX',
    zone: 'COEX-3F',
  },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({
    code: `booth-${n}`,
    name: { en: `Bilateral booth ${n}`, ja: `二国間会談ブース${n}` },
    kind: 'bilateral_booth' as const,
    capacity: 10,
    building: 'COEX',
    zone: n <= 3 ? 'COEX-3F' : 'COEX-4F',
  })),
];

const THEMES: [string, Localized][] = [
  ['economic-growth', { en: 'Economic growth and development', ja: '経済成長と発展' }],
  ['social-benefits', { en: 'Social and cultural benefits', ja: '社会的・文化的便益' }],
  ['cybersecurity', { en: 'Cybersecurity', ja: 'サイバーセキュリティ' }],
  ['international-security', { en: 'International security', ja: '国際安全保障' }],
  ['cybercrime', { en: 'Cybercrime', ja: 'サイバー犯罪' }],
  ['capacity-building', { en: 'Capacity building', ja: '能力構築' }],
];

export const DEMO_SESSIONS: DemoSession[] = [
  {
    code: 'opening',
    kind: 'opening',
    title: { en: 'Opening session', ja: '開会セッション' },
    theme: {
      en: 'Global Prosperity through an Open and Secure Cyberspace',
      ja: 'オープンで安全なサイバー空間を通じた世界的繁栄',
    },
    room: 'auditorium',
    day: 17,
    start: '09:30',
    end: '11:00',
    languages: ['ko', 'en'],
    people: [
      { participant: 'KOR-YUN', role: 'chair' },
      { participant: 'KOR-PARK', role: 'speaker' },
      { participant: 'GBR-HAGUE', role: 'speaker' },
      {
        participant: 'UN-BAN',
        role: 'speaker',
        attendance: 'video_message',
        mediaUrl: 'https://video.example.org/seoul-2013/un-secretary-general',
      },
      {
        participant: 'USA-KERRY',
        role: 'speaker',
        attendance: 'video_message',
        mediaUrl: 'https://video.example.org/seoul-2013/us-secretary-of-state',
      },
    ],
  },
  {
    code: 'plenary-1',
    kind: 'plenary',
    title: {
      en: 'Plenary 1: Cyberspace for economic growth & development',
      ja: '全体会合1：経済成長と発展のためのサイバー空間',
    },
    theme: THEMES[0]![1],
    room: 'auditorium',
    day: 17,
    start: '11:15',
    end: '12:45',
    languages: ['ko', 'en'],
    people: [
      { participant: 'KOR-YUN', role: 'chair' },
      { participant: 'HUN-MARTONYI', role: 'speaker' },
      { participant: 'ITU-TOURE', role: 'speaker' },
    ],
  },
  {
    code: 'plenary-2',
    kind: 'plenary',
    title: {
      en: 'Plenary 2: Strengthening cross-border cooperation',
      ja: '全体会合2：国境を越えた協力の強化',
    },
    theme: { en: 'Cross-border cooperation', ja: '国境を越えた協力' },
    room: 'auditorium',
    day: 17,
    start: '14:00',
    end: '15:30',
    languages: ['ko', 'en'],
    people: [
      { participant: 'GBR-HAGUE', role: 'chair' },
      { participant: 'JPN-MITSUYA', role: 'speaker' },
      { participant: 'AUS-BISHOP', role: 'speaker' },
      { participant: 'IDN-NATALEGAWA', role: 'speaker' },
    ],
  },
  {
    code: 'plenary-3',
    kind: 'plenary',
    title: {
      en: 'Plenary 3: Capacity building and the digital divide',
      ja: '全体会合3：能力構築と情報格差',
    },
    theme: THEMES[5]![1],
    room: 'auditorium',
    day: 18,
    start: '09:30',
    end: '11:00',
    languages: ['ko', 'en'],
    people: [
      { participant: 'RWA-MUSHIKIWABO', role: 'speaker' },
      { participant: 'LKA-PEIRIS', role: 'speaker' },
    ],
  },
  {
    code: 'plenary-4',
    kind: 'plenary',
    title: {
      en: 'Plenary 4: International security and norms of state behaviour',
      ja: '全体会合4：国際安全保障と国家の行動規範',
    },
    theme: THEMES[3]![1],
    room: 'auditorium',
    day: 18,
    start: '11:15',
    end: '12:45',
    languages: ['ko', 'en'],
    people: [],
  },
  ...THEMES.map(
    ([code, theme], i): DemoSession => ({
      code: `panel-${code}`,
      kind: 'panel',
      title: { en: `Panel: ${theme.en}`, ja: `パネル：${theme.ja}` },
      theme,
      room: i % 2 === 0 ? 'hall-e1' : 'hall-e2',
      day: i < 4 ? 17 : 18,
      start: i < 2 ? '16:00' : i < 4 ? '17:30' : '14:00',
      end: i < 2 ? '17:15' : i < 4 ? '18:45' : '15:30',
      languages: ['en'],
      people: [],
    }),
  ),
  {
    code: 'closing',
    kind: 'closing',
    title: { en: 'Closing session', ja: 'クロージング・セッション' },
    theme: { en: "Chair's statement and the Seoul Framework", ja: '議長声明及びソウル枠組み' },
    room: 'auditorium',
    day: 18,
    start: '16:00',
    end: '17:00',
    languages: ['ko', 'en'],
    people: [
      { participant: 'KOR-YUN', role: 'chair' },
      { participant: 'NLD-ROSENTHAL', role: 'speaker' },
    ],
  },
];

/** A local Seoul time of the demo as an instant (Seoul kept UTC+9 all of 2013). */
export function seoulInstant(day: number, time: string): Date {
  return new Date(`2013-10-${String(day).padStart(2, '0')}T${time}:00+09:00`);
}
