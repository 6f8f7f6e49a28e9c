/**
 * solve(): the public entry of the optimiser. Pure: the clock comes in as `now`, randomness
 * from `seed`. The result depends on the seed alone unless the time limit cuts the search
 * short (then on how many steps fitted in the time); stats.stoppedBy says which.
 */

import { upperBound } from './bound.js';
import { SchedulingInputError } from './errors.js';
import { bookFirstComeFirstServed } from './greedy.js';
import { compileModel, type Model } from './model.js';
import { createRandom } from './random.js';
import { explainMisfit, Schedule } from './schedule.js';
import { Search, type SearchStats } from './search.js';
import { type BilateralInstance, type BilateralSolution, SOLUTION_FORMAT } from './types.js';
import { validateInstance } from './validate.js';

export interface SolveOptions {
  /** Wall-clock budget; the search stops at the first check past it. */
  timeLimitMs: number;
  /** Seed of the pseudo-random generator (default 1). */
  seed?: number;
  /** Milliseconds from any fixed origin; only differences are used. */
  now: () => number;
  /**
   * Step budget of the local search; by default it grows with the instance. With the same
   * seed and step budget, the result is the same whenever the time limit is not reached.
   */
  maxSteps?: number;
  /** Stop after this many steps without improvement (default: grows with the instance). */
  stallSteps?: number;
  /** Starting temperature of the annealing acceptance, in priority points (default 1). */
  temperature?: number;
  /** Subgradient iterations of the upper bound (default 300). */
  boundIterations?: number;
  /** Skip the upper bound (saves its time on big instances). */
  skipBound?: boolean;
}

export interface SolveStats extends SearchStats {
  /** Score of first-come-first-served booking, the floor the result never falls below. */
  greedyScore: number;
  /** Score after the constructive pass. */
  constructiveScore: number;
  scheduled: number;
  requests: number;
  maxScore: number;
  elapsedMs: number;
  boundMs: number;
}

export interface SolveResult {
  solution: BilateralSolution;
  score: number;
  /** A proven upper bound on the optimum, when computed. */
  bound?: number;
  /** True when score equals the bound: the schedule is optimal. */
  optimal: boolean;
  stats: SolveStats;
}

export function solutionOf(model: Model, schedule: Schedule): BilateralSolution {
  const meetings = [];
  for (let q = 0; q < model.nRequests; q++) {
    const r = schedule.room[q]!;
    if (r < 0) continue;
    meetings.push({
      request: model.requestIds[q]!,
      room: model.roomIds[r]!,
      start: model.slotIds[schedule.start[q]!]!,
    });
  }
  const solution: BilateralSolution = { format: SOLUTION_FORMAT, meetings };
  if (model.name !== undefined) solution.instance = model.name;
  return solution;
}

/** Places the pinned requests, or throws pinned_conflict naming the first that cannot hold. */
export function placePinned(model: Model, schedule: Schedule, frozen: Uint8Array): void {
  for (let q = 0; q < model.nRequests; q++) {
    const r = model.pinnedRoom[q]!;
    if (r < 0) continue;
    const s = model.pinnedStart[q]!;
    const misfit = explainMisfit(schedule, q, r, s);
    if (misfit) {
      throw new SchedulingInputError(
        'pinned_conflict',
        `pinned request ${model.requestIds[q]} cannot be held in ${model.roomIds[r]} at ` +
          `${model.slotIds[s]}: ${misfit.reason.replaceAll('_', ' ')} (${misfit.detail})`,
      );
    }
    schedule.place(q, r, s);
    frozen[q] = 1;
  }
  schedule.checkpoint();
}

/** Default budgets: enough for the public families to converge on a 2-core machine. */
export function defaultBudgets(model: Model): { maxSteps: number; stallSteps: number } {
  return {
    maxSteps: 400 * model.nRequests + 50_000,
    stallSteps: 150 * model.nRequests + 30_000,
  };
}

export function solve(instance: BilateralInstance, options: SolveOptions): SolveResult {
  const started = options.now();
  const deadline = started + options.timeLimitMs;
  const model = compileModel(validateInstance(instance));
  const random = createRandom(options.seed ?? 1);
  const frozen = new Uint8Array(model.nRequests);
  const schedule = new Schedule(model);
  placePinned(model, schedule, frozen);

  const greedy = new Schedule(model);
  greedy.copyFrom(schedule);
  bookFirstComeFirstServed(model, greedy);

  // The bound gets at most a twentieth of the time; stopping early only loosens it.
  const boundStarted = options.now();
  const boundDeadline = boundStarted + options.timeLimitMs / 20;
  const bound = options.skipBound
    ? undefined
    : upperBound(model, {
        known: greedy.score,
        maxIterations: options.boundIterations ?? 300,
        timeUp: () => options.now() >= boundDeadline,
      });
  const boundMs = options.now() - boundStarted;

  const budgets = defaultBudgets(model);
  const search = new Search(model, schedule, {
    random,
    timeUp: () => options.now() >= deadline,
    timeSpent: () => (options.now() - started) / Math.max(1, options.timeLimitMs),
    temperature: options.temperature ?? 1,
    maxSteps: options.maxSteps ?? budgets.maxSteps,
    stallSteps: options.stallSteps ?? budgets.stallSteps,
    target: bound ?? model.maxScore,
    frozen,
  });
  search.construct();
  const constructiveScore = schedule.score;
  if (greedy.score > schedule.score) schedule.copyFrom(greedy);
  const searchStats = search.run();
  const result = schedule.score >= greedy.score ? schedule : greedy;
  return {
    solution: solutionOf(model, result),
    score: result.score,
    ...(bound === undefined ? {} : { bound }),
    optimal: bound !== undefined && result.score >= bound,
    stats: {
      ...searchStats,
      greedyScore: greedy.score,
      constructiveScore,
      scheduled: result.scheduled,
      requests: model.nRequests,
      maxScore: model.maxScore,
      elapsedMs: options.now() - started,
      boundMs,
    },
  };
}
