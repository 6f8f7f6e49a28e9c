/**
 * solve(): the public entry of the optimiser. Pure: the clock comes in as `now`, randomness
 * from `seed`. The result depends on the seed alone unless the time limit cuts the search
 * short (then on how many steps fitted in the time); stats.stoppedBy says which.
 */

import type { Highs } from 'highs';
import { upperBound } from './bound.js';
import { SchedulingInputError } from './errors.js';
import {
  type Built,
  type ExactResult,
  faceMilp,
  faceWorthSolving,
  type LpProjector,
  type MilpHelper,
  optimalFace,
  solveExact,
} from './exact.js';
import { bookFirstComeFirstServed } from './greedy.js';
import { highs } from './highs.js';
import { compileModel, type Model } from './model.js';
import { improveByProjection, zoneColumns } from './neighbourhood.js';
import { createRandom, type Random } from './random.js';
import { explainMisfit, Schedule } from './schedule.js';
import { type LpGuide, Search, type SearchStats } from './search.js';
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
  /**
   * Runs MILPs on a second thread (milp-helper.ts, from the caller): the face MILP then
   * tries two seeds at a time. This thread tries the same seeds as without a helper and wins
   * ties: the helper changes the result only when its seed succeeds where this thread's fails.
   */
  helper?: MilpHelper | null;
  /** Skip the upper bound (saves its time on big instances). */
  skipBound?: boolean;
  /**
   * Use the exact route (LP relaxation by column generation, then a small MILP, with
   * HiGHS) when the instance is small enough; default true. Without it, or when HiGHS is
   * not available, the bound is the Lagrangian one.
   */
  exact?: boolean;
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
  /** How the bound was obtained: 'lp' (exact route), 'lagrangian', or 'none'. */
  boundKind: 'lp' | 'lagrangian' | 'none';
  /** The exact route's outcome (phase reached, LP value, model size), when it ran. */
  exact?: ExactStats;
}

export interface ExactStats {
  status: string;
  lp?: number;
  variables: number;
  rows: number;
  rounds: number;
  lpColumns: number;
  milpColumns: number;
  lpMs: number;
  /** Score of the exact route's own schedule, when it produced one. */
  milpScore?: number;
  /** What the face MILP did, when it ran (searchFace). */
  face?: string;
}

