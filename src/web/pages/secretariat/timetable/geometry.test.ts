import { describe, expect, it } from 'vitest';
import type { ProgrammeSession } from '../../../types.js';
import {
  codeFromTitle,
  dayWindow,
  editionDays,
  instantAt,
  minutesFrom,
  personClash,
  roomClash,
  venueMidnight,
} from './geometry.js';

const person = (id: string, attendance = 'present') => ({
  participantId: id,
  name: { en: id },
  title: {},
  organisation: {},
  delegationCode: 'JPN',
  role: 'speaker',
  attendance,
  mediaUrl: null,
});

function aSession(
  code: string,
  roomCode: string,
  from: string,
  to: string,
  extra: Partial<ProgrammeSession> = {},
): ProgrammeSession {
  return {
    id: code,
    code,
    kind: 'panel',
    title: { en: code },
    theme: {},
    description: {},
    roomId: roomCode,
    roomCode,
    roomName: { en: roomCode },
    startsAt: new Date(`2013-10-17T${from}:00+09:00`).toISOString(),
    endsAt: new Date(`2013-10-17T${to}:00+09:00`).toISOString(),
    languages: [],
    status: 'published',
    people: [],
    updatedAt: '2013-10-01T00:00:00Z',
    version: 1,
    ...extra,
  };
}

describe('the timetable in the venue time zone', () => {
  it('counts minutes from midnight in Seoul, whatever the browser zone', () => {
    const midnight = venueMidnight('2013-10-17', 'Asia/Seoul');
    expect(new Date(midnight).toISOString()).toBe('2013-10-16T15:00:00.000Z');
    expect(minutesFrom(midnight, '2013-10-17T05:00:00Z')).toBe(14 * 60);
    expect(instantAt(midnight, 16 * 60)).toBe('2013-10-17T07:00:00.000Z');
  });

  it('lists the days of an edition and widens the hours to its sessions', () => {
    expect(editionDays('2013-10-17', '2013-10-18')).toEqual(['2013-10-17', '2013-10-18']);
    const midnight = venueMidnight('2013-10-17', 'Asia/Seoul');
    expect(dayWindow(midnight, [aSession('late', 'hall-e1', '19:30', '21:15')])).toEqual({
      from: 480,
      to: 1320,
    });
  });
});

describe('clashes', () => {
  const booked = aSession('panel-a', 'hall-e1', '16:00', '17:15');
  const sessions = [booked, aSession('panel-b', 'hall-e1', '17:30', '18:45')];

  it('finds the session holding the room, not the one being moved, and lets sessions touch', () => {
    const at = (from: string, to: string, roomCode = 'hall-e1') => ({
      code: 'panel-b',
      roomCode,
      startsAt: new Date(`2013-10-17T${from}:00+09:00`).toISOString(),
      endsAt: new Date(`2013-10-17T${to}:00+09:00`).toISOString(),
    });
    expect(roomClash(sessions, at('16:30', '17:45'))?.code).toBe('panel-a');
    expect(roomClash(sessions, at('17:15', '18:30'))).toBeUndefined();
    expect(roomClash(sessions, at('16:30', '17:45', 'hall-e2'))).toBeUndefined();
    expect(
      roomClash([{ ...booked, status: 'cancelled' }, sessions[1]!], at('16:30', '17:45')),
    ).toBeUndefined();
  });

  it('warns of a person present in two sessions, not of a video message', () => {
    const plenary = aSession('plenary-2', 'auditorium', '14:00', '15:30', {
      people: [person('mitsuya')],
    });
    const panel = aSession('panel-c', 'hall-e1', '16:00', '17:15', { people: [person('mitsuya')] });
    const moved = {
      code: 'panel-c',
      roomCode: 'hall-e1',
      startsAt: plenary.startsAt,
      endsAt: panel.endsAt,
    };
    expect(personClash([plenary, panel], moved)?.other.code).toBe('plenary-2');
    const byVideo = { ...panel, people: [person('mitsuya', 'video_message')] };
    expect(personClash([plenary, byVideo], moved)).toBeUndefined();
  });

  it('makes a code from a title', () => {
    expect(codeFromTitle('Side event: Women in cyber diplomacy')).toBe(
      'side-event-women-in-cyber-diplomacy',
    );
    expect(codeFromTitle('サイドイベント')).toBe('');
  });
});
