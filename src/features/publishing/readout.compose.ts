/**
 * A delegation's readout of a conference, composed from Plenary's records: pure functions of
 * plain data (ReadoutFacts, gathered by readouts.service.ts). The structure is the seed's
 * (/work/shared/seed): 1 overview, 2 statements of principal speakers, 3 the chair's statement and
 * outcome documents, 4 the next meeting, 5 the delegation's bilateral meetings. Japanese follows
 * the conventions of Japanese government texts: era dates (平成25年10月22日), the comma "，"
 * written ",", as the seed does, numbered items (1), and names with titles after them
 * (三ツ矢外務副大臣). Titles are the records' own words; the country or organisation is added.
 */
import type { Localized, OrganisationKind, Rank, SessionKind } from '../../db/schema.js';
import { RANKS } from '../../db/schema.js';
import { countryName } from '../../platform/countries.js';
import { formatEraDate } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/localized.js';

export type ReadoutLang = 'ja' | 'en';
export const READOUT_LANGS: readonly ReadoutLang[] = ['ja', 'en'];

// ---------------------------------------------------------------------------------------------
// The facts: plain data

export interface ReadoutOrganisation {
  kind: OrganisationKind;
  iso3: string | null;
  code: string;
  name: Localized;
  acronym: string | null;
}

export interface ReadoutPerson {
  familyName: Localized;
  givenName: Localized;
  title: Localized;
  /** ISO alpha-3 nationality: decides the order of the names (see `personName`). */
  nationality: string | null;
  organisation: ReadoutOrganisation;
}

export interface ReadoutEdition {
  name: Localized;
  city: Localized;
  hostIso3: string;
  /** The host as the records name it, title included (ユン・ビョンセ韓国外交部長官). */
  host: Localized;
  /** ISO calendar dates, local to the venue. */
  startDate: string;
  endDate: string;
  timeZone: string;
  theme: Localized;
}

export interface ReadoutHead {
  person: ReadoutPerson;
  rank: Rank;
  /** Their first session role (ISO instant), for the order the conference heard them in. */
  firstAppearance: string | null;
}

export interface ReadoutStatement {
  speaker: ReadoutPerson | null;
  /** The delegation that made it: its organisation. */
  delegation: ReadoutOrganisation;
  own: boolean;
  session: { title: Localized; kind: SessionKind; startsAt: string } | null;
  attendance: 'present' | 'video_message' | 'live_link';
  texts: Localized;
  /** A summary written in the third person (a readout's sentences) rather than the words delivered. */
  isSummary: boolean;
  /** Names of the themes it takes a position on. */
  positions: Localized[];
  /** Order as recorded (ISO instant). */
  recordedAt: string;
}

export interface ReadoutDocument {
  code: string;
  kind: 'chair_statement' | 'outcome';
  title: Localized;
  annexToCode: string | null;
  /** Where it was read out, and who chaired that session. */
  session: { title: Localized; kind: SessionKind; chair: ReadoutPerson | null } | null;
  /** Its paragraphs' texts, in order. */
  paragraphs: { kind: 'preambular' | 'operative' | 'plain'; text: Localized }[];
}

export interface ReadoutMeeting {
  startsAt: string;
  endsAt: string;
  ownPrincipal: ReadoutPerson | null;
  counterparts: ReadoutPerson[];
  photos: { fileId: string; caption: Localized }[];
}

