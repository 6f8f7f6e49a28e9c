import { describe, expect, it } from 'vitest';
import { independentCheck, publicInstance } from './fixtures.test-support.js';
import { replan } from './replan.js';
import { solve } from './solve.js';
import { anInstance, placements } from './test-support.js';
import type { BilateralInstance, BilateralSolution } from './types.js';

function fakeClock(): () => number {
  let t = 0;
  return () => t++;
}
const options = () => ({ timeLimitMs: 1e12, seed: 1, now: fakeClock() });

/** Three meetings in a one-room morning: JPN-KOR d1-s0, USA-CHN d1-s1, FRA-DEU d1-s2. */
const morning = () =>
  anInstance()
    .days(1, 4)
    .room('A', 6)
    .room('B', 6, { unavailable: ['d1-s0', 'd1-s1', 'd1-s2', 'd1-s3'] })
    .delegations('JPN', 'KOR', 'USA', 'CHN', 'FRA', 'DEU', 'GBR')
    .meeting('JPN-KOR', 2)
    .meeting('USA-CHN', 2)
    .meeting('FRA-DEU', 2);

const previous: BilateralSolution = {
  format: 'plenary.bilaterals-solution/1',
  instance: 'test',
  meetings: [
    { request: 'JPN-KOR', room: 'A', start: 'd1-s0' },
    { request: 'USA-CHN', room: 'A', start: 'd1-s1' },
    { request: 'FRA-DEU', room: 'A', start: 'd1-s2' },
  ],
};

function replanChecked(instance: BilateralInstance, before = previous, keep?: string[]) {
  const result = replan(instance, before, { ...options(), ...(keep ? { keep } : {}) });
  expect(independentCheck(instance, result.solution).violations).toEqual([]);
  return result;
}

describe('replan', () => {
  it('changes nothing when nothing changed', () => {
    const result = replanChecked(morning().build());
    expect(result.unchanged).toBe(3);
    expect([...result.moved, ...result.dropped, ...result.added]).toEqual([]);
  });

  it('moves only the meeting whose room became unavailable', () => {
    const instance = morning().build();
    instance.rooms[0]!.unavailable = ['d1-s1'];
    const result = replanChecked(instance);
    expect(result.unchanged).toBe(2);
    expect(result.moved).toEqual([
      expect.objectContaining({
        request: 'USA-CHN',
        from: { room: 'A', start: 'd1-s1' },
        to: { room: 'A', start: 'd1-s3' },
        reason: 'room_now_unavailable',
      }),
    ]);
  });

  it('moves the meeting of a principal with a new commitment', () => {
    const instance = morning().unavailable('FRA', 'd1-s2').build();
    const result = replanChecked(instance);
    expect(result.unchanged).toBe(2);
    expect(result.moved.map((c) => [c.request, c.reason])).toEqual([
      ['FRA-DEU', 'party_now_unavailable'],
    ]);
  });

  it('drops cancelled requests and fits new ones around the rest', () => {
    const instance = morning().meeting('GBR-JPN', 1).build();
    instance.requests = instance.requests.filter((r) => r.id !== 'USA-CHN');
    const result = replanChecked(instance);
    expect(result.dropped.map((c) => [c.request, c.reason])).toEqual([
      ['USA-CHN', 'request_cancelled'],
    ]);
    expect(result.added.map((c) => [c.request, c.reason])).toEqual([
      ['GBR-JPN', 'newly_scheduled'],
    ]);
    expect(result.unchanged).toBe(2);
  });

  it('moves a meeting for a much more valuable one, and says so', () => {
    // GBR-JPN (priority 5) can only meet in d1-s0; JPN-KOR can move to the free d1-s3.
    const instance = morning()
      .meeting('GBR-JPN', 5, { window: ['d1-s0', 'd1-s0'] })
      .build();
    const result = replanChecked(instance);
    expect(placements(result.solution)['GBR-JPN']).toBe('A@d1-s0');
    expect(result.moved.map((c) => [c.request, c.reason])).toEqual([
      ['JPN-KOR', 'displaced_for_higher_score'],
    ]);
    expect(result.unchanged).toBe(2);
  });

  it('does not move meetings for a gain smaller than the disturbance', () => {
    // GBR-FRA (priority 1) fits only at d1-s2, where FRA-DEU is; moving it to d1-s3 gains 1
    // point for 1 move: not worth it at the default move cost of one point.
    const instance = morning()
      .meeting('GBR-FRA', 1, { window: ['d1-s2', 'd1-s2'] })
      .build();
    const result = replanChecked(instance);
    expect(result.moved).toEqual([]);
    expect(result.unchanged).toBe(3);
  });

  it('never moves kept or pinned meetings', () => {
    const instance = morning()
      .meeting('GBR-JPN', 5, { window: ['d1-s0', 'd1-s0'] })
      .build();
    const kept = replanChecked(instance, previous, ['JPN-KOR']);
    expect(placements(kept.solution)['JPN-KOR']).toBe('A@d1-s0');
    expect(placements(kept.solution)['GBR-JPN']).toBeUndefined();
    instance.requests[0]!.pinned = { room: 'A', start: 'd1-s3' };
    const pinned = replanChecked(instance);
    expect(placements(pinned.solution)['JPN-KOR']).toBe('A@d1-s3');
    expect(pinned.moved.map((c) => [c.request, c.reason])).toEqual([
      ['JPN-KOR', 'pinned_elsewhere'],
    ]);
  });

  it('re-plans seoul after losing a room for an afternoon, moving little', () => {
    const instance = publicInstance('seoul-1');
    const first = solve(instance, options());
    const changed = structuredClone(instance);
    const room = changed.rooms[3]!;
    const pinnedHere = new Set(
      changed.requests.filter((r) => r.pinned?.room === room.id).map((r) => r.pinned!.start),
    );
    const afternoon = changed.slots
      .filter((s) => s.day === 1)
      .slice(10)
      .map((s) => s.id)
      .filter((id) => !pinnedHere.has(id));
    room.unavailable = [...(room.unavailable ?? []), ...afternoon];
    const result = replanChecked(changed, first.solution);
    const hit = first.solution.meetings.filter(
      (m) => m.room === room.id && afternoon.includes(m.start),
    ).length;
    const forced = [...result.moved, ...result.dropped].filter(
      (c) => c.reason === 'room_now_unavailable',
    );
    expect(forced).toHaveLength(hit);
    // Minimality: the meetings that had to move, plus at most a few moved for score.
    expect(result.moved.length + result.dropped.length).toBeLessThanOrEqual(hit + 3);
    for (const r of changed.requests.filter((r) => r.pinned)) {
      expect(placements(result.solution)[r.id]).toBe(`${r.pinned!.room}@${r.pinned!.start}`);
    }
  });
});
