import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../actions.js';
import {
  actionLabel,
  categoryLabel,
  errorMessage,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatEraDate,
  formatEraDateRange,
  formatTime,
  rankLabel,
  t,
  venueDate,
  venueInstant,
} from './i18n.js';
import { en } from './messages.en.js';
import { ja } from './messages.ja.js';

describe('Japanese era dates', () => {
  it('dates the seed readout 平成25年10月22日 in Tokyo', () => {
    expect(formatEraDate('2013-10-22', 'Asia/Tokyo')).toBe('平成25年10月22日');
  });

  it('prints the first year of an era as 元年', () => {
    expect(formatEraDate('2019-05-01', 'Asia/Tokyo')).toBe('令和元年5月1日');
  });

  it('formats an instant in the time zone passed, not in UTC', () => {
    // 22 Oct 2013 00:30 in Tokyo is still 21 Oct in UTC.
    expect(formatEraDate('2013-10-21T15:30:00Z', 'Asia/Tokyo')).toBe('平成25年10月22日');
    expect(formatEraDate('2013-10-21T15:30:00Z', 'UTC')).toBe('平成25年10月21日');
  });

  it('shortens a range within one month', () => {
    expect(formatEraDateRange('2013-10-17', '2013-10-18', 'Asia/Seoul')).toBe(
      '平成25年10月17日～18日',
    );
  });
});

describe('messages', () => {
  it('has the same keys in English and Japanese', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no empty message and the same parameters in both languages', () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ja[key].length, key).toBeGreaterThan(0);
      expect(params(ja[key]), key).toEqual(params(en[key]));
    }
  });

  it('labels every audited action, and only those, in both languages', () => {
    const labelled = Object.keys(en)
      .filter((key) => key.startsWith('action.'))
      .map((key) => key.slice('action.'.length))
      .sort();
    expect(labelled).toEqual([...ACTIONS].sort());
    for (const action of ACTIONS) expect(actionLabel('ja', action)).not.toBe(action);
  });

  it('fills parameters and localises numbers', () => {
    expect(t('en', 'public.scaleValue', { countries: 87, participants: 1600 })).toBe(
      '87 countries, about 1,600 participants',
    );
    expect(t('ja', 'public.scaleValue', { countries: 87, participants: 1600 })).toBe(
      '87か国、約1,600名',
    );
  });

  it('labels codes of the domain and falls back to the code itself', () => {
    expect(rankLabel('ja', 'vice_minister')).toBe('副大臣');
    expect(categoryLabel('en', 'igo')).toBe('Intergovernmental organisation');
    expect(rankLabel('en', 'astronaut')).toBe('astronaut');
    expect(errorMessage('en', 'no_such_code')).toBe('Something went wrong (no_such_code).');
    expect(errorMessage('ja', 'invalid_credentials')).toBe(
      'メールアドレスまたはパスワードが正しくありません。',
    );
  });
});

describe('Gregorian dates in the venue’s time zone', () => {
  it('formats a calendar date as that day whatever the zone', () => {
    expect(formatDate('en', '2013-10-17', 'America/Los_Angeles')).toBe('17 October 2013');
    expect(formatDate('ja', '2013-10-17', 'Asia/Seoul')).toBe('2013年10月17日');
  });

  it('formats ranges compactly in both languages', () => {
    expect(formatDateRange('en', '2013-10-17', '2013-10-18', 'Asia/Seoul')).toBe(
      '17–18 October 2013',
    );
    expect(formatDateRange('ja', '2013-10-17', '2013-10-18', 'Asia/Seoul')).toBe(
      '2013年10月17日～18日',
    );
    expect(formatDateRange('ja', '2011-11-01', '2011-11-01', 'Europe/London')).toBe(
      '2011年11月1日',
    );
    expect(formatDateRange('en', '2017-11-30', '2017-12-01', 'Asia/Kolkata')).toBe(
      '30 November – 1 December 2017',
    );
  });

  it('follows the clock change in Europe/London (BST starts 31 March 2024 01:00 UTC)', () => {
    expect(formatTime('en', '2024-03-31T00:30:00Z', 'Europe/London')).toBe('00:30');
    expect(formatTime('en', '2024-03-31T01:30:00Z', 'Europe/London')).toBe('02:30');
    expect(formatDateTime('en', '2024-03-31T01:30:00Z', 'Europe/London')).toBe(
      '31 March 2024 at 02:30',
    );
    // and back to GMT on 27 October 2024 at 01:00 UTC
    expect(formatTime('en', '2024-10-27T00:30:00Z', 'Europe/London')).toBe('01:30');
    expect(formatTime('en', '2024-10-27T01:30:00Z', 'Europe/London')).toBe('01:30');
  });

  it('formats a check-in instant in the venue’s zone, not the machine’s', () => {
    expect(formatDateTime('ja', '2013-10-17T00:14:00Z', 'Asia/Seoul')).toBe('2013年10月17日 09:14');
  });
});

describe('instants from the venue’s calendar', () => {
  it('ends a deadline day at 23:59:59 venue time, in summer and winter time', () => {
    expect(venueInstant('2013-10-04', '23:59:59', 'Asia/Seoul')).toBe('2013-10-04T14:59:59.000Z');
    expect(venueInstant('2024-03-31', '23:59:59', 'Europe/London')).toBe(
      '2024-03-31T22:59:59.000Z',
    );
    expect(venueInstant('2024-03-30', '23:59:59', 'Europe/London')).toBe(
      '2024-03-30T23:59:59.000Z',
    );
    expect(venueInstant('2024-03-31', '00:00:00', 'Europe/London')).toBe(
      '2024-03-31T00:00:00.000Z',
    );
  });

  it('reads the venue’s day back from an instant', () => {
    expect(venueDate('2013-10-15T08:59:59.000Z', 'Asia/Seoul')).toBe('2013-10-15');
    expect(venueDate('2013-10-15T15:00:00.000Z', 'Asia/Seoul')).toBe('2013-10-16');
  });
});