export interface ReadoutFacts {
  /** The day the readout is dated (ISO date) — a calendar day, already in the writer's zone. */
  issuedOn: string;
  edition: ReadoutEdition;
  /** Earlier editions of the series, oldest first. */
  previousEditions: { city: Localized; startDate: string }[];
  nextEdition: {
    city: Localized;
    hostIso3: string;
    startDate: string;
    /** Someone of the next host's delegation who spoke at the closing: the announcement. */
    announcedBy: ReadoutPerson | null;
    announcedIn: Localized | null;
  } | null;
  scale: {
    countries: number;
    participants: number;
    /** Kinds of organisation with participants, any order. */
    kinds: OrganisationKind[];
  };
  delegation: {
    organisation: ReadoutOrganisation;
    head: ReadoutPerson | null;
    composition: Localized;
  };
  /** Heads of the other delegations (with their rank): the composer picks the notable ones. */
  heads: ReadoutHead[];
  videoMessages: ReadoutPerson[];
  sessions: { kind: SessionKind; theme: Localized }[];
  statements: ReadoutStatement[];
  documents: ReadoutDocument[];
  meetings: ReadoutMeeting[];
}

// ---------------------------------------------------------------------------------------------
// The content: what is stored in `readouts.content`, edited by the delegation, rendered

export const READOUT_SECTIONS = [
  'overview',
  'statements',
  'chair_statement',
  'next_meeting',
  'bilaterals',
] as const;
export type ReadoutSectionId = (typeof READOUT_SECTIONS)[number];

export interface ReadoutItem {
  kind: 'paragraph' | 'caption';
  text: string;
  /** Numbered (1), (2)… within its section, as the seed numbers them. */
  numbered: boolean;
  /** Points listed under the paragraph. */
  points?: string[];
  /** Photographs the caption belongs to (files of kind meeting_photo). */
  photoFileIds?: string[];
}

export interface ReadoutSection {
  id: ReadoutSectionId;
  heading: string;
  items: ReadoutItem[];
}

export interface ReadoutContent {
  lang: ReadoutLang;
  title: string;
  /** The date line: 平成25年10月22日 · 22 October 2013. */
  dateline: string;
  issuedOn: string;
  sections: ReadoutSection[];
}

// ---------------------------------------------------------------------------------------------
// Names, titles, dates

/** Japanese government texts give Korean and Chinese names in full (パク・クネ), others by family name (ヘーグ). */
const FULL_NAME_NATIONALITIES = new Set(['KOR', 'PRK', 'CHN', 'TWN']);
/** Family name first in English too (Japan's own romanisation has put it first since 2020). */
const FAMILY_FIRST = new Set(['KOR', 'PRK', 'CHN', 'TWN', 'JPN']);

function personName(person: ReadoutPerson, lang: ReadoutLang): string {
  const family = pick(person.familyName, lang);
  const given = pick(person.givenName, lang);
  const nationality = person.nationality ?? '';
  if (lang === 'ja') {
    if (FULL_NAME_NATIONALITIES.has(nationality) && given) return `${family}・${given}`;
    return family;
  }
  if (!given) return family;
  return FAMILY_FIRST.has(nationality) ? `${family} ${given}` : `${given} ${family}`;
}

/** The body a person acts for, as a readout names it: the country, or the organisation. */
function organisationLabel(org: ReadoutOrganisation, lang: ReadoutLang): string {
  if (org.iso3) return countryName(org.iso3, lang);
  const name = pick(org.name, lang) || org.code;
  if (lang === 'ja' && org.acronym && !name.includes(org.acronym)) return `${name}(${org.acronym})`;
  return name;
}

/**
 * A person as the readout names them. Japanese: name, country or organisation, title
 * (ビショップ・オーストラリア外務大臣; the delegation's own people without the country:
 * 三ツ矢外務副大臣). English: title, name and, for others, the country ("Minister for Foreign
 * Affairs Julie Bishop of Australia").
 */
export function namedWithTitle(
  person: ReadoutPerson,
  lang: ReadoutLang,
  own: ReadoutOrganisation,
): string {
  const name = personName(person, lang);
  const title = pick(person.title, lang);
  const isOwn = person.organisation.code === own.code;
  if (lang === 'ja') {
    if (isOwn) return `${name}${title}`;
    const org = organisationLabel(person.organisation, lang);
    const separator = name.includes('・') || !person.organisation.iso3 ? '' : '・';
    return `${name}${separator}${org}${title}`;
  }
  const titled = title ? `${title} ${name}` : name;
  if (isOwn) return titled;
  return `${titled} (${organisationLabel(person.organisation, lang)})`;
}

