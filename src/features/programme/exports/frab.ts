/**
 * The programme in the Frab schedule formats (XML and the c3voc JSON), which conference apps
 * (Giggity, EventFahrplan), room screens (info-beamer) and recording pipelines read.
 * The reference schemas are in shared/formats/frab; pretalx's export is the model for the shape.
 *
 * Choices:
 * - Days are the venue's calendar days, from the edition's first to its last (stretched to
 *   cover any session outside them); a day with no session is still listed, and a session
 *   belongs to the local date it starts on. A day runs from local midnight to the next one.
 * - Every room is listed every day (as pretalx does), so a room screen finds its room on a
 *   day it is empty. Rooms whose names collide in a language get their code appended.
 * - Drafts and cancelled sessions are left out: the formats have no status to show them with.
 * - Identifiers are derived, so they never change between exports: guid = UUID v5 of the
 *   session's id; id = a 31-bit number from its hash (the formats still require an integer).
 * - `version` is the latest change and a hash of the whole programme, so that a removed
 *   session (which leaves no newer updatedAt behind) changes it too.
 * - The acronym keeps to the JSON schema's pattern: `seoul-2013` becomes `seoul_2013`.
 */
import { createHash } from 'node:crypto';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { pick } from '../../../platform/localized.js';
import type { ProgrammeView, RoomView, SessionView } from '../programme.view.js';
import {
  kindLabel,
  programmeUrl,
  publicSessions,
  sessionSummaryLines,
  sessionUrl,
} from './session-text.js';
import {
  addDays,
  datesBetween,
  formatDuration,
  isoWithOffset,
  localDate,
  localTime,
  startOfLocalDay,
} from './zoned-time.js';

export interface FrabOptions {
  lang: Lang;
}

export interface FrabPerson {
  id: number;
  guid: string;
  public_name: string;
}

export interface FrabReference {
  url: string;
  title?: string;
  type?: string;
}

export interface FrabEvent {
  guid: string;
  id: number;
  date: string;
  start: string;
  end: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string;
  type: string;
  language: string;
  abstract: string;
  description: string;
  persons: FrabPerson[];
  links: FrabReference[];
  attachments: FrabReference[];
}

export interface FrabRoom {
  name: string;
  guid: string;
  slug?: string;
  type: 'lecturehall' | 'other';
  capacity: number;
}

export interface FrabDay {
  index: number;
  date: string;
  day_start: string;
  day_end: string;
  rooms: Record<string, FrabEvent[]>;
}

export interface FrabSchedule {
  $schema: string;
  generator: { name: string };
  schedule: {
    version: string;
    base_url: string;
    conference: {
      acronym: string;
      title: string;
      start: string;
      end: string;
      daysCount: number;
      timeslot_duration: string;
      time_zone_name: string;
      url: string;
      tracks: { name: string }[];
      rooms: FrabRoom[];
      days: FrabDay[];
    };
  };
}

// ------------------------------------------------------------------------------ identifiers

const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** RFC 4122 name-based UUID, version 5 (SHA-1). */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const PLENARY_NAMESPACE = uuidV5('https://plenary.invalid/frab', NAMESPACE_URL);

function guidOf(kind: 'session' | 'room' | 'participant', id: string): string {
  return uuidV5(`${kind}:${id}`, PLENARY_NAMESPACE);
}

/** A positive 31-bit integer from `text`'s hash: stable, and short enough for any client. */
function numberOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) & 0x7fffffff || 1;
}

/**
 * Integer ids for the sessions, unique within the schedule: a hash collision (about one in
 * a million for a thousand sessions) moves the later session, in id order, to the next free
 * number.
 */
function eventIds(sessions: SessionView[]): Map<string, number> {
  const ids = new Map<string, number>();
  const taken = new Set<number>();
  for (const id of sessions.map((session) => session.id).sort()) {
    let number = numberOf(`session:${id}`);
    while (taken.has(number)) number = number >= 0x7fffffff ? 1 : number + 1;
    taken.add(number);
    ids.set(id, number);
  }
  return ids;
}

/** The c3voc JSON schema wants `^[a-z0-9_-][a-z0-9_]{3,}…$`: no inner hyphens, 4 characters. */
export function frabAcronym(acronym: string): string {
  const cleaned = acronym.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return cleaned.padEnd(4, '_');
}

