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
import { compileModel, type Model } from './model.js';
import { Schedule } from './schedule.js';
import { solve } from './solve.js';
import type { BilateralInstance, BilateralRequest } from './types.js';

const DELEGATIONS = ['A', 'B', 'C', 'D', 'E'];

const arbInstance = (maxRequests: number) =>
  fc
    .record({
      days: fc.integer({ min: 1, max: 2 }),
      perDay: fc.integer({ min: 1, max: 4 }),
      transferSlots: fc.integer({ min: 0, max: 2 }),
      rooms: fc.array(
        fc.record({
          capacity: fc.integer({ min: 0, max: 10 }),
          zone: fc.option(fc.constantFrom('X', 'Y'), { nil: undefined }),
          unavailable: fc.array(fc.nat(7), { maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      unavailable: fc.array(fc.array(fc.nat(7), { maxLength: 2 }), {
        minLength: DELEGATIONS.length,
        maxLength: DELEGATIONS.length,
      }),
      requests: fc.array(
        fc.record({
          parties: fc.uniqueArray(fc.constantFrom(...DELEGATIONS), { minLength: 2, maxLength: 3 }),
          priority: fc.integer({ min: 1, max: 5 }),
          length: fc.integer({ min: 1, max: 2 }),
          size: fc.integer({ min: 0, max: 10 }),
          window: fc.option(fc.tuple(fc.nat(7), fc.nat(7)), { nil: undefined }),
        }),
        { minLength: 1, maxLength: maxRequests },
      ),
    })
    .map((raw): BilateralInstance => {
      const slots: { id: string; day: number }[] = [];
      for (let day = 1; day <= raw.days; day++) {
        for (let k = 0; k < raw.perDay; k++) slots.push({ id: `d${day}s${k}`, day });
      }
      const slotId = (i: number) => slots[i % slots.length]!.id;
      const requests: BilateralRequest[] = raw.requests.map((r, i) => {
        const request: BilateralRequest = {
          id: `q${i}`,
          parties: r.parties,
          priority: r.priority,
          length: r.length,
          size: r.size,
        };
        if (r.window) {
          const [a, b] = [r.window[0] % slots.length, r.window[1] % slots.length].sort(
            (x, y) => x - y,
          );
          request.window = [slotId(a!), slotId(b!)];
        }
        return request;
      });
      return {
        format: 'plenary.bilaterals/1',
        name: 'property',
        transferSlots: raw.transferSlots,
        slots,
        rooms: raw.rooms.map((r, i) => ({
          id: `R${i}`,
          capacity: r.capacity,
          ...(r.zone ? { zone: r.zone } : {}),
          unavailable: [...new Set(r.unavailable.map(slotId))],
        })),
        delegations: DELEGATIONS.map((id, d) => ({
          id,
          unavailable: [...new Set(raw.unavailable[d]!.map(slotId))],
        })),
        requests,
      };
    });

function fakeClock(): () => number {
  let t = 0;
  return () => t++;
}

/** Exhaustive optimum by depth-first search over every request's placements. */
function bruteForceOptimum(model: Model): number {
  const schedule = new Schedule(model);
  let best = 0;
  const visit = (q: number): void => {
    if (q === model.nRequests) {
      best = Math.max(best, schedule.score);
      return;
    }
    visit(q + 1);
    for (let s = 0; s < model.nSlots; s++) {
      for (let r = 0; r < model.nRooms; r++) {
        if (!schedule.fits(q, r, s)) continue;
        schedule.place(q, r, s);
        visit(q + 1);
        schedule.remove(q);
      }
    }
  };
  visit(0);
  return best;
}

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