function dayParts(isoDate: string): { y: number; m: number; d: number } {
  const [y = '0', m = '0', d = '0'] = isoDate.slice(0, 10).split('-');
  return { y: Number(y), m: Number(m), d: Number(d) };
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The readout's date line: 平成25年10月22日 (era calendar, through Intl) · 22 October 2013. */
export function readoutDateline(lang: ReadoutLang, issuedOn: string): string {
  if (lang === 'ja') return formatEraDate(issuedOn, 'Asia/Tokyo');
  const { y, m, d } = dayParts(issuedOn);
  return `${d} ${EN_MONTHS[m - 1]} ${y}`;
}

/** 10月17日から18日 (the year only when it is not the date line's) · 17–18 October 2013. */
function dateSpan(lang: ReadoutLang, start: string, end: string, issuedOn: string): string {
  const a = dayParts(start);
  const b = dayParts(end);
  if (lang === 'ja') {
    const year =
      a.y === dayParts(issuedOn).y
        ? ''
        : formatEraDate(start, 'Asia/Tokyo').replace(/\d+月\d+日$/u, '');
    const first = `${year}${a.m}月${a.d}日`;
    if (start === end) return first;
    return `${first}から${a.m === b.m ? '' : `${b.m}月`}${b.d}日`;
  }
  const month = (m: number) => EN_MONTHS[m - 1] ?? '';
  if (start === end) return `${a.d} ${month(a.m)} ${a.y}`;
  if (a.m === b.m) return `${a.d}–${b.d} ${month(a.m)} ${a.y}`;
  return `${a.d} ${month(a.m)} – ${b.d} ${month(b.m)} ${b.y}`;
}

/** Local wall-clock parts of an instant in the venue's zone. */
function localParts(instant: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { m: get('month'), d: get('day'), h: get('hour'), min: get('minute') };
}

/** "About" a count, as a readout gives it: 1,600 stays 1600; 1,583 becomes 1600. */
function approximately(n: number): number {
  if (n >= 1000) return Math.round(n / 100) * 100;
  if (n >= 100) return Math.round(n / 10) * 10;
  return n;
}

function joinJa(items: string[], last = '及び'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(',')}${last}${items.at(-1)}`;
}

function joinEn(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const STAKEHOLDERS: Partial<Record<OrganisationKind, Localized>> = {
  international_organisation: { ja: '国際機関', en: 'international organisations' },
  private_sector: { ja: '民間セクター', en: 'the private sector' },
  academia: { ja: '学者', en: 'academia' },
  civil_society: { ja: 'NGO代表', en: 'NGOs' },
  media: { ja: '報道関係者', en: 'the media' },
};
const STAKEHOLDER_ORDER: OrganisationKind[] = [
  'international_organisation',
  'private_sector',
  'academia',
  'civil_society',
  'media',
];

/** Ranks of heads a readout names among those attending (heads of state down to foreign ministers). */
const NOTABLE_RANKS: ReadonlySet<Rank> = new Set([
  'head_of_state',
  'vice_president',
  'head_of_government',
  'head_of_io',
  'deputy_prime_minister',
  'foreign_minister',
]);
const MAX_NOTABLE = 8;

// ---------------------------------------------------------------------------------------------
// The sections

const HEADINGS: Record<ReadoutSectionId, Localized> = {
  overview: { ja: '概要', en: 'Overview' },
  statements: {
    ja: '会議における各国政府主要者の発言',
    en: 'Statements by principal government speakers',
  },
  chair_statement: { ja: '議長声明', en: "Chair's statement" },
  next_meeting: { ja: '次回会合', en: 'Next meeting' },
  bilaterals: { ja: 'の二国間会談', en: 'Bilateral meetings' },
};

function paragraph(text: string, extra: Partial<ReadoutItem> = {}): ReadoutItem {
  return { kind: 'paragraph', text, numbered: true, ...extra };
}

function overview(facts: ReadoutFacts, lang: ReadoutLang): ReadoutItem[] {
  const { edition, scale, delegation } = facts;
  const own = delegation.organisation;
  const city = pick(edition.city, lang);
  const country = countryName(edition.hostIso3, lang);
  const name = pick(edition.name, lang);
  const dates = dateSpan(lang, edition.startDate, edition.endDate, facts.issuedOn);
  const host = pick(edition.host, lang);
  const previous = facts.previousEditions.map((e) => ({
    city: pick(e.city, lang),
    year: dayParts(e.startDate).y,
  }));
  const kinds = STAKEHOLDER_ORDER.filter((k) => scale.kinds.includes(k)).map((k) =>
    pick(STAKEHOLDERS[k], lang),
  );
  const participants = approximately(scale.participants);
  const named = (p: ReadoutPerson) => namedWithTitle(p, lang, own);
  const heads = notableHeads(facts);
  const stateHeads = heads.filter((h) => h.organisation.iso3).map(named);
  const otherHeads = heads.filter((h) => !h.organisation.iso3).map(named);
  const plenaries = facts.sessions.filter((s) => s.kind === 'plenary').length;
  const panels = facts.sessions.filter((s) => s.kind === 'panel');
  const panelThemes = new Set(panels.map((s) => pick(s.theme, 'en') || pick(s.theme, lang))).size;
  const theme = pick(edition.theme, lang);
  const items: ReadoutItem[] = [];

  if (lang === 'ja') {
    let first = `${dates},${country}の${city}において,${name}が開催された。`;
    if (previous.length > 0)
      first += `本件会議は,${joinJa(previous.map((p) => `${p.year}年の${p.city}会議`))}のフォローアップ会合であり,`;
    else first += '本件会議は,';
    first += `${host}が主催し,${scale.countries}か国の政府関係者`;
    first += kinds.length > 0 ? `,${kinds.join(',')}など` : '';
    first += `約${participants}名が参加した。`;
    items.push(paragraph(first));

    let second = '';
    if (delegation.head) {
      const self = own.iso3 ? '我が国' : organisationLabel(own, lang);
      const composition = pick(delegation.composition, lang);
      second += `${self}からは,${named(delegation.head)}を代表として,`;
      second += composition
        ? `${composition}から構成される代表団が参加した。`
        : '代表団が参加した。';
    }
    if (stateHeads.length > 0 || otherHeads.length > 0) {
      second += '各国からは,';
      if (stateHeads.length > 0) second += `${stateHeads.join(',')}など`;
      if (otherHeads.length > 0)
        second += `${stateHeads.length > 0 ? 'のほか,' : ''}${otherHeads.join(',')}など`;
      second += 'が会議に参加した。';
    }
    if (facts.videoMessages.length > 0)
      second += `また,${joinJa(facts.videoMessages.map(named))}がビデオメッセージを送った。`;
    if (second) items.push(paragraph(second));

    const format: string[] = [];
    if (plenaries > 0) format.push(`${plenaries}つの全体会合`);
    if (panels.length > 0) format.push(`${panelThemes}つのテーマからなるパネルディスカッション`);
    if (theme || format.length > 0) {
      let third = '会議は,';
      if (theme) third += `「${theme}」をテーマに,`;
      third += format.length > 0 ? `${joinJa(format)}等から構成され,` : '';
      third += '活発な議論が行われた。';
      items.push(paragraph(third));
    }
    return items;
  }

  let first = `On ${dates}, the ${name} was held in ${city}, ${country}.`;
  if (previous.length > 0)
    first += ` It followed up ${joinEn(previous.map((p) => `the ${p.city} Conference (${p.year})`))}.`;
  first += ` Hosted by ${host}, it brought together about ${participants.toLocaleString('en-GB')} participants: government officials from ${scale.countries} countries`;
  first += kinds.length > 0 ? `, ${joinEn(kinds)}.` : '.';
  items.push(paragraph(first));

  const second: string[] = [];
  if (delegation.head) {
    const composition = pick(delegation.composition, lang);
    second.push(
      `${organisationLabel(own, lang)}'s delegation was headed by ${named(delegation.head)}${composition ? ` and drew on the ${composition}` : ''}.`,
    );
  }
  if (stateHeads.length > 0 || otherHeads.length > 0)
    second.push(`Participants included ${joinEn([...stateHeads, ...otherHeads])}.`);
  if (facts.videoMessages.length > 0)
    second.push(`${joinEn(facts.videoMessages.map(named))} sent video messages.`);
  if (second.length > 0) items.push(paragraph(second.join(' ')));

  const format: string[] = [];
  if (plenaries > 0) format.push(`${plenaries} plenary sessions`);
  if (panels.length > 0) format.push(`panel discussions on ${panelThemes} themes`);
  if (theme || format.length > 0) {
    let third = 'The conference';
    if (theme) third += `, on the theme "${theme}",`;
    third += format.length > 0 ? ` consisted of ${joinEn(format)}, ` : ' ';
    third += 'with lively discussion.';
    items.push(paragraph(third));
  }
  return items;
}