/** Latest change, then a hash of the whole programme: changes whenever anything does. */
export function scheduleVersion(view: ProgrammeView): string {
  const sessions = publicSessions(view);
  const latest = sessions
    .map((session) => new Date(session.updatedAt).toISOString())
    .sort()
    .at(-1);
  const hash = createHash('sha256')
    .update(JSON.stringify({ edition: view.edition, rooms: view.rooms, sessions }))
    .digest('hex')
    .slice(0, 12);
  const stamp = latest ? `${new Date(latest).toISOString().slice(0, 19)}Z` : 'empty';
  return `${stamp}~${hash}`;
}

// ------------------------------------------------------------------------------ the schedule

function roomNames(view: ProgrammeView, lang: Lang): Map<string, string> {
  const rooms: Pick<RoomView, 'id' | 'code' | 'name'>[] = [...view.rooms];
  for (const session of view.sessions) {
    if (!rooms.some((room) => room.id === session.roomId)) {
      rooms.push({ id: session.roomId, code: session.roomCode, name: session.roomName });
    }
  }
  const plain = rooms.map((room) => pick(room.name, lang) || room.code);
  return new Map(
    rooms.map((room, i) => {
      const name = plain[i] ?? room.code;
      const shared = plain.filter((other) => other === name).length > 1;
      return [room.id, shared ? `${name} (${room.code})` : name];
    }),
  );
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** The grid the sessions sit on (start times and lengths), at most an hour. */
function timeslotMinutes(sessions: SessionView[], timeZone: string): number {
  let slot = 0;
  for (const session of sessions) {
    const starts = Date.parse(session.startsAt);
    const [hours = 0, minutes = 0] = localTime(starts, timeZone).split(':').map(Number);
    slot = greatestCommonDivisor(slot, hours * 60 + minutes);
    slot = greatestCommonDivisor(slot, Math.round((Date.parse(session.endsAt) - starts) / 60_000));
  }
  return slot === 0 ? 15 : Math.min(slot, 60);
}

export function programmeToFrabJson(view: ProgrammeView, { lang }: FrabOptions): FrabSchedule {
  const { edition } = view;
  const timeZone = edition.timeZone;
  const sessions = publicSessions(view).filter((session) => session.status !== 'cancelled');
  const ids = eventIds(sessions);
  const names = roomNames(view, lang);
  const acronym = frabAcronym(edition.acronym);

  const sessionDates = sessions.map((session) => localDate(Date.parse(session.startsAt), timeZone));
  const dates = [edition.startDate, edition.endDate, ...sessionDates].sort();
  const firstDate = dates[0] ?? edition.startDate;
  const lastDate = dates.at(-1) ?? edition.endDate;

  const roomOrder = [...names.values()];
  const toEvent = (session: SessionView): FrabEvent => {
    const starts = Date.parse(session.startsAt);
    const ends = Date.parse(session.endsAt);
    const id = ids.get(session.id) ?? numberOf(`session:${session.id}`);
    return {
      guid: guidOf('session', session.id),
      id,
      date: isoWithOffset(starts, timeZone),
      start: localTime(starts, timeZone),
      end: isoWithOffset(ends, timeZone),
      duration: formatDuration(ends - starts),
      room: names.get(session.roomId) ?? session.roomCode,
      slug: `${acronym}-${id}-${session.code}`,
      url: sessionUrl(view, session),
      title: pick(session.title, lang),
      subtitle: '',
      track: pick(session.theme, lang) || kindLabel(lang, session.kind),
      type: session.kind,
      // The first language is the floor's; all of them are listed in the description.
      language: session.languages[0] ?? lang,
      abstract: pick(session.description, lang),
      description: sessionSummaryLines(session, lang).join('\n'),
      // One entry per person, though someone may both chair and speak.
      persons: [
        ...new Map(session.people.map((person) => [person.participantId, person])).values(),
      ].map((person) => ({
        id: numberOf(`participant:${person.participantId}`),
        guid: guidOf('participant', person.participantId),
        public_name: pick(person.name, lang),
      })),
      links: [],
      attachments: [],
    };
  };

  const days: FrabDay[] = datesBetween(firstDate, lastDate).map((date, i) => {
    const rooms: Record<string, FrabEvent[]> = Object.fromEntries(
      roomOrder.map((name) => [name, []]),
    );
    sessions.forEach((session, j) => {
      if (sessionDates[j] !== date) return;
      const event = toEvent(session);
      rooms[event.room] = [...(rooms[event.room] ?? []), event];
    });
    return {
      index: i + 1,
      date,
      day_start: isoWithOffset(startOfLocalDay(date, timeZone), timeZone),
      day_end: isoWithOffset(startOfLocalDay(addDays(date, 1), timeZone), timeZone),
      rooms,
    };
  });

  const tracks = [
    ...new Set(
      days.flatMap((day) =>
        Object.values(day.rooms)
          .flat()
          .map((event) => event.track),
      ),
    ),
  ];
  const base = edition.baseUrl.replace(/\/+$/, '');
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'Plenary' },
    schedule: {
      version: scheduleVersion(view),
      base_url: `${base}/editions/${encodeURIComponent(edition.slug)}/`,
      conference: {
        acronym,
        title: pick(edition.name, lang),
        start: firstDate,
        end: lastDate,
        daysCount: days.length,
        timeslot_duration: formatDuration(timeslotMinutes(sessions, timeZone) * 60_000),
        time_zone_name: timeZone,
        url: programmeUrl(view),
        tracks: tracks.map((name) => ({ name })),
        rooms: view.rooms.map((room) => {
          const slug = room.code.toLowerCase();
          return {
            name: names.get(room.id) ?? room.code,
            guid: guidOf('room', room.id),
            ...(/^[a-z0-9_-]+[a-z0-9]$/.test(slug) ? { slug } : {}),
            type: room.kind === 'hall' ? 'lecturehall' : 'other',
            capacity: room.capacity,
          };
        }),
        days,
      },
    },
  };
}

