import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ProgrammeView } from '../programme.view.js';
import {
  AWKWARD_TITLE,
  LONDON_INSTANTS,
  londonDst2024,
  seoul2013,
  seoulPeople,
} from './fixture.js';
import { type IcalScope, programmeToIcal } from './ical.js';

interface ParsedEvent {
  uid: string;
  summary: string;
  location: string;
  description: string;
  url: string | undefined;
  status: string | undefined;
  sequence: number;
  stamp: string;
  categories: string[];
  tzid: string | undefined;
  localStart: string;
  start: string;
  end: string;
}

/** Reads a calendar back as a client would: its own VTIMEZONE is the only zone data. */
function readCalendar(text: string) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component): ParsedEvent => {
    const event = new ICAL.Event(component);
    const dtstart = component.getFirstProperty('dtstart');
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      description: event.description,
      url: component.getFirstPropertyValue('url')?.toString(),
      status: component.getFirstPropertyValue('status')?.toString(),
      sequence: event.sequence,
      stamp: (component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
      categories: component
        .getAllProperties('categories')
        .flatMap((p) => p.getValues().map(String)),
      tzid: dtstart?.getParameter('tzid')?.toString(),
      localStart: event.startDate.toString(),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
    };
  });
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    zones: calendar
      .getAllSubcomponents('vtimezone')
      .map((zone) => String(zone.getFirstPropertyValue('tzid'))),
    events,
  };
}

const programme: IcalScope = { kind: 'programme' };
const byUid = (view: ProgrammeView, code: string) =>
  `${view.sessions.find((session) => session.code === code)?.id}@plenary`;