/**
 * The heads of other delegations a readout names: the highest-ranked, those the conference
 * heard first first; states before organisations; those heard only by video are named with the
 * video messages instead.
 */
export function notableHeads(facts: ReadoutFacts): ReadoutPerson[] {
  const remote = new Set(facts.videoMessages.map((p) => key(p)));
  const own = facts.delegation.organisation.code;
  return facts.heads
    .filter((h) => NOTABLE_RANKS.has(h.rank) && h.person.organisation.code !== own)
    .filter((h) => !remote.has(key(h.person)))
    .sort(
      (a, b) =>
        Number(!a.person.organisation.iso3) - Number(!b.person.organisation.iso3) ||
        RANKS.indexOf(a.rank) - RANKS.indexOf(b.rank) ||
        (a.firstAppearance ?? '9').localeCompare(b.firstAppearance ?? '9') ||
        pick(a.person.familyName, 'en').localeCompare(pick(b.person.familyName, 'en')),
    )
    .slice(0, MAX_NOTABLE)
    .map((h) => h.person);
}

function key(p: ReadoutPerson): string {
  return `${p.organisation.code}/${pick(p.familyName, 'en')}/${pick(p.givenName, 'en')}`;
}

function statements(facts: ReadoutFacts, lang: ReadoutLang): ReadoutItem[] {
  const own = facts.delegation.organisation;
  const ordered = [...facts.statements].sort(
    (a, b) =>
      Number(b.own) - Number(a.own) ||
      (a.session?.startsAt ?? '9').localeCompare(b.session?.startsAt ?? '9') ||
      a.recordedAt.localeCompare(b.recordedAt),
  );
  const texts = ordered.map((s) => ({ statement: s, text: pick(s.texts, lang) }));
  // A summary shared by several speakers (the seed's "China's and Russia's participants") is
  // reported once: a text contained in another statement's text is left out.
  const kept = texts.filter(
    ({ text }, i) =>
      !texts.some((other, j) => j !== i && other.text !== text && other.text.includes(text)) &&
      texts.findIndex((other) => other.text === text) === i,
  );
  return kept.map(({ statement, text }) => {
    if (statement.isSummary && statement.texts[lang]) return paragraph(text);
    // The words as delivered (or only in another language): say who spoke where, on what.
    const speaker = statement.speaker
      ? namedWithTitle(statement.speaker, lang, own)
      : organisationLabel(statement.delegation, lang);
    const session = statement.session ? pick(statement.session.title, lang) : '';
    const themes = statement.positions.map((p) => pick(p, lang));
    if (lang === 'ja') {
      const where = session ? `${session}において,` : '';
      const what = themes.length > 0 ? `${themes.join(',')}について` : '';
      return paragraph(`${speaker}は,${where}${what}発言した。`);
    }
    const where = session ? ` in "${session}"` : '';
    const what = themes.length > 0 ? ` on ${joinEn(themes.map((t) => t.toLowerCase()))}` : '';
    return paragraph(`${speaker} spoke${where}${what}.`);
  });
}

