/**
 * Programmes for the export tests: Seoul 2013 (Asia/Seoul, no DST) and a London weekend across
 * the end of British Summer Time (Europe/London, 27 October 2024: 02:00 BST became 01:00 GMT).
 */
import type { SessionKind } from '../../../db/schema.js';
import type { ProgrammeView, RoomView, SessionPerson, SessionView } from '../programme.view.js';

const uuid = (series: number, n: number) =>
  `00000000-0000-4000-8000-${String(series).padStart(4, '0')}${String(n).padStart(8, '0')}`;

function aRoom(
  n: number,
  code: string,
  name: RoomView['name'],
  capacity: number,
  kind = 'hall',
): RoomView {
  return { id: uuid(1, n), code, name, capacity, building: 'COEX', kind };
}

interface PersonSpec {
  id: string;
  name: SessionPerson['name'];
  title: string;
  organisation: SessionPerson['organisation'];
  delegationCode: string;
}

const people = {
  yun: {
    id: uuid(2, 1),
    name: { en: 'Yun Byung-se', ja: '尹炳世', ko: '윤병세' },
    title: 'Minister of Foreign Affairs',
    organisation: { en: 'Republic of Korea', ja: '大韓民国' },
    delegationCode: 'KOR',
  },
  ban: {
    id: uuid(2, 2),
    name: { en: 'Ban Ki-moon', ja: '潘基文' },
    title: 'Secretary-General',
    organisation: { en: 'United Nations', ja: '国際連合' },
    delegationCode: 'UN',
  },
  kerry: {
    id: uuid(2, 3),
    name: { en: 'John Kerry', ja: 'ジョン・ケリー' },
    title: 'Secretary of State',
    organisation: { en: 'United States', ja: '米国' },
    delegationCode: 'USA',
  },
  mitsuya: {
    id: uuid(2, 4),
    name: { en: 'Norio Mitsuya', ja: '三ツ矢 憲生' },
    title: 'Parliamentary Vice-Minister for Foreign Affairs',
    organisation: { en: 'Japan', ja: '日本' },
    delegationCode: 'JPN',
  },
  bildt: {
    id: uuid(2, 5),
    name: { en: 'Carl Bildt' },
    title: 'Minister for Foreign Affairs',
    organisation: { en: 'Sweden', ja: 'スウェーデン' },
    delegationCode: 'SWE',
  },
  kroes: {
    id: uuid(2, 6),
    name: { en: 'Neelie Kroes' },
    title: 'Vice-President',
    organisation: { en: 'European Commission', ja: '欧州委員会' },
    delegationCode: 'EU',
  },
} satisfies Record<string, PersonSpec>;

export const seoulPeople = people;

function as(
  person: PersonSpec,
  role: SessionPerson['role'],
  attendance: SessionPerson['attendance'] = 'present',
): SessionPerson {
  return {
    participantId: person.id,
    name: person.name,
    title: { en: person.title },
    organisation: person.organisation,
    delegationCode: person.delegationCode,
    role,
    attendance,
    mediaUrl: attendance === 'video_message' ? `https://media.example.org/${person.id}.mp4` : null,
  };
}

interface SessionSpec {
  n: number;
  code: string;
  kind: SessionKind;
  title: SessionView['title'];
  theme?: SessionView['theme'];
  room: RoomView;
  startsAt: string;
  endsAt: string;
  people?: SessionPerson[];
  status?: SessionView['status'];
  languages?: string[];
  version?: number;
  updatedAt?: string;
}

function aSession(series: number, spec: SessionSpec): SessionView {
  return {
    id: uuid(series, spec.n),
    code: spec.code,
    kind: spec.kind,
    title: spec.title,
    theme: spec.theme ?? {},
    description: { en: `About ${spec.title.en ?? spec.code}.` },
    roomId: spec.room.id,
    roomCode: spec.room.code,
    roomName: spec.room.name,
    startsAt: new Date(spec.startsAt).toISOString(),
    endsAt: new Date(spec.endsAt).toISOString(),
    languages: spec.languages ?? ['ko', 'en'],
    status: spec.status ?? 'published',
    people: spec.people ?? [],
    updatedAt: spec.updatedAt ?? '2013-10-10T03:00:00.000Z',
    version: spec.version ?? 1,
  };
}

/** The title with characters that XML, CSV and iCalendar must all escape. */
export const AWKWARD_TITLE = 'Cyber security: "trust" & <confidence-building>, step 1; =risk?';

