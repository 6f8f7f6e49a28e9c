/**
 * Property tests: for any small instance, the schedule is feasible per check.mjs, pinned
 * meetings stay put, the score never falls below first-come-first-served booking, and on
 * tiny instances it equals the optimum found by exhaustive search.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateSolution } from './evaluate.js';
import { independentCheck } from './fixtures.test-support.js';
import { bookFirstComeFirstServed } from './greedy.js';
import { compileModel } from './model.js';
import { arbInstance, bruteForceOptimum, fakeClock } from './properties.test-support.js';
import { Schedule } from './schedule.js';
import { solve } from './solve.js';

describe('solve: properties', () => {
  it('is feasible per check.mjs and never below first-come-first-served', () => {
    fc.assert(
      fc.property(arbInstance(10), fc.nat(1000), (instance, seed) => {
        const result = solve(instance, {
          timeLimitMs: 1e12,
          seed,
          now: fakeClock(),
          maxSteps: 400,
        });
        const report = independentCheck(instance, result.solution);
        expect(report.violations).toEqual([]);
        expect(evaluateSolution(instance, result.solution).violations).toEqual([]);
        const model = compileModel(instance);
        const greedy = new Schedule(model);
        bookFirstComeFirstServed(model, greedy);
        expect(result.score).toBeGreaterThanOrEqual(greedy.score);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps pinned meetings exactly where they were pinned', () => {
    fc.assert(
      fc.property(arbInstance(10), fc.nat(1000), (instance, seed) => {
        // Pin a subset of a feasible schedule, so that the pins can all hold.
        const first = solve(instance, { timeLimitMs: 1e12, seed, now: fakeClock(), maxSteps: 50 });
        const pinned = structuredClone(instance);
        first.solution.meetings.forEach((m, i) => {
          if (i % 2 === seed % 2) {
            const request = pinned.requests.find((r) => r.id === m.request)!;
            request.pinned = { room: m.room, start: m.start };
          }
        });
        const result = solve(pinned, { timeLimitMs: 1e12, seed, now: fakeClock(), maxSteps: 400 });
        expect(independentCheck(pinned, result.solution).violations).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('finds the optimum of tiny instances', () => {
    fc.assert(
      fc.property(arbInstance(5), (instance) => {
        const result = solve(instance, { timeLimitMs: 1e12, seed: 1, now: fakeClock() });
        expect(result.score).toBe(bruteForceOptimum(compileModel(instance)));
      }),
      { numRuns: 100 },
    );
  });
});