describe('programmeToIcal — Seoul 2013', () => {
  const view = seoul2013();
  const calendar = readCalendar(programmeToIcal(view, { lang: 'en', scope: programme }));
  const event = (code: string) => {
    const found = calendar.events.find((candidate) => candidate.uid === byUid(view, code));
    if (!found) throw new Error(`no event for ${code}`);
    return found;
  };

  it('has one event per session, drafts left out, with stable UIDs', () => {
    const expected = view.sessions.filter((session) => session.status !== 'draft');
    expect(calendar.events.map((e) => e.uid).sort()).toEqual(
      expected.map((s) => `${s.id}@plenary`).sort(),
    );
    expect(calendar.events.some((e) => e.summary.includes('Not yet announced'))).toBe(false);
  });

  it('writes the opening at 09:00 Seoul time, which is midnight UTC', () => {
    const opening = event('opening');
    expect(opening.tzid).toBe('Asia/Seoul');
    expect(opening.localStart).toBe('2013-10-17T09:00:00');
    expect(opening.start).toBe('2013-10-17T00:00:00.000Z');
    expect(opening.end).toBe('2013-10-17T01:00:00.000Z');
    expect(calendar.zones).toEqual(['Asia/Seoul']);
  });

  it('converts every session to its instant', () => {
    for (const session of view.sessions.filter((s) => s.status !== 'draft')) {
      const parsed = event(session.code);
      expect([parsed.start, parsed.end], session.code).toEqual([session.startsAt, session.endsAt]);
    }
  });

  it('says what, where, who, and links to the public page', () => {
    const opening = event('opening');
    expect(opening.summary).toBe('Opening ceremony');
    expect(opening.location).toBe('COEX Auditorium');
    expect(opening.description).toContain('Chair: Yun Byung-se (Republic of Korea)');
    expect(opening.description).toContain('Ban Ki-moon (United Nations) (video message)');
    expect(opening.description).toContain('John Kerry (United States) (video message)');
    expect(opening.url).toBe('http://localhost:3000/editions/seoul-2013/programme#opening');
    expect(opening.categories).toEqual(['opening']);
    expect(opening.sequence).toBe(3);
    expect(opening.stamp).toBe('2013-10-15T08:30:00.000Z');
    expect(event('panel-cyber-security').description).toContain('Theme: Cyber security');
    expect(calendar.name).toBe('Seoul Conference on Cyberspace 2013');
  });

  it('keeps titles with & < > " ; intact', () => {
    expect(event('panel-cyber-security').summary).toBe(AWKWARD_TITLE);
  });

  it('marks a cancelled session instead of dropping it', () => {
    const cancelled = event('side-event-youth');
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.summary).toBe('Cancelled: Youth forum');
    expect(cancelled.sequence).toBe(2);
    expect(event('opening').status).toBe('CONFIRMED');
  });

  it('writes Japanese, falling back to English where a title has no translation', () => {
    const ja = readCalendar(programmeToIcal(view, { lang: 'ja', scope: programme }));
    const titles = ja.events.map((e) => e.summary);
    expect(titles).toContain('開会式');
    expect(titles).toContain('Plenary 4: Capacity building');
    expect(ja.events.find((e) => e.summary === '開会式')?.description).toContain(
      '潘基文（国際連合）（ビデオメッセージ）',
    );
    expect(ja.name).toBe('サイバー空間に関するソウル会議2013');
  });

  it('does not depend on the server time zone', () => {
    const inUtc = programmeToIcal(view, { lang: 'en', scope: programme });
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(new Date('2013-10-17T00:00:00Z').getHours()).not.toBe(0); // the change took effect
      expect(programmeToIcal(view, { lang: 'en', scope: programme })).toBe(inUtc);
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('programmeToIcal — scopes', () => {
  const view = seoul2013();

  it('gives one room its sessions only', () => {
    const calendar = readCalendar(
      programmeToIcal(view, { lang: 'en', scope: { kind: 'room', roomCode: 'AUD' } }),
    );
    const expected = view.sessions.filter((s) => s.roomCode === 'AUD' && s.status !== 'draft');
    expect(calendar.events.map((e) => e.uid).sort()).toEqual(
      expected.map((s) => `${s.id}@plenary`).sort(),
    );
    expect(calendar.events.every((e) => e.location === 'COEX Auditorium')).toBe(true);
    expect(calendar.name).toBe('Seoul Conference on Cyberspace 2013 — COEX Auditorium');
  });

  it('gives a participant the sessions in which they have any role', () => {
    const scope: IcalScope = {
      kind: 'agenda',
      participantId: seoulPeople.mitsuya.id,
      name: 'Norio Mitsuya',
    };
    const calendar = readCalendar(programmeToIcal(view, { lang: 'en', scope }));
    expect(calendar.events.map((e) => e.uid).sort()).toEqual(
      ['plenary-1', 'plenary-4', 'side-event-youth'].map((code) => byUid(view, code)).sort(),
    );
    expect(calendar.name).toBe('Seoul Conference on Cyberspace 2013 — Norio Mitsuya');

    const ban = readCalendar(
      programmeToIcal(view, {
        lang: 'en',
        scope: { kind: 'agenda', participantId: seoulPeople.ban.id, name: 'Ban Ki-moon' },
      }),
    );
    expect(ban.events.map((e) => e.uid)).toEqual([byUid(view, 'opening')]);
  });

  it('writes an empty but valid calendar for a room with no session', () => {
    const calendar = readCalendar(
      programmeToIcal(view, { lang: 'en', scope: { kind: 'room', roomCode: 'NONE' } }),
    );
    expect(calendar.events).toEqual([]);
  });
});

describe('programmeToIcal — across the end of British Summer Time', () => {
  const view = londonDst2024();
  const text = programmeToIcal(view, { lang: 'en', scope: programme });
  const calendar = readCalendar(text);
  const event = (code: string) => calendar.events.find((e) => e.uid === byUid(view, code));

  it('keeps the right instants on both sides of the change', () => {
    for (const [code, [start, end]] of Object.entries(LONDON_INSTANTS)) {
      expect([event(code)?.start, event(code)?.end], code).toEqual([start, end]);
    }
  });

  it('writes 09:00 as 09:00 in London both in BST and in GMT', () => {
    expect(event('saturday-morning')).toMatchObject({
      tzid: 'Europe/London',
      localStart: '2024-10-26T09:00:00',
    });
    expect(event('sunday-morning')).toMatchObject({
      tzid: 'Europe/London',
      localStart: '2024-10-27T09:00:00',
    });
  });

  it('writes a session ending in the repeated hour in UTC, which a TZID time cannot say', () => {
    expect(event('night-watch')?.tzid).toBeUndefined();
    expect(text).toContain('DTEND:20241027T013000Z');
  });

  it('describes the change in its VTIMEZONE', () => {
    expect(calendar.zones).toEqual(['Europe/London']);
    expect(text).toMatch(
      /BEGIN:STANDARD\r\nDTSTART:20241027T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0000/,
    );
  });
});
