import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  datesBetween,
  instantOfWallClock,
  isoWithOffset,
  isRepeatedWallTime,
  localDate,
  localTime,
  offsetMinutes,
  startOfLocalDay,
  vtimezone,
  wallClock,
} from './zoned-time.js';

const ZONES = [
  'Asia/Seoul',
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'UTC',
];

describe('wall clocks in the venue’s zone', () => {
  it('reads Seoul and London on either side of the end of BST', () => {
    expect(isoWithOffset(Date.parse('2013-10-17T00:00:00Z'), 'Asia/Seoul')).toBe(
      '2013-10-17T09:00:00+09:00',
    );
    expect(isoWithOffset(Date.parse('2024-10-27T00:30:00Z'), 'Europe/London')).toBe(
      '2024-10-27T01:30:00+01:00',
    );
    expect(isoWithOffset(Date.parse('2024-10-27T01:30:00Z'), 'Europe/London')).toBe(
      '2024-10-27T01:30:00+00:00',
    );
    expect(localDate(Date.parse('2024-10-26T23:30:00Z'), 'Europe/London')).toBe('2024-10-27');
    expect(localTime(Date.parse('2024-10-26T23:30:00Z'), 'Europe/London')).toBe('00:30');
    expect(offsetMinutes(Date.parse('2024-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('takes the first pass through a repeated hour, and moves a skipped time on', () => {
    const repeated = { year: 2024, month: 10, day: 27, hour: 1, minute: 30, second: 0 };
    expect(new Date(instantOfWallClock(repeated, 'Europe/London')).toISOString()).toBe(
      '2024-10-27T00:30:00.000Z',
    );
    expect(isRepeatedWallTime(Date.parse('2024-10-27T00:30:00Z'), 'Europe/London')).toBe(false);
    expect(isRepeatedWallTime(Date.parse('2024-10-27T01:30:00Z'), 'Europe/London')).toBe(true);
    const skipped = { year: 2024, month: 3, day: 31, hour: 1, minute: 30, second: 0 };
    expect(new Date(instantOfWallClock(skipped, 'Europe/London')).toISOString()).toBe(
      '2024-03-31T01:30:00.000Z',
    );
  });

  it('starts a day at local midnight, and lists every date', () => {
    expect(new Date(startOfLocalDay('2013-10-17', 'Asia/Seoul')).toISOString()).toBe(
      '2013-10-16T15:00:00.000Z',
    );
    expect(datesBetween('2024-10-26', '2024-10-28')).toEqual([
      '2024-10-26',
      '2024-10-27',
      '2024-10-28',
    ]);
    expect(datesBetween('2024-02-28', '2024-03-01')).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('writes an ISO time that names the same instant, in any zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }),
        fc.constantFrom(...ZONES),
        (seconds, zone) => {
          const instant = seconds * 1000;
          expect(Date.parse(isoWithOffset(instant, zone))).toBe(instant);
          const back = instantOfWallClock(wallClock(instant, zone), zone);
          expect(back === instant || (isRepeatedWallTime(instant, zone) && back < instant)).toBe(
            true,
          );
        },
      ),
    );
  });
});

describe('vtimezone', () => {
  it('has a single observance for a zone without DST', () => {
    const text = vtimezone('Asia/Seoul', 2012, 2014);
    expect(text.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD']);
    expect(text).toContain('TZOFFSETTO:+0900');
  });

  it('has each change of offset, at the venue’s local time before it', () => {
    const text = vtimezone('America/New_York', 2024, 2024);
    expect(text).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20240310T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400',
    );
    expect(text).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20241103T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500',
    );
  });
});
