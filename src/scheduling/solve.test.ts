import { describe, expect, it } from 'vitest';
import { evaluateSolution } from './evaluate.js';
import { build } from './exact.js';
import { independentCheck, publicInstance, reference } from './fixtures.test-support.js';
import { generateInstance } from './generate.js';
import { compileModel } from './model.js';
import { lpGuide, solve } from './solve.js';
import { anInstance, placements } from './test-support.js';
import type { BilateralInstance } from './types.js';

/** A fake clock: each reading advances a millisecond, so time never runs out in tests. */
function fakeClock(): () => number {
  let t = 0;
  return () => t++;
}

const generous = { timeLimitMs: 1e12, seed: 1 };

/** Solves, asserts feasibility by check.mjs and by the own checker, returns the result. */
function solveChecked(instance: BilateralInstance, seed = 1) {
  const result = solve(instance, { ...generous, seed, now: fakeClock() });
  const report = independentCheck(instance, result.solution);
  expect(report.violations).toEqual([]);
  expect(report.score).toBe(result.score);
  const own = evaluateSolution(instance, result.solution);
  expect(own.violations).toEqual([]);
  expect(own.score).toBe(result.score);
  return result;
}

describe('solve: feasibility rules', () => {
  it('keeps a meeting inside its window (rule 1)', () => {
    const instance = anInstance()
      .days(2, 3)
      .room('A', 6)
      .delegations('JPN', 'KOR')
      .meeting('JPN-KOR', 1, { window: ['d2-s1', 'd2-s1'] })
      .build();
    expect(placements(solveChecked(instance).solution)).toEqual({ 'JPN-KOR': 'A@d2-s1' });
  });

  it('gives a long meeting consecutive slots of one day (rule 1, length > 1)', () => {
    // Day 1 has 3 slots; a 3-slot meeting fits only from its first slot, never across days.
    const instance = anInstance()
      .days(2, 3)
      .room('A', 6)
      .delegations('JPN', 'KOR')
      .unavailable('JPN', 'd2-s1')
      .meeting('JPN-KOR', 2, { length: 3 })
      .build();
    expect(placements(solveChecked(instance).solution)).toEqual({ 'JPN-KOR': 'A@d1-s0' });
  });

  it('uses only rooms with enough seats, and none when no room fits (rule 2)', () => {
    const instance = anInstance()
      .days(1, 1)
      .room('small', 4)
      .room('large', 12)
      .delegations('JPN', 'KOR', 'USA', 'CHN')
      .meeting('JPN-KOR', 1, { size: 10 })
      .meeting('USA-CHN', 5, { size: 20 })
      .build();
    const result = solveChecked(instance);
    expect(placements(result.solution)).toEqual({ 'JPN-KOR': 'large@d1-s0' });
  });

  it('avoids slots where the room is unavailable (rule 2)', () => {
    const instance = anInstance()
      .days(1, 2)
      .room('A', 6, { unavailable: ['d1-s0'] })
      .delegations('JPN', 'KOR')
      .meeting('JPN-KOR', 1)
      .build();
    expect(placements(solveChecked(instance).solution)).toEqual({ 'JPN-KOR': 'A@d1-s1' });
  });

  it('holds one meeting per room and slot (rule 3)', () => {
    const instance = anInstance()
      .days(1, 2)
      .room('A', 6)
      .delegations('JPN', 'KOR', 'USA', 'CHN', 'FRA', 'DEU')
      .meeting('JPN-KOR', 1)
      .meeting('USA-CHN', 2)
      .meeting('FRA-DEU', 3)
      .build();
    const result = solveChecked(instance);
    expect(result.score).toBe(5);
    expect(Object.keys(placements(result.solution)).sort()).toEqual(['FRA-DEU', 'USA-CHN']);
  });

  it('keeps principals in one place at a time and away when unavailable (rule 4)', () => {
    const instance = anInstance()
      .days(1, 2)
      .room('A', 6)
      .room('B', 6)
      .delegations('JPN', 'KOR', 'USA')
      .unavailable('USA', 'd1-s1')
      .meeting('JPN-KOR', 1)
      .meeting('JPN-USA', 2)
      .meeting('KOR-USA', 4)
      .build();
    // USA can meet only in d1-s0, so only one of its meetings can be held; KOR-USA is worth more.
    const result = solveChecked(instance);
    expect(result.score).toBe(5);
    expect(placements(result.solution)['KOR-USA']).toMatch(/@d1-s0$/);
    expect(placements(result.solution)['JPN-KOR']).toMatch(/@d1-s1$/);
  });

  it('keeps pinned meetings exactly where they are, even at a cost (rule 5)', () => {
    const instance = anInstance()
      .days(1, 2)
      .room('A', 6)
      .delegations('JPN', 'KOR', 'USA')
      .meeting('JPN-KOR', 1, { pinned: { room: 'A', start: 'd1-s1' } })
      .meeting('JPN-USA', 5, { window: ['d1-s1', 'd1-s1'] })
      .build();
    const result = solveChecked(instance);
    expect(placements(result.solution)).toEqual({ 'JPN-KOR': 'A@d1-s1' });
  });

  it('reports pinned meetings that cannot all hold', () => {
    const instance = anInstance()
      .days(1, 2)
      .room('A', 6)
      .delegations('JPN', 'KOR', 'USA')
      .meeting('JPN-KOR', 1, { pinned: { room: 'A', start: 'd1-s0' } })
      .meeting('JPN-USA', 1, { pinned: { room: 'A', start: 'd1-s0' } })
      .build();
    expect(() => solve(instance, { ...generous, now: fakeClock() })).toThrow(
      expect.objectContaining({
        code: 'pinned_conflict',
        message: expect.stringMatching(/JPN-USA/),
      }),
    );
  });

  it('leaves transfer time between rooms of different zones (rule 6)', () => {
    // JPN meets KOR and USA; east is open only in s0 and west only in s1 or s2.
    const twoZones = (westOpen: string) =>
      anInstance()
        .days(1, 3)
        .transfer(1)
        .room('east', 6, { zone: 'E', unavailable: ['d1-s1', 'd1-s2'] })
        .room('west', 6, {
          zone: 'W',
          unavailable: ['d1-s0', 'd1-s1', 'd1-s2'].filter((s) => s !== westOpen),
        })
        .delegations('JPN', 'KOR', 'USA')
        .meeting('JPN-KOR', 2)
        .meeting('JPN-USA', 3);
    const apart = solveChecked(twoZones('d1-s2').build());
    expect(apart.score).toBe(5);
    expect(Object.values(placements(apart.solution)).sort()).toEqual(['east@d1-s0', 'west@d1-s2']);
    // Back to back across zones is not allowed: only the more valuable meeting is held.
    expect(solveChecked(twoZones('d1-s1').build()).score).toBe(3);
    // Without transfer time it is.
    expect(solveChecked(twoZones('d1-s1').transfer(0).build()).score).toBe(5);
  });

  it('allows back-to-back meetings in one zone', () => {
    const instance = anInstance()
      .days(1, 2)
      .transfer(1)
      .room('east', 6, { zone: 'E', unavailable: ['d1-s1'] })
      .room('east2', 6, { zone: 'E', unavailable: ['d1-s0'] })
      .delegations('JPN', 'KOR', 'USA')
      .meeting('JPN-KOR', 2)
      .meeting('JPN-USA', 3)
      .build();
    expect(solveChecked(instance).score).toBe(5);
  });

  it('treats each room without a zone as a zone of its own', () => {
    // Strict reading: two zoneless rooms are two places, so back-to-back is not allowed.
    const instance = anInstance()
      .days(1, 2)
      .transfer(1)
      .room('annex1', 6, { unavailable: ['d1-s1'] })
      .room('annex2', 6, { unavailable: ['d1-s0'] })
      .delegations('JPN', 'KOR', 'USA')
      .meeting('JPN-KOR', 2)
      .meeting('JPN-USA', 3)
      .build();
    expect(solveChecked(instance).score).toBe(3);
  });

  it('handles capacity 0 and size 0 as the checker does', () => {
    const instance = anInstance()
      .days(1, 1)
      .room('phone', 0)
      .delegations('JPN', 'KOR')
      .meeting('JPN-KOR', 1, { size: 0 })
      .build();
    expect(solveChecked(instance).score).toBe(1);
  });
});