function chairStatement(facts: ReadoutFacts, lang: ReadoutLang): ReadoutItem[] {
  const own = facts.delegation.organisation;
  const items: ReadoutItem[] = [];
  for (const doc of facts.documents.filter((d) => d.kind === 'chair_statement')) {
    const title = pick(doc.title, lang);
    const session = doc.session ? pick(doc.session.title, lang) : '';
    const chair = doc.session?.chair ? namedWithTitle(doc.session.chair, lang, own) : '';
    const annexed = facts.documents.some((d) => d.annexToCode === doc.code);
    const points = doc.paragraphs.map((p) => pick(p.text, lang)).filter(Boolean);
    if (lang === 'ja') {
      const where = session ? `${session}において,` : '';
      const who = chair ? `${chair}は,` : '議長は,';
      const text = `${where}${who}${title}${annexed ? '(別添)' : ''}を読み上げた。${points.length > 0 ? 'この中で,主に以下の点が述べられた。' : ''}`;
      items.push(paragraph(text, points.length > 0 ? { points } : {}));
    } else {
      const where = session ? `At the ${session.toLowerCase()}, ` : '';
      const who = chair || 'the chair';
      const text = `${where}${who} read out the ${title}${annexed ? ' (annexed)' : ''}.${points.length > 0 ? ' Its main points:' : ''}`;
      items.push(
        paragraph(
          text.charAt(0).toUpperCase() + text.slice(1),
          points.length > 0 ? { points } : {},
        ),
      );
    }
  }
  const outcomes = facts.documents
    .filter((d) => d.kind === 'outcome')
    .map((d) => pick(d.title, lang));
  if (outcomes.length > 0) {
    items.push(
      paragraph(
        lang === 'ja'
          ? `本会議の成果文書として,${outcomes.map((t) => `「${t}」`).join(',')}が発表された。`
          : `The conference issued, as its outcome, ${joinEn(outcomes.map((t) => `the "${t}"`))}.`,
      ),
    );
  }
  return items;
}