// ------------------------------------------------------------------------------ XML

/** XML 1.0 cannot carry most control characters nor lone surrogates, even escaped: dropped. */
function xmlCharacters(text: string): string {
  let kept = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000
    ) {
      kept += char;
    }
  }
  return kept;
}

export function escapeXml(text: string): string {
  return xmlCharacters(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

type Attributes = Record<string, string | number | undefined>;

function open(name: string, attributes: Attributes = {}): string {
  const written = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  return `<${name}${written}`;
}

function element(name: string, text: string | number, attributes?: Attributes): string {
  return `${open(name, attributes)}>${escapeXml(String(text))}</${name}>`;
}

function emptyElement(name: string, attributes?: Attributes): string {
  return `${open(name, attributes)}/>`;
}

/** The same schedule as programmeToFrabJson, as Frab's schedule.xml. */
export function programmeToFrabXml(view: ProgrammeView, options: FrabOptions): string {
  const { schedule } = programmeToFrabJson(view, options);
  const { conference } = schedule;
  const guids = new Map(conference.rooms.map((room) => [room.name, room.guid]));
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<schedule>'];
  const add = (depth: number, line: string) => lines.push(`${'  '.repeat(depth)}${line}`);

  add(1, emptyElement('generator', { name: 'Plenary' }));
  add(1, element('version', schedule.version));
  add(1, '<conference>');
  add(2, element('acronym', conference.acronym));
  add(2, element('title', conference.title));
  add(2, element('start', conference.start));
  add(2, element('end', conference.end));
  add(2, element('days', conference.daysCount));
  add(2, element('timeslot_duration', conference.timeslot_duration));
  add(2, element('base_url', schedule.base_url));
  add(2, element('url', conference.url));
  add(2, element('time_zone_name', conference.time_zone_name));
  for (const track of conference.tracks) add(2, emptyElement('track', { name: track.name }));
  add(1, '</conference>');

  for (const day of conference.days) {
    add(
      1,
      `${open('day', { index: day.index, date: day.date, start: day.day_start, end: day.day_end })}>`,
    );
    for (const [roomName, events] of Object.entries(day.rooms)) {
      add(2, `${open('room', { name: roomName, guid: guids.get(roomName) })}>`);
      for (const event of events) {
        add(3, `${open('event', { guid: event.guid, id: event.id })}>`);
        add(4, element('room', event.room));
        add(4, element('title', event.title));
        add(4, element('subtitle', event.subtitle));
        add(4, element('type', event.type));
        add(4, element('date', event.date));
        add(4, element('start', event.start));
        add(4, element('duration', event.duration));
        add(4, element('abstract', event.abstract));
        add(4, element('slug', event.slug));
        add(4, element('track', event.track));
        add(4, element('language', event.language));
        add(4, element('description', event.description));
        add(4, element('url', event.url));
        add(4, '<persons>');
        for (const person of event.persons) {
          add(5, element('person', person.public_name, { id: person.id, guid: person.guid }));
        }
        add(4, '</persons>');
        add(4, emptyElement('links'));
        add(4, emptyElement('attachments'));
        add(3, '</event>');
      }
      add(2, '</room>');
    }
    add(1, '</day>');
  }
  lines.push('</schedule>', '');
  return lines.join('\n');
}
