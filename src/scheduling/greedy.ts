/**
 * First-come-first-served booking in filing order, as secretariats book by hand: each
 * request takes its earliest possible start in the smallest free room that fits. It is the
 * baseline the optimiser must never fall below, and the solver's fallback starting point.
 */
import type { Model } from './model.js';
import type { Schedule } from './schedule.js';

export function bookFirstComeFirstServed(model: Model, schedule: Schedule): void {
  for (let q = 0; q < model.nRequests; q++) {
    if (schedule.isScheduled(q)) continue;
    for (let i = model.startStart[q]!; i < model.startStart[q + 1]!; i++) {
      const s = model.startList[i]!;
      if (!schedule.partiesFree(q, s)) continue;
      const r = schedule.smallestRoom(q, s);
      if (r >= 0) {
        schedule.place(q, r, s);
        break;
      }
    }
  }
  schedule.checkpoint();
}