function nextMeeting(facts: ReadoutFacts, lang: ReadoutLang): ReadoutItem[] {
  const next = facts.nextEdition;
  if (!next) return [];
  const own = facts.delegation.organisation;
  const year = dayParts(next.startDate).y;
  const city = pick(next.city, lang);
  const country = countryName(next.hostIso3, lang);
  const by = next.announcedBy ? namedWithTitle(next.announcedBy, lang, own) : null;
  const where = next.announcedIn ? pick(next.announcedIn, lang) : '';
  if (lang === 'ja') {
    const place = `${year}年に${country}・${city}で開催すること`;
    const text = by
      ? `${where ? `${where}において,` : ''}${by}から,本会議のフォローアップの会合を${place}が発表された。`
      : `本会議のフォローアップの会合は,${year}年に${country}・${city}で開催される予定である。`;
    return [{ kind: 'paragraph', text, numbered: false }];
  }
  const text = by
    ? `${where ? `At the ${where.toLowerCase()}, ` : ''}${by} announced that the follow-up conference would be held in ${city}, ${country}, in ${year}.`
    : `The follow-up conference is to be held in ${city}, ${country}, in ${year}.`;
  return [
    { kind: 'paragraph', text: text.charAt(0).toUpperCase() + text.slice(1), numbered: false },
  ];
}

