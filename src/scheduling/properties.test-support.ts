/**
 * Shared by the property tests: random tiny instances (fast-check) and their exhaustive
 * optimum.
 */
import fc from 'fast-check';
import type { Model } from './model.js';
import { Schedule } from './schedule.js';
import type { BilateralInstance, BilateralRequest } from './types.js';

const DELEGATIONS = ['A', 'B', 'C', 'D', 'E'];

export const arbInstance = (maxRequests: number) =>
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

export function fakeClock(): () => number {
  let t = 0;
  return () => t++;
}

/** Exhaustive optimum by depth-first search over every request's placements. */
export function bruteForceOptimum(model: Model): number {
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
