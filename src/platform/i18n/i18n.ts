/**
 * The one i18n layer, shared by the SPA and the server-rendered public pages: messages, labels
 * for the domain's codes, and dates formatted in the venue's time zone.
 *
 * Dates: a calendar date ('2013-10-17') names a day, not an instant, so it is formatted as that
 * day whatever the time zone; an instant ('2013-10-17T00:14:00Z') is formatted in the time zone
 * passed in — always the venue's (edition.timeZone), never the server's or the browser's.
 */
import { ACTIONS } from '../actions.js';
import { en, type MessageKey } from './messages.en.js';
import { ja } from './messages.ja.js';

export type { MessageKey } from './messages.en.js';
export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, ja };

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ja';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export type MessageParams = Record<string, string | number>;

/** The message for `key` in `lang`, with `{name}` parameters filled in (numbers localised). */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[lang][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB').format(value);
}

// ---------------------------------------------------------------- labels of the domain's codes

export type {
  OrganisationKind as OrganisationKindCode,
  ParticipantStatus as ParticipantStatusCode,
  Rank,
  RegistrationCategory as CategoryCode,
} from '../vocabulary.js';
export {
  EDITION_STATUSES,
  ORGANISATION_KINDS,
  PARTICIPANT_STATUSES,
  RANKS,
  REGISTRATION_CATEGORIES as CATEGORIES,
  ROLES,
} from '../vocabulary.js';

/** A label for a code of one of the domain's vocabularies; an unknown code shows as itself. */
function label(lang: Lang, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(lang, key) : code;
}

export const rankLabel = (lang: Lang, rank: string) => label(lang, 'rank', rank);
export const categoryLabel = (lang: Lang, category: string) => label(lang, 'category', category);
export const organisationKindLabel = (lang: Lang, kind: string) => label(lang, 'orgKind', kind);
export const statusLabel = (lang: Lang, status: string) => label(lang, 'status', status);
export const editionStatusLabel = (lang: Lang, status: string) =>
  label(lang, 'editionStatus', status);
export const roleLabel = (lang: Lang, role: string) => label(lang, 'roles', role);
export const genderLabel = (lang: Lang, gender: string) => label(lang, 'gender', gender);

/** What a user reads for an API error code: a sentence in their language, never the raw code. */
export function errorMessage(lang: Lang, code: string): string {
  const key = `error.${code}`;
  return isMessageKey(key) ? t(lang, key) : t(lang, 'error.unknown', { code });
}

// ---------------------------------------------------------------- dates

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The instant to format and the zone to format it in (see the note at the top). */
function resolve(isoDate: string, timeZone: string): { date: Date; timeZone: string } {
  if (DATE_ONLY.test(isoDate)) return { date: new Date(`${isoDate}T00:00:00Z`), timeZone: 'UTC' };
  return { date: new Date(isoDate), timeZone };
}

function locale(lang: Lang): string {
  // en-GB: day before month, 24-hour clock, as in UN and government documents.
  return lang === 'ja' ? 'ja-JP' : 'en-GB';
}

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };

/** 17 October 2013 · 2013年10月17日 */
export function formatDate(lang: Lang, isoDate: string, timeZone: string): string {
  const { date, timeZone: zone } = resolve(isoDate, timeZone);
  return new Intl.DateTimeFormat(locale(lang), { ...DAY, timeZone: zone }).format(date);
}

/** 17 Oct · 10月17日: a short date without the year, for lists within one conference. */
export function formatShortDate(lang: Lang, isoDate: string, timeZone: string): string {
  const { date, timeZone: zone } = resolve(isoDate, timeZone);
  return new Intl.DateTimeFormat(locale(lang), {
    month: lang === 'ja' ? 'long' : 'short',
    day: 'numeric',
    timeZone: zone,
  }).format(date);
}

function dayParts(isoDate: string, timeZone: string): { y: number; m: number; d: number } {
  const { date, timeZone: zone } = resolve(isoDate, timeZone);
  const parts = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: zone,
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get('year'), m: get('month'), d: get('day') };
}

/**
 * 17–18 October 2013 · 2013年10月17日～18日. Japanese is composed by hand: ICU's range
 * pattern for ja falls back to numeric dates (2013/10/17～2013/10/18).
 */
