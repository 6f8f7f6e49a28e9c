/**
 * Wall-clock time in the venue's IANA time zone, from Node's own time-zone data (Intl), so that
 * the exports neither depend on the server's TZ nor ship a copy of the tz database.
 *
 * Instants are epoch milliseconds; a wall clock is what a clock on the venue's wall shows.
 */

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function wallClock(instant: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

function wallAsUtc(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The zone's offset from UTC at `instant`, in minutes (Seoul: 540; London in summer: 60). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return Math.round((wallAsUtc(wallClock(wholeSecond, timeZone)) - wholeSecond) / MINUTE);
}

/**
 * The instant at which the venue's clocks show `wall`. When the clocks go back the same wall
 * time happens twice: the first is meant (RFC 5545 §3.3.5 reads TZID times the same way).
 * When they go forward a wall time never happens: it is moved on by the length of the gap.
 */
export function instantOfWallClock(wall: WallClock, timeZone: string): number {
  const asUtc = wallAsUtc(wall);
  const candidates = new Set(
    [asUtc - DAY, asUtc, asUtc + DAY].map((probe) => offsetMinutes(probe, timeZone)),
  );
  const occurrences = [...candidates]
    .map((offset) => asUtc - offset * MINUTE)
    .filter((instant) => offsetMinutes(instant, timeZone) * MINUTE === asUtc - instant);
  if (occurrences.length > 0) return Math.min(...occurrences);
  return asUtc - offsetMinutes(asUtc - DAY, timeZone) * MINUTE;
}

/**
 * True when the venue's wall clock at `instant` names an earlier instant too: the second pass
 * through the hour repeated when the clocks go back. A TZID time cannot say that hour.
 */
export function isRepeatedWallTime(instant: number, timeZone: string): boolean {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return instantOfWallClock(wallClock(wholeSecond, timeZone), timeZone) !== wholeSecond;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `2013-10-17` */
export function localDate(instant: number, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** `09:00` */
export function localTime(instant: number, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** `+09:00`, `-03:30`, `+00:00` */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** ISO 8601 with the venue's offset at that instant: `2013-10-17T09:00:00+09:00`. */
export function isoWithOffset(instant: number, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  return (
    `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}` +
    `T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` +
    formatOffset(offsetMinutes(instant, timeZone))
  );
}

/** Calendar arithmetic on `YYYY-MM-DD` (no time zone involved: a date names a day). */
export function addDays(date: string, days: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Every date from `first` to `last`, both included. */
export function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** The instant the venue's day `date` begins (its first existing minute). */
export function startOfLocalDay(date: string, timeZone: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return instantOfWallClock({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** `HH:MM` of an elapsed time (Frab durations); hours may exceed 24. */
export function formatDuration(milliseconds: number): string {
  const minutes = Math.round(milliseconds / MINUTE);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

// ------------------------------------------------------------------------------ VTIMEZONE

function icalLocal(instant: number, offset: number): string {
  const shifted = new Date(instant + offset * MINUTE);
  return (
    `${pad(shifted.getUTCFullYear(), 4)}${pad(shifted.getUTCMonth() + 1)}${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}${pad(shifted.getUTCMinutes())}${pad(shifted.getUTCSeconds())}`
  );
}

function icalOffset(minutes: number): string {
  return formatOffset(minutes).replace(':', '');
}

/**
 * A VTIMEZONE for `timeZone` covering the years `fromYear` to `toYear`: one observance per
 * offset change found in Node's tz data, each with its own DTSTART (RFC 5545 §3.6.5), so that
 * any client converts the TZID times of the events as the venue's clocks showed them — even
 * one that does not know the IANA name. Observances with a greater offset than the year's
 * smaller one are DAYLIGHT.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear + 1, 0, 1);
  const standardOffset = (instant: number) => {
    const year = new Date(instant).getUTCFullYear();
    return Math.min(
      offsetMinutes(Date.UTC(year, 0, 1), timeZone),
      offsetMinutes(Date.UTC(year, 6, 1), timeZone),
    );
  };
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const observance = (instant: number, offsetFrom: number, offsetTo: number) => {
    const kind = offsetTo > standardOffset(instant) ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${icalLocal(instant, offsetFrom)}`,
      `TZOFFSETFROM:${icalOffset(offsetFrom)}`,
      `TZOFFSETTO:${icalOffset(offsetTo)}`,
      `END:${kind}`,
    );
  };

  let offset = offsetMinutes(from, timeZone);
  observance(from, offset, offset);
  // Offsets change at most a few times a year and never twice within six hours.
  const step = 6 * HOUR;
  for (let probe = from; probe < to; probe += step) {
    const next = offsetMinutes(probe + step, timeZone);
    if (next === offset) continue;
    let before = probe;
    let after = probe + step;
    while (after - before > MINUTE) {
      const middle = before + Math.floor((after - before) / (2 * MINUTE)) * MINUTE;
      if (offsetMinutes(middle, timeZone) === offset) before = middle;
      else after = middle;
    }
    observance(after, offset, next);
    offset = next;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
