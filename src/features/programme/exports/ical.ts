/**
 * The programme as iCalendar (RFC 5545), for calendar subscriptions: the whole programme, one
 * room's, or one participant's agenda (the sessions in which they have any role).
 *
 * Times are written in the venue's time zone (TZID) with a VTIMEZONE generated from Node's tz
 * data, so a client shows 09:00 in Seoul as 09:00 KST whatever its own zone. The one exception:
 * a session that starts or ends in the hour repeated when the clocks go back is written in UTC,
 * because a TZID time in that hour means its first pass (RFC 5545 §3.3.5).
 *
 * Cancelled sessions stay in the feed with STATUS:CANCELLED, a higher SEQUENCE and a marked
 * title: a subscribed calendar then shows the cancellation instead of silently losing the
 * event. Drafts are never exported.
 */
import ical, {
  ICalCalendarMethod,
  type ICalDateTimeValue,
  ICalEventStatus,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { pick } from '../../../platform/localized.js';
import type { ProgrammeView, SessionView } from '../programme.view.js';
import {
  label,
  programmeUrl,
  publicSessions,
  sessionSummaryLines,
  sessionUrl,
} from './session-text.js';
import { isRepeatedWallTime, vtimezone, wallClock } from './zoned-time.js';

export type IcalScope =
  | { kind: 'programme' }
  | { kind: 'room'; roomCode: string }
  | { kind: 'agenda'; participantId: string; name: string };

export interface IcalOptions {
  lang: Lang;
  scope: IcalScope;
}

export function sessionsInScope(view: ProgrammeView, scope: IcalScope): SessionView[] {
  const sessions = publicSessions(view);
  switch (scope.kind) {
    case 'programme':
      return sessions;
    case 'room':
      return sessions.filter((session) => session.roomCode === scope.roomCode);
    case 'agenda':
      return sessions.filter((session) =>
        session.people.some((person) => person.participantId === scope.participantId),
      );
  }
}

function calendarName(view: ProgrammeView, scope: IcalScope, lang: Lang): string {
  const edition = pick(view.edition.name, lang);
  switch (scope.kind) {
    case 'programme':
      return edition;
    case 'room': {
      const room = view.rooms.find((candidate) => candidate.code === scope.roomCode);
      return `${edition} — ${room ? pick(room.name, lang) : scope.roomCode}`;
    }
    case 'agenda':
      return `${edition} — ${scope.name}`;
  }
}

export function programmeToIcal(view: ProgrammeView, { lang, scope }: IcalOptions): string {
  const timeZone = view.edition.timeZone;
  const sessions = sessionsInScope(view, scope);
  const years = [
    view.edition.startDate,
    view.edition.endDate,
    ...sessions.flatMap((session) => [session.startsAt, session.endsAt]),
  ].map((date) => Number(date.slice(0, 4)));
  const [fromYear, toYear] = [Math.min(...years) - 1, Math.max(...years) + 1];

  const calendar = ical({
    prodId: { company: 'Plenary', product: 'Programme', language: lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    name: calendarName(view, scope, lang),
    url: programmeUrl(view),
    // No calendar-wide name: ical-generator would then write DTSTAMP in local time without Z.
    // The events carry the TZID; the generator writes one VTIMEZONE for it.
    timezone: { name: null, generator: (zone) => vtimezone(zone, fromYear, toYear) },
  });
  if (!isUtc(timeZone)) calendar.x('X-WR-TIMEZONE', timeZone);

  for (const session of sessions) {
    const starts = Date.parse(session.startsAt);
    const ends = Date.parse(session.endsAt);
    const inVenueZone =
      !isUtc(timeZone) &&
      !isRepeatedWallTime(starts, timeZone) &&
      !isRepeatedWallTime(ends, timeZone);
    const cancelled = session.status === 'cancelled';
    const title = pick(session.title, lang);
    calendar.createEvent({
      id: `${session.id}@plenary`,
      sequence: session.version,
      stamp: new Date(session.updatedAt),
      lastModified: new Date(session.updatedAt),
      start: inVenueZone ? zonedDateTime(starts, timeZone) : new Date(starts),
      end: inVenueZone ? zonedDateTime(ends, timeZone) : new Date(ends),
      timezone: inVenueZone ? timeZone : null,
      summary: cancelled ? `${label(lang, 'cancelled')}: ${title}` : title,
      location: pick(session.roomName, lang) || session.roomCode,
      description: sessionSummaryLines(session, lang).join('\n'),
      url: sessionUrl(view, session),
      categories: [{ name: session.kind }],
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

function isUtc(timeZone: string): boolean {
  return ['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT'].includes(timeZone);
}

/**
 * ical-generator writes a native Date with a TZID in the *server's* local time, so the venue's
 * wall clock is handed to it as a Temporal.ZonedDateTime look-alike (it reads the fields).
 */
function zonedDateTime(instant: number, timeZone: string): ICalDateTimeValue {
  const wall = wallClock(instant, timeZone);
  const iso = new Date(instant).toISOString();
  const plainDate: ICalTemporalPlainDateStub = {
    year: wall.year,
    month: wall.month,
    day: wall.day,
    toJSON: () => iso.slice(0, 10),
    toString: () => iso.slice(0, 10),
  };
  const plainDateTime: ICalTemporalPlainDateTimeStub = {
    ...wall,
    toJSON: () => iso,
    toString: () => iso,
    toPlainDate: () => plainDate,
    toZonedDateTime: (zone) => zoned(zone),
  };
  const instantStub: ICalTemporalInstantStub = {
    epochMilliseconds: instant,
    toJSON: () => iso,
    toString: () => iso,
    toZonedDateTimeISO: (zone) => zoned(zone),
  };
  const zoned = (zone: string): ICalTemporalZonedDateTimeStub =>
    zone === timeZone
      ? zonedDateTimeStub
      : (zonedDateTime(instant, zone) as ICalTemporalZonedDateTimeStub);
  const zonedDateTimeStub: ICalTemporalZonedDateTimeStub = {
    ...wall,
    timeZoneId: timeZone,
    toInstant: () => instantStub,
    toJSON: () => iso,
    toString: () => iso,
    toPlainDateTime: () => plainDateTime,
    withTimeZone: (zone) => zoned(zone),
  };
  return zonedDateTimeStub;
}