export function seoul2013(): ProgrammeView {
  const auditorium = aRoom(1, 'AUD', { en: 'COEX Auditorium', ja: 'COEXオーディトリアム' }, 1000);
  const ballroom = aRoom(2, 'GBR', { en: 'Grand Ballroom', ja: 'グランドボールルーム' }, 800);
  const room300 = aRoom(
    3,
    'R300',
    { en: 'Conference Room 300', ja: '会議室300' },
    300,
    'meeting_room',
  );
  const room301 = aRoom(4, 'R301', { en: 'Conference Room 301' }, 120, 'meeting_room');
  const session = (spec: SessionSpec) => aSession(3, spec);
  const panel = (
    n: number,
    code: string,
    theme: { en: string; ja: string },
    room: RoomView,
    day: string,
    title?: string,
  ) =>
    session({
      n,
      code,
      kind: 'panel',
      title: { en: title ?? `Panel: ${theme.en}`, ja: `パネル：${theme.ja}` },
      theme,
      room,
      // Thursday's panels follow the plenaries; Friday's run after lunch.
      startsAt: `${day}T${day === '2013-10-17' ? '16:00' : '14:00'}:00+09:00`,
      endsAt: `${day}T${day === '2013-10-17' ? '17:30' : '15:30'}:00+09:00`,
      people: [as(people.kroes, 'moderator'), as(people.bildt, 'panellist')],
    });
  return {
    edition: {
      slug: 'seoul-2013',
      name: { en: 'Seoul Conference on Cyberspace 2013', ja: 'サイバー空間に関するソウル会議2013' },
      acronym: 'seoul-2013',
      city: { en: 'Seoul', ja: 'ソウル' },
      venue: { en: 'COEX', ja: 'COEX' },
      timeZone: 'Asia/Seoul',
      startDate: '2013-10-17',
      endDate: '2013-10-18',
      baseUrl: 'http://localhost:3000',
    },
    rooms: [auditorium, ballroom, room300, room301],
    sessions: [
      session({
        n: 1,
        code: 'opening',
        kind: 'opening',
        title: { en: 'Opening ceremony', ja: '開会式' },
        room: auditorium,
        startsAt: '2013-10-17T09:00:00+09:00',
        endsAt: '2013-10-17T10:00:00+09:00',
        people: [
          as(people.yun, 'chair'),
          as(people.ban, 'speaker', 'video_message'),
          as(people.kerry, 'speaker', 'video_message'),
        ],
        version: 3,
        updatedAt: '2013-10-15T08:30:00.000Z',
      }),
      session({
        n: 2,
        code: 'plenary-1',
        kind: 'plenary',
        title: {
          en: 'Plenary 1: An open and secure cyberspace',
          ja: '全体会合1：開かれた安全なサイバー空間',
        },
        room: auditorium,
        startsAt: '2013-10-17T10:30:00+09:00',
        endsAt: '2013-10-17T12:00:00+09:00',
        people: [
          as(people.yun, 'chair'),
          as(people.bildt, 'speaker'),
          as(people.mitsuya, 'speaker'),
        ],
      }),
      session({
        n: 3,
        code: 'plenary-2',
        kind: 'plenary',
        title: {
          en: 'Plenary 2: Economic growth and development',
          ja: '全体会合2：経済成長と開発',
        },
        room: auditorium,
        startsAt: '2013-10-17T14:00:00+09:00',
        endsAt: '2013-10-17T15:30:00+09:00',
        people: [as(people.yun, 'chair'), as(people.kroes, 'speaker', 'live_link')],
      }),
      panel(
        11,
        'panel-economic-growth',
        { en: 'Economic growth and development', ja: '経済成長と開発' },
        ballroom,
        '2013-10-17',
      ),
      panel(
        12,
        'panel-social-cultural',
        { en: 'Social and cultural benefits', ja: '社会的・文化的便益' },
        room300,
        '2013-10-17',
      ),
      panel(
        14,
        'panel-cyber-security',
        { en: 'Cyber security', ja: 'サイバーセキュリティ' },
        room301,
        '2013-10-17',
        AWKWARD_TITLE,
      ),
      session({
        n: 4,
        code: 'plenary-3',
        kind: 'plenary',
        title: { en: 'Plenary 3: International security', ja: '全体会合3：国際安全保障' },
        room: auditorium,
        startsAt: '2013-10-18T09:00:00+09:00',
        endsAt: '2013-10-18T10:30:00+09:00',
        people: [as(people.yun, 'chair')],
      }),
      session({
        n: 5,
        code: 'plenary-4',
        kind: 'plenary',
        title: { en: 'Plenary 4: Capacity building' },
        room: auditorium,
        startsAt: '2013-10-18T11:00:00+09:00',
        endsAt: '2013-10-18T12:30:00+09:00',
        people: [as(people.yun, 'chair'), as(people.mitsuya, 'speaker')],
      }),
      panel(
        15,
        'panel-international-security',
        { en: 'International security', ja: '国際安全保障' },
        ballroom,
        '2013-10-18',
      ),
      panel(
        17,
        'panel-cybercrime',
        { en: 'Cybercrime', ja: 'サイバー犯罪' },
        room300,
        '2013-10-18',
      ),
      panel(
        19,
        'panel-capacity-building',
        { en: 'Capacity building', ja: '能力構築' },
        room301,
        '2013-10-18',
      ),
      session({
        n: 6,
        code: 'closing',
        kind: 'closing',
        title: { en: 'Closing: Seoul Framework & commitment', ja: '閉会：ソウル・フレームワーク' },
        room: auditorium,
        startsAt: '2013-10-18T16:30:00+09:00',
        endsAt: '2013-10-18T17:30:00+09:00',
        people: [as(people.yun, 'chair')],
      }),
      session({
        n: 7,
        code: 'side-event-youth',
        kind: 'side_event',
        title: { en: 'Youth forum', ja: 'ユースフォーラム' },
        room: room300,
        startsAt: '2013-10-18T18:00:00+09:00',
        endsAt: '2013-10-18T19:00:00+09:00',
        people: [as(people.mitsuya, 'speaker')],
        status: 'cancelled',
        version: 2,
      }),
      session({
        n: 8,
        code: 'side-event-draft',
        kind: 'side_event',
        title: { en: 'Not yet announced' },
        room: room301,
        startsAt: '2013-10-18T18:00:00+09:00',
        endsAt: '2013-10-18T19:00:00+09:00',
        people: [as(people.mitsuya, 'speaker')],
        status: 'draft',
      }),
    ],
  };
}

