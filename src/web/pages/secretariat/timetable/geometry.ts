/**
 * The timetable's arithmetic, pure: a day of the venue's calendar as minutes from the venue's
 * midnight, 15-minute snapping, and the room clash the database would refuse (two sessions in
 * one room at overlapping times; a cancelled session holds no room).
 */
import { venueInstant } from '../../../../platform/i18n/i18n.js';
import type { ProgrammeRoom, ProgrammeSession } from '../../../types.js';

export const SLOT_MINUTES = 15;
const MINUTE = 60_000;

/** Where a session is, or would be: a room and two instants. */
export interface Placement {
  /** The session's code; null for one being drawn. */
  code: string | null;
  roomCode: string;
  startsAt: string;
  endsAt: string;
}

/** The days of an edition, YYYY-MM-DD in the venue's calendar, first to last. */
export function editionDays(startDate: string, endDate: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${endDate}T00:00:00Z`);
  for (let at = Date.parse(`${startDate}T00:00:00Z`); at <= end && days.length < 60; ) {
    days.push(new Date(at).toISOString().slice(0, 10));
    at += 24 * 60 * MINUTE;
  }
  return days;
}

/** The instant (ms) at which the venue's clock reads 00:00 on `day`. */
export function venueMidnight(day: string, timeZone: string): number {
  return Date.parse(venueInstant(day, '00:00:00', timeZone));
}

export function minutesFrom(midnight: number, instant: string): number {
  return (Date.parse(instant) - midnight) / MINUTE;
}

export function instantAt(midnight: number, minutes: number): string {
  return new Date(midnight + minutes * MINUTE).toISOString();
}

export const snap = (minutes: number) => Math.round(minutes / SLOT_MINUTES) * SLOT_MINUTES;
export const snapDown = (minutes: number) => Math.floor(minutes / SLOT_MINUTES) * SLOT_MINUTES;
export const snapUp = (minutes: number) => Math.ceil(minutes / SLOT_MINUTES) * SLOT_MINUTES;

/** The hours the grid shows: 08:00–20:00, widened to whole hours around the day's sessions. */
export function dayWindow(
  midnight: number,
  sessions: readonly ProgrammeSession[],
): { from: number; to: number } {
  let from = 8 * 60;
  let to = 20 * 60;
  for (const s of sessions) {
    from = Math.min(from, Math.floor(minutesFrom(midnight, s.startsAt) / 60) * 60);
    to = Math.max(to, Math.ceil(minutesFrom(midnight, s.endsAt) / 60) * 60);
  }
  return { from: Math.max(0, from), to: Math.min(24 * 60, to) };
}

const overlaps = (
  a: { startsAt: string; endsAt: string },
  b: { startsAt: string; endsAt: string },
) => Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

/** The session that already holds the room at that time, if any. */
export function roomClash(
  sessions: readonly ProgrammeSession[],
  placement: Placement,
): ProgrammeSession | undefined {
  return sessions.find(
    (s) =>
      s.code !== placement.code &&
      s.status !== 'cancelled' &&
      s.roomCode === placement.roomCode &&
      overlaps(s, placement),
  );
}

/**
 * Someone present in the moved session who is also present elsewhere at the new time (a video
 * message needs nobody in the room). A warning only: the server lists these, it does not refuse.
 */
export function personClash(
  sessions: readonly ProgrammeSession[],
  placement: Placement,
): { name: ProgrammeSession['people'][number]['name']; other: ProgrammeSession } | undefined {
  const moved = sessions.find((s) => s.code === placement.code);
  if (!moved || moved.status === 'cancelled') return undefined;
  const present = new Set(
    moved.people.filter((p) => p.attendance === 'present').map((p) => p.participantId),
  );
  for (const other of sessions) {
    if (other.code === moved.code || other.status === 'cancelled' || !overlaps(other, placement))
      continue;
    const person = other.people.find(
      (p) => p.attendance === 'present' && present.has(p.participantId),
    );
    if (person) return { name: person.name, other };
  }
  return undefined;
}

const ROOM_ORDER: Record<string, number> = { hall: 0, meeting_room: 1, bilateral_booth: 2 };

/** Halls, then meeting rooms, then (when asked for) the bilateral booths; by code within each. */
export function timetableRooms(
  rooms: readonly ProgrammeRoom[],
  withBooths: boolean,
): ProgrammeRoom[] {
  return rooms
    .filter((r) => withBooths || r.kind !== 'bilateral_booth')
    .sort(
      (a, b) =>
        (ROOM_ORDER[a.kind] ?? 3) - (ROOM_ORDER[b.kind] ?? 3) ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
}

/** A code from a title: "Side event: Women in cyber" → side-event-women-in-cyber. */
export function codeFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** The kinds of session the API accepts (db/schema.ts SESSION_KINDS), in programme order. */
export const SESSION_KIND_CODES = ['opening', 'plenary', 'panel', 'side_event', 'closing'] as const;