describe('solve: quality and determinism', () => {
  it.each([
    ['seoul-1', 1],
    ['seoul-2', 1],
  ])('finds the proven optimum of %s quickly', (name) => {
    const instance = publicInstance(name);
    const started = performance.now();
    const result = solve(instance, { timeLimitMs: 10_000, seed: 1, now: () => performance.now() });
    expect(performance.now() - started).toBeLessThan(10_000);
    const report = independentCheck(instance, result.solution);
    expect(report.feasible).toBe(true);
    expect(report.score).toBe(reference(name).bound);
    expect(result.score).toBeGreaterThan(reference(name).greedy);
  });

  it('returns the same schedule for the same seed when time does not run out', () => {
    const instance = generateInstance({
      seed: 3,
      requests: 80,
      delegations: 30,
      days: 2,
      slotsPerDay: 8,
      rooms: 4,
    });
    const a = solveChecked(instance, 42);
    const b = solveChecked(instance, 42);
    expect(b.solution).toEqual(a.solution);
    expect(b.stats.steps).toBe(a.stats.steps);
  });

  it('stops at the deadline and still returns a feasible schedule', () => {
    const instance = publicInstance('seoul-2');
    let t = 0;
    const result = solve(instance, { timeLimitMs: 50, seed: 1, now: () => (t += 1) });
    expect(result.stats.stoppedBy).toMatch(/time|target/);
    expect(independentCheck(instance, result.solution).feasible).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(reference('seoul-2').greedy);
  });
});

describe('lpGuide', () => {
  it('sums the LP values of each request, overall and per start', () => {
    const instance = anInstance()
      .days(1, 3)
      .transfer(1)
      .room('east', 6, { zone: 'E' })
      .room('west', 6, { zone: 'W' })
      .delegations('JPN', 'KOR', 'USA')
      .meeting('JPN-KOR', 2)
      .meeting('JPN-USA', 3)
      .build();
    const model = compileModel(instance);
    const built = build(model, 1e6)!;
    const values = new Float64Array(built.nVars);
    const jpnKor = model.requestIndex.get('JPN-KOR')!;
    // Half of JPN-KOR at its first start in each zone, a quarter at its last start.
    const first = [...built.varQ.keys()].filter((j) => built.varQ[j] === jpnKor);
    const s0 = built.varS[first[0]!]!;
    for (const j of first) {
      if (built.varS[j] === s0) values[j] = 0.25;
      if (built.varS[j] === 2) values[j] = 0.125;
    }
    const guide = lpGuide(model, built, values);
    expect(guide.share[jpnKor]).toBeCloseTo(0.75);
    expect(guide.share[model.requestIndex.get('JPN-USA')!]).toBe(0);
    expect(guide.atStart[jpnKor * model.nSlots + s0]).toBeCloseTo(0.5);
    expect(guide.atStart[jpnKor * model.nSlots + 2]).toBeCloseTo(0.25);
  });
});