/**
 * London, the weekend British Summer Time ended: on Sunday 27 October 2024 the clocks went
 * from 02:00 BST (+01:00) back to 01:00 GMT (+00:00), so 01:00-02:00 happened twice.
 * Monday 28 October has no session.
 */
export function londonDst2024(): ProgrammeView {
  const hall = aRoom(11, 'CHURCHILL', { en: 'Churchill Auditorium' }, 700);
  const session = (spec: SessionSpec) => aSession(4, { languages: ['en'], ...spec });
  return {
    edition: {
      slug: 'london-2024',
      name: { en: 'London Cyber Weekend 2024' },
      acronym: 'london-2024',
      city: { en: 'London' },
      venue: { en: 'QEII Centre' },
      timeZone: 'Europe/London',
      startDate: '2024-10-26',
      endDate: '2024-10-28',
      baseUrl: 'https://plenary.example.org/',
    },
    rooms: [hall],
    sessions: [
      session({
        n: 1,
        code: 'saturday-morning',
        kind: 'plenary',
        title: { en: 'Saturday morning' },
        room: hall,
        startsAt: '2024-10-26T09:00:00+01:00',
        endsAt: '2024-10-26T10:00:00+01:00',
      }),
      session({
        // 00:30 BST to 01:30 GMT: two hours, across the change; ends in the repeated hour.
        n: 2,
        code: 'night-watch',
        kind: 'side_event',
        title: { en: 'Night watch' },
        room: hall,
        startsAt: '2024-10-27T00:30:00+01:00',
        endsAt: '2024-10-27T01:30:00+00:00',
      }),
      session({
        n: 3,
        code: 'sunday-morning',
        kind: 'plenary',
        title: { en: 'Sunday morning' },
        room: hall,
        startsAt: '2024-10-27T09:00:00+00:00',
        endsAt: '2024-10-27T10:30:00+00:00',
      }),
    ],
  };
}

/** UTC instants as the tests expect them, written out by hand rather than computed. */
export const LONDON_INSTANTS = {
  'saturday-morning': ['2024-10-26T08:00:00.000Z', '2024-10-26T09:00:00.000Z'],
  'night-watch': ['2024-10-26T23:30:00.000Z', '2024-10-27T01:30:00.000Z'],
  'sunday-morning': ['2024-10-27T09:00:00.000Z', '2024-10-27T10:30:00.000Z'],
} as const;