/** The fixed sentence pattern of a bilateral readout: date, time, about N minutes, who met whom, on which occasion. */
function meetingSentence(facts: ReadoutFacts, meeting: ReadoutMeeting, lang: ReadoutLang): string {
  const own = facts.delegation.organisation;
  const zone = facts.edition.timeZone;
  const start = localParts(meeting.startsAt, zone);
  const minutes = Math.round((Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt)) / 60_000);
  const principal = meeting.ownPrincipal ?? facts.delegation.head;
  const who = principal ? namedWithTitle(principal, lang, own) : organisationLabel(own, lang);
  const counterparts = meeting.counterparts.map((p) => namedWithTitle(p, lang, own));
  const conference = pick(facts.edition.name, lang);
  if (lang === 'ja') {
    const time = `${start.h}時${start.min === 0 ? '' : `${String(start.min).padStart(2, '0')}分`}`;
    return `${start.m}月${start.d}日${time}から約${minutes}分間,${who}は,${conference}出席の機会に,${joinJa(counterparts, 'と')}と会談を行った。`;
  }
  const time = `${String(start.h).padStart(2, '0')}:${String(start.min).padStart(2, '0')}`;
  const day = `${start.d} ${EN_MONTHS[start.m - 1] ?? ''}`;
  return `On ${day}, from ${time} for about ${minutes} minutes, ${who} met ${joinEn(counterparts)} on the occasion of the ${conference}.`;
}

function caption(facts: ReadoutFacts, meeting: ReadoutMeeting, lang: ReadoutLang): string {
  const own = facts.delegation.organisation;
  const recorded = meeting.photos.map((p) => pick(p.caption, lang)).find(Boolean);
  if (recorded) return recorded;
  const counterparts = meeting.counterparts.map((p) => namedWithTitle(p, lang, own));
  return lang === 'ja'
    ? `【${joinJa(counterparts, 'と')}との会談】`
    : `[Meeting with ${joinEn(counterparts)}]`;
}

