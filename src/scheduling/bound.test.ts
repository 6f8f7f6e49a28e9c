/**
 * The upper bounds are sound: on tiny random instances neither the LP bound of the exact
 * route nor the Lagrangian bound ever falls below the optimum found by exhaustive search,
 * and `provenOptimal` is claimed only when the score reaches the bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { upperBound } from './bound.js';
import { solveExact } from './exact.js';
import { independentCheck } from './fixtures.test-support.js';
import { highs } from './highs.js';
import { compileModel, type Model } from './model.js';
import { arbInstance, bruteForceOptimum } from './properties.test-support.js';
import { Schedule } from './schedule.js';
import { placePinned, solve } from './solve.js';

function fakeClock(): () => number {
  let t = 0;
  return () => t++;
}

function pinnedOnly(model: Model): Schedule {
  const schedule = new Schedule(model);
  placePinned(model, schedule, new Uint8Array(model.nRequests));
  return schedule;
}

describe('upper bounds', () => {
  it('has HiGHS available for the exact route', () => {
    expect(highs).not.toBeNull();
  });

  it('never puts the LP bound below the exhaustive optimum', () => {
    fc.assert(
      fc.property(arbInstance(6), (instance) => {
        const model = compileModel(instance);
        const optimum = bruteForceOptimum(model);
        const base = pinnedOnly(model);
        const outcome = solveExact(model, base, {
          highs: highs!,
          now: fakeClock(),
          deadline: 1e12,
          incumbent: base,
        });
        expect(outcome.bound).toBeDefined();
        expect(outcome.bound!).toBeGreaterThanOrEqual(optimum);
        // A schedule of the exact route is feasible and no better than the optimum.
        if (outcome.schedule) {
          expect(outcome.schedule.score).toBeLessThanOrEqual(optimum);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never puts the Lagrangian bound below the exhaustive optimum', () => {
    fc.assert(
      fc.property(arbInstance(6), (instance) => {
        const model = compileModel(instance);
        const bound = upperBound(model, { known: 0, maxIterations: 100, timeUp: () => false });
        expect(bound).toBeGreaterThanOrEqual(bruteForceOptimum(model));
      }),
      { numRuns: 60 },
    );
  });

  it('claims provenOptimal only when the score equals the bound', () => {
    fc.assert(
      fc.property(arbInstance(7), fc.nat(100), (instance, seed) => {
        const result = solve(instance, {
          timeLimitMs: 1e12,
          seed,
          now: fakeClock(),
          maxSteps: 300,
        });
        expect(independentCheck(instance, result.solution).violations).toEqual([]);
        expect(result.bound).toBeDefined();
        expect(result.bound!).toBeGreaterThanOrEqual(result.score);
        expect(result.provenOptimal).toBe(result.score === result.bound);
        expect(result.optimal).toBe(result.provenOptimal);
        if (result.provenOptimal) {
          expect(result.score).toBe(bruteForceOptimum(compileModel(instance)));
        }
      }),
      { numRuns: 60 },
    );
  });
});