export function formatDateRange(
  lang: Lang,
  startIso: string,
  endIso: string,
  timeZone: string,
): string {
  const a = dayParts(startIso, timeZone);
  const b = dayParts(endIso, timeZone);
  if (a.y === b.y && a.m === b.m && a.d === b.d) return formatDate(lang, startIso, timeZone);
  if (lang === 'ja') {
    const start = `${a.y}年${a.m}月${a.d}日`;
    if (a.y !== b.y) return `${start}～${b.y}年${b.m}月${b.d}日`;
    if (a.m !== b.m) return `${start}～${b.m}月${b.d}日`;
    return `${start}～${b.d}日`;
  }
  const start = resolve(startIso, timeZone);
  const end = resolve(endIso, timeZone);
  return new Intl.DateTimeFormat(locale(lang), { ...DAY, timeZone: start.timeZone })
    .formatRange(start.date, end.date)
    .replace(/\s–\s/u, ' – ') // ICU puts thin spaces around the dash
    .replace(/(\d) – (\d)/u, '$1–$2'); // 17–18 October: no spaces between two numbers
}

/**
 * The Japanese era date used in government texts: 平成25年10月22日; the first year of an era
 * is 元年 (令和元年5月1日). Built from parts so that 元 does not depend on the ICU version.
 */
export function formatEraDate(isoDate: string, timeZone: string): string {
  const { date, timeZone: zone } = resolve(isoDate, timeZone);
  const parts = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: zone,
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const year = get('year');
  return `${get('era')}${year === '1' ? '元' : year}年${get('month')}月${get('day')}日`;
}

/** 17 October 2013 to 18 October 2013 in era dates: 平成25年10月17日～18日. */
export function formatEraDateRange(startIso: string, endIso: string, timeZone: string): string {
  const start = formatEraDate(startIso, timeZone);
  const end = formatEraDate(endIso, timeZone);
  if (start === end) return start;
  const [, startEraYear = '', startMonth = ''] = /^(.+?年)(\d+月)/.exec(start) ?? [];
  const [, endEraYear = '', endMonth = '', endDay = ''] = /^(.+?年)(\d+月)(\d+日)$/.exec(end) ?? [];
  if (startEraYear !== endEraYear) return `${start}～${end}`;
  if (startMonth !== endMonth) return `${start}～${endMonth}${endDay}`;
  return `${start}～${endDay}`;
}

/** 17 October 2013, 09:14 · 2013年10月17日 9:14 — in the venue's time zone. */
export function formatDateTime(lang: Lang, isoInstant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    ...DAY,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(isoInstant));
}

/** 09:14 in the venue's time zone. */
export function formatTime(lang: Lang, isoInstant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(isoInstant));
}

/** 2.4 MB · 120 KB */
export function formatBytes(lang: Lang, bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A localised text `{ en, ja }` in the reader's language, then English, then any; a plain string as is. */
export function localizedText(
  lang: Lang,
  text: string | Record<string, string | undefined> | null | undefined,
): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? Object.values(text).find((v) => v) ?? '';
}

// ---------------------------------------------------------------- from the venue's calendar to instants

/** How far the zone's wall clock is ahead of UTC at `instant` (ms); DST-aware through Intl. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the venue's clock reads `time` on `isoDate`: a deadline picked as
 * "4 October" in Seoul is 2013-10-04T23:59:59 Seoul time, sent to the API as an ISO instant.
 */
export function venueInstant(isoDate: string, time: string, timeZone: string): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  const [hh = 0, mm = 0, ss = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss);
  // Two passes: the offset at the first guess is right except within a clock change.
  let instant = wall - zoneOffset(wall, timeZone);
  instant = wall - zoneOffset(instant, timeZone);
  return new Date(instant).toISOString();
}

/** The venue's calendar day of an instant, as YYYY-MM-DD (for a date input). */
export function venueDate(isoInstant: string, timeZone: string): string {
  const { y, m, d } = dayParts(isoInstant, timeZone);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The audit log's actions: the shared vocabulary (participant.approve, …), each labelled. */
export const AUDIT_ACTIONS: readonly string[] = ACTIONS;

export const actionLabel = (lang: Lang, action: string) => label(lang, 'action', action);