function bilaterals(facts: ReadoutFacts, lang: ReadoutLang): ReadoutItem[] {
  const meetings = [...facts.meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (meetings.length === 0) return [];
  const own = facts.delegation.organisation;
  const principal = facts.delegation.head;
  const who = principal ? namedWithTitle(principal, lang, own) : organisationLabel(own, lang);
  const items: ReadoutItem[] = [];
  // The seed's summary sentence: the counterparts by country, then name and title.
  const counterparts = meetings.flatMap((m) => m.counterparts);
  if (lang === 'ja') {
    const listed = counterparts.map((p) => {
      const country = organisationLabel(p.organisation, lang);
      return `${country}の${personName(p, lang)}${pick(p.title, lang)}`;
    });
    items.push({
      kind: 'paragraph',
      text: `${who}は,この機会を利用して,会議に出席していた${joinJa(listed)}との間で,それぞれ二国間会談を行った。`,
      numbered: false,
    });
  } else {
    items.push({
      kind: 'paragraph',
      text: `On the occasion of the conference, ${who} held bilateral meetings with ${joinEn(counterparts.map((p) => namedWithTitle(p, lang, own)))}.`,
      numbered: false,
    });
  }
  for (const meeting of meetings) {
    items.push(paragraph(meetingSentence(facts, meeting, lang)));
    items.push({
      kind: 'caption',
      text: caption(facts, meeting, lang),
      numbered: false,
      ...(meeting.photos.length > 0 ? { photoFileIds: meeting.photos.map((p) => p.fileId) } : {}),
    });
  }
  return items;
}

/** The readout in one language, from the facts alone. */
export function composeReadout(facts: ReadoutFacts, lang: ReadoutLang): ReadoutContent {
  const own = facts.delegation.organisation;
  const head = facts.delegation.head;
  const bilateralHeading =
    lang === 'ja' && head
      ? `${namedWithTitle(head, lang, own)}${HEADINGS.bilaterals.ja}`
      : lang === 'ja'
        ? '二国間会談'
        : pick(HEADINGS.bilaterals, lang);
  const bodies: Record<ReadoutSectionId, ReadoutItem[]> = {
    overview: overview(facts, lang),
    statements: statements(facts, lang),
    chair_statement: chairStatement(facts, lang),
    next_meeting: nextMeeting(facts, lang),
    bilaterals: bilaterals(facts, lang),
  };
  const sections = READOUT_SECTIONS.filter((id) => bodies[id].length > 0).map((id) => ({
    id,
    heading: id === 'bilaterals' ? bilateralHeading : pick(HEADINGS[id], lang),
    items: bodies[id],
  }));
  const name = pick(facts.edition.name, lang);
  return {
    lang,
    title: lang === 'ja' ? `${name}(結果概要)` : `${name}: readout`,
    dateline: readoutDateline(lang, facts.issuedOn),
    issuedOn: facts.issuedOn,
    sections,
  };
}

/** The same content dated another day (publication dates it anew). */
export function redate(content: ReadoutContent, issuedOn: string): ReadoutContent {
  return { ...content, issuedOn, dateline: readoutDateline(content.lang, issuedOn) };
}

// ---------------------------------------------------------------------------------------------
// Rendering: Markdown and HTML (pure)

/** (1), (2)… for numbered items; the seed's sections are 1., 2.… */
export function numberedItems(
  section: ReadoutSection,
): { item: ReadoutItem; label: string | null }[] {
  let n = 0;
  return section.items.map((item) => ({
    item,
    label: item.kind === 'paragraph' && item.numbered ? `(${++n})` : null,
  }));
}

/** One numbered item alone is not numbered (the seed's sections 4 and 5). */
function labelsOf(section: ReadoutSection) {
  const labelled = numberedItems(section);
  const count = labelled.filter((l) => l.label).length;
  return labelled.map((l) => (count > 1 ? l : { ...l, label: null }));
}

export function sectionHeading(content: ReadoutContent, index: number): string {
  const section = content.sections[index];
  if (!section) return '';
  return content.lang === 'ja'
    ? `${index + 1}.${section.heading}`
    : `${index + 1}. ${section.heading}`;
}

export function renderReadoutMarkdown(content: ReadoutContent): string {
  const out: string[] = [`# ${content.title}`, '', content.dateline, ''];
  content.sections.forEach((section, i) => {
    out.push(`## ${sectionHeading(content, i)}`, '');
    for (const { item, label } of labelsOf(section)) {
      if (item.kind === 'caption') {
        out.push(item.text, '');
        continue;
      }
      out.push(label ? `${label}${content.lang === 'ja' ? '' : ' '}${item.text}` : item.text, '');
      if (item.points && item.points.length > 0) {
        for (const point of item.points) out.push(`- ${point}`);
        out.push('');
      }
    }
  });
  return `${out.join('\n').trimEnd()}\n`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** A standalone HTML document (no styles or scripts: it is meant to be pasted or archived). */
export function renderReadoutHtml(content: ReadoutContent): string {
  const body: string[] = [
    `<h1>${escapeHtml(content.title)}</h1>`,
    `<p class="dateline">${escapeHtml(content.dateline)}</p>`,
  ];
  content.sections.forEach((section, i) => {
    body.push(`<section id="${section.id}">`, `<h2>${escapeHtml(sectionHeading(content, i))}</h2>`);
    for (const { item, label } of labelsOf(section)) {
      if (item.kind === 'caption') {
        body.push(`<p class="caption">${escapeHtml(item.text)}</p>`);
        continue;
      }
      body.push(
        `<p>${label ? `${escapeHtml(label)}${content.lang === 'ja' ? '' : ' '}` : ''}${escapeHtml(item.text)}</p>`,
      );
      if (item.points && item.points.length > 0)
        body.push(`<ul>${item.points.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`);
    }
    body.push('</section>');
  });
  return `<!DOCTYPE html>\n<html lang="${content.lang}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(content.title)}</title>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}

/** The labels of a section's items, for the other renderers (page, PDF). */
export function readoutItemLabels(section: ReadoutSection) {
  return labelsOf(section);
}