export interface SolveResult {
  solution: BilateralSolution;
  score: number;
  /** A proven upper bound on the optimum, when computed. */
  bound?: number;
  /** True when score equals the bound: the schedule is optimal. */
  optimal: boolean;
  /** The same as `optimal`: the score reaches a proven upper bound. */
  provenOptimal: boolean;
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

/** The LP solution as the search's guide: each request's share, and its value per start. */
export function lpGuide(model: Model, built: Built, values: Float64Array): LpGuide {
  const share = new Float64Array(model.nRequests);
  const atStart = new Float32Array(model.nRequests * model.nSlots);
  for (let j = 0; j < built.nVars; j++) {
    const v = values[j]!;
    if (v <= 0) continue;
    const q = built.varQ[j]!;
    share[q]! += v;
    atStart[q * model.nSlots + built.varS[j]!]! += v;
  }
  return { share, atStart };
}

/** What the exact route left for the search: the live LP, its model and its multipliers. */
interface ExactAid {
  projector: LpProjector;
  built: Built;
  multipliers?: ExactResult['multipliers'];
  /** The schedule with the pinned meetings only (rooms are assigned from it). */
  pinnedOnly: Schedule;
  seed: number;
  helper: MilpHelper | null;
}

/**
 * The face MILP (exact.ts, optimalFace): a schedule worth the bound found by feasibility jump
 * on the LP's optimal face with its tight rows. Each target it proves out of reach lowers
 * the bound by one. At most `until`; the schedule is improved in place. Returns what it did.
 */
function searchFace(
  model: Model,
  search: Search,
  aid: ExactAid,
  bound: { value: number },
  limits: { highs: Highs; now: () => number; until: number },
): string {
  const { multipliers } = aid;
  if (!multipliers) return 'no multipliers';
  let lowered = '';
  while (search.schedule.score < bound.value && limits.now() < limits.until) {
    const target = bound.value;
    const face = optimalFace(
      aid.built,
      multipliers.reduced,
      multipliers.y,
      multipliers.bound,
      target,
    );
    if (!faceWorthSolving(face, multipliers.bound, target)) return `${lowered}face too loose`;
    const outcome = faceMilp(
      model,
      aid.pinnedOnly,
      aid.built,
      face,
      {
        highs: limits.highs,
        now: limits.now,
        deadline: limits.until,
        incumbent: search.schedule,
        seed: aid.seed,
        helper: aid.helper,
      },
      target,
      limits.until,
    );
    if (outcome.schedule && outcome.schedule.score > search.schedule.score) {
      search.schedule.copyFrom(outcome.schedule);
    }
    if (search.schedule.score >= target) return `${lowered}reached ${target}`;
    if (!outcome.proven) {
      if (outcome.value !== undefined && outcome.value >= target)
        return `${lowered}rooms not assigned`;
      return `${lowered}no point found`;
    }
    // No schedule is worth the target.
    bound.value = target - 1;
    search.setTarget(bound.value);
    lowered += `none worth ${target}; `;
  }
  return `${lowered}out of time`;
}

/**
 * The search, interleaved with LP projections (neighbourhood.ts) whenever it stalls, until
 * the target, the step budget or the deadline. After the first, short, stall comes the face
 * MILP (searchFace), once.
 */
function searchAndProject(
  model: Model,
  search: Search,
  aid: ExactAid,
  bound: { value: number },
  frozen: Uint8Array,
  random: Random,
  /** Filled with what the face MILP did. */
  report: { face?: string },
  limits: {
    highs: Highs;
    now: () => number;
    deadline: number;
    /** Latest end of the face MILP. */
    faceUntil: number;
    maxSteps: number;
    stallSteps: number;
  },
): SearchStats {
  const { built, projector } = aid;
  const columns = zoneColumns(built, model.nRequests);
  const total: SearchStats = { steps: 0, improvements: 0, stoppedBy: 'steps' };
  // Short stalls: once the search stops improving, projections are the better use of time;
  // shorter still before the face MILP, which reaches the bound on most tight instances.
  const shortStall = Math.min(limits.stallSteps, 20 * model.nRequests + 2000);
  const firstStall = Math.min(shortStall, 5 * model.nRequests + 1000);
  let faceTried = !aid.multipliers;
  for (;;) {
    const left = limits.maxSteps - total.steps;
    search.setBudget(Math.max(0, left), faceTried ? shortStall : firstStall);
    const stats = search.run();
    total.steps += stats.steps;
    total.improvements += stats.improvements;
    total.stoppedBy = stats.stoppedBy;
    if (stats.stoppedBy === 'target' || stats.stoppedBy === 'time') return total;
    if (!faceTried) {
      faceTried = true;
      report.face = searchFace(model, search, aid, bound, { ...limits, until: limits.faceUntil });
      if (search.schedule.score >= bound.value) {
        total.stoppedBy = 'target';
        return total;
      }
      continue;
    }
    const target = bound.value;
    const improved = improveByProjection(model, built, columns, projector, search.schedule, {
      highs: limits.highs,
      now: limits.now,
      deadline: limits.deadline,
      random,
      target,
      frozen,
      attempts: 4,
      // The search that follows a failed projection heads for the projected LP solution.
      onProjection: (values) => search.setGuide(lpGuide(model, built, values)),
      maxNodes: 200,
    });
    if (search.schedule.score >= target) {
      total.stoppedBy = 'target';
      return total;
    }
    if (limits.now() >= limits.deadline) {
      total.stoppedBy = 'time';
      return total;
    }
    if (!improved && total.steps >= limits.maxSteps) return total;
  }
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

  const pinnedOnly = new Schedule(model);
  pinnedOnly.copyFrom(schedule);
  const budgets = defaultBudgets(model);
  const search = new Search(model, schedule, {
    random,
    timeUp: () => options.now() >= deadline,
    timeSpent: () => (options.now() - started) / Math.max(1, options.timeLimitMs),
    temperature: options.temperature ?? 1,
    maxSteps: options.maxSteps ?? budgets.maxSteps,
    stallSteps: options.stallSteps ?? budgets.stallSteps,
    target: model.maxScore,
    frozen,
  });
  search.construct();
  const constructiveScore = schedule.score;
  if (greedy.score > schedule.score) schedule.copyFrom(greedy);

  // The bound. The exact route gets at most half the time for the LP and a further 5 %
  // for its MILP; the Lagrangian fallback a twentieth. Stopping early only loosens a bound.
  // The LP is kept: the search that follows alternates with LP projections (the support
  // MILP is skipped, the projections do its work from a better incumbent).
  const boundStarted = options.now();
  let bound: number | undefined;
  let boundKind: SolveStats['boundKind'] = 'none';
  let exact: ExactStats | undefined;
  let projector: LpProjector | null = null;
  let built: Built | null = null;
  let multipliers: ExactResult['multipliers'];
  let boundMs = 0;
  let searchStats: SearchStats;
  // The live LP (projector) is freed however this ends.
  try {
    if (!options.skipBound && highs && options.exact !== false) {
      const outcome = solveExact(model, pinnedOnly, {
        highs,
        now: options.now,
        deadline: boundStarted + options.timeLimitMs * 0.5,
        milpDeadline: boundStarted + options.timeLimitMs * 0.55,
        incumbent: schedule,
        seed: options.seed ?? 1,
        keepLp: true,
        supportMilp: false,
        deferFace: true,
      });
      projector = outcome.projector ?? null;
      built = outcome.built ?? null;
      multipliers = outcome.multipliers;
      exact = {
        status: outcome.status,
        ...(outcome.lp === undefined ? {} : { lp: outcome.lp }),
        variables: outcome.variables,
        rows: outcome.rows,
        rounds: outcome.rounds,
        lpColumns: outcome.lpColumns,
        milpColumns: outcome.milpColumns,
        lpMs: outcome.lpMs,
        ...(outcome.schedule ? { milpScore: outcome.schedule.score } : {}),
      };
      if (outcome.bound !== undefined) {
        bound = outcome.bound;
        boundKind = 'lp';
      }
      if (outcome.schedule && outcome.schedule.score > schedule.score) {
        schedule.copyFrom(outcome.schedule);
      }
      if (outcome.built && outcome.lpValues)
        search.setGuide(lpGuide(model, outcome.built, outcome.lpValues));
    }
    if (!options.skipBound && bound === undefined) {
      const boundDeadline = boundStarted + options.timeLimitMs / 20;
      bound = upperBound(model, {
        known: Math.max(greedy.score, schedule.score),
        maxIterations: options.boundIterations ?? 300,
        timeUp: () => options.now() >= boundDeadline,
      });
      boundKind = 'lagrangian';
    }
    boundMs = options.now() - boundStarted;

    search.setTarget(bound ?? model.maxScore);
    if (projector && built && bound !== undefined && highs) {
      const proven = { value: bound };
      const aid: ExactAid = {
        projector,
        built,
        ...(exact?.status === 'face MILP deferred' && multipliers ? { multipliers } : {}),
        pinnedOnly,
        seed: options.seed ?? 1,
        helper: options.helper ?? null,
      };
      const report: { face?: string } = {};
      searchStats = searchAndProject(model, search, aid, proven, frozen, random, report, {
        highs,
        now: options.now,
        deadline,
        // The last 8 % of the time is the search's.
        faceUntil: deadline - options.timeLimitMs * 0.08,
        maxSteps: options.maxSteps ?? budgets.maxSteps,
        stallSteps: options.stallSteps ?? budgets.stallSteps,
      });
      bound = proven.value;
      if (exact && report.face !== undefined) exact.face = report.face;
    } else {
      searchStats = search.run();
    }
  } finally {
    projector?.dispose();
  }
  const result = schedule.score >= greedy.score ? schedule : greedy;
  return {
    solution: solutionOf(model, result),
    score: result.score,
    ...(bound === undefined ? {} : { bound }),
    optimal: bound !== undefined && result.score >= bound,
    provenOptimal: bound !== undefined && result.score >= bound,
    stats: {
      ...searchStats,
      greedyScore: greedy.score,
      constructiveScore,
      scheduled: result.scheduled,
      requests: model.nRequests,
      maxScore: model.maxScore,
      elapsedMs: options.now() - started,
      boundMs,
      boundKind,
      ...(exact ? { exact } : {}),
    },
  };
}
