/**
 * An upper bound on the optimum, by Lagrangian relaxation of the room-free time-indexed
 * model: variables "request q starts at s"; a principal attends at most one meeting per
 * slot; per slot and seat threshold L, the meetings needing more than L seats are at most
 * the open rooms with more than L seats (a nested, Hall-type room count). Zones and the
 * assignment to individual rooms are relaxed. Relaxing the principal and room rows with
 * multipliers leaves each request to pick its best start alone; subgradient steps (Polyak's
 * rule towards a known schedule's score) tighten the multipliers. Any multipliers give a
 * valid bound, so stopping early (step or time budget) only loosens it. Its limit is the LP
 * bound, which on the public instances lies 2–4 points above the optimum for seoul/gccs:
 * it proves optimality only when the LP happens to be tight.
 */
import type { Model } from './model.js';

export interface BoundOptions {
  /** A feasible schedule's score: the target of the step rule, and a stopping test. */
  known: number;
  maxIterations: number;
  timeUp: () => boolean;
}

export function upperBound(model: Model, options: BoundOptions): number {
  const { nSlots: n, nDelegations, nRequests, nRooms } = model;
  const capacities = [...new Set(model.roomCapacity)].sort((a, b) => a - b);
  // Thresholds L: -1 (every meeting needs a room), then each capacity but the largest.
  const levels = [-1, ...capacities.slice(0, -1)];
  const nLevels = levels.length;
  const roomsAbove = new Float64Array(nLevels * n);
  for (let k = 0; k < nLevels; k++) {
    for (let t = 0; t < n; t++) {
      let count = 0;
      for (let r = 0; r < nRooms; r++) {
        if (model.roomCapacity[r]! > levels[k]! && !model.roomUnavailable[r * n + t]) count++;
      }
      roomsAbove[k * n + t] = count;
    }
  }
  /** How many levels a request's meeting counts in: those with L < size. */
  const levelCount = new Int32Array(nRequests);
  for (let q = 0; q < nRequests; q++) {
    let k = 0;
    while (k < nLevels && levels[k]! < model.size[q]!) k++;
    levelCount[q] = k;
  }
  const lambda = new Float64Array(nDelegations * n);
  const mu = new Float64Array(nLevels * n);
  const useD = new Float64Array(nDelegations * n);
  const useR = new Float64Array(nLevels * n);
  let best = Number.POSITIVE_INFINITY;
  let theta = 1;
  let sinceBest = 0;

  const startsOf = (q: number, each: (s: number) => void): void => {
    if (model.pinnedRoom[q]! >= 0) each(model.pinnedStart[q]!);
    else
      for (let i = model.startStart[q]!; i < model.startStart[q + 1]!; i++)
        each(model.startList[i]!);
  };
  const priced = (q: number, s: number): number => {
    let value = model.priority[q]!;
    const end = s + model.length[q]! - 1;
    for (let t = s; t <= end; t++) {
      for (let p = model.partyStart[q]!; p < model.partyStart[q + 1]!; p++) {
        value -= lambda[model.partyList[p]! * n + t]!;
      }
      for (let k = 0; k < levelCount[q]!; k++) value -= mu[k * n + t]!;
    }
    return value;
  };

  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    if ((iteration & 7) === 0 && options.timeUp()) break;
    useD.fill(0);
    useR.fill(0);
    let value = 0;
    for (let q = 0; q < nRequests; q++) {
      const pinned = model.pinnedRoom[q]! >= 0;
      let bestValue = pinned ? Number.NEGATIVE_INFINITY : 0;
      let bestStart = -1;
      startsOf(q, (s) => {
        const v = priced(q, s);
        if (v > bestValue) {
          bestValue = v;
          bestStart = s;
        }
      });
      if (bestStart < 0) continue;
      value += bestValue;
      const end = bestStart + model.length[q]! - 1;
      for (let t = bestStart; t <= end; t++) {
        for (let p = model.partyStart[q]!; p < model.partyStart[q + 1]!; p++) {
          useD[model.partyList[p]! * n + t]! += 1;
        }
        for (let k = 0; k < levelCount[q]!; k++) useR[k * n + t]! += 1;
      }
    }
    let norm = 0;
    for (let i = 0; i < lambda.length; i++) {
      value += lambda[i]!;
      const g = 1 - useD[i]!;
      if (lambda[i]! > 0 || g < 0) norm += g * g;
    }
    for (let i = 0; i < mu.length; i++) {
      value += mu[i]! * roomsAbove[i]!;
      const g = roomsAbove[i]! - useR[i]!;
      if (mu[i]! > 0 || g < 0) norm += g * g;
    }
    if (value < best - 1e-9) {
      best = value;
      sinceBest = 0;
    } else if (++sinceBest >= 10) {
      theta /= 2;
      sinceBest = 0;
    }
    // Integer priorities: the optimum is an integer, so the floor is a bound too.
    if (Math.floor(best + 1e-6) <= options.known || norm === 0 || theta < 1e-4) break;
    const step = (theta * Math.max(value - options.known, 0.05)) / norm;
    for (let i = 0; i < lambda.length; i++) {
      lambda[i] = Math.max(0, lambda[i]! - step * (1 - useD[i]!));
    }
    for (let i = 0; i < mu.length; i++) {
      mu[i] = Math.max(0, mu[i]! - step * (roomsAbove[i]! - useR[i]!));
    }
  }
  let trivial = 0;
  for (let q = 0; q < nRequests; q++) {
    if (model.startStart[q + 1]! > model.startStart[q]! || model.pinnedRoom[q]! >= 0) {
      trivial += model.priority[q]!;
    }
  }
  return Math.min(trivial, Math.floor(best + 1e-6));
}
