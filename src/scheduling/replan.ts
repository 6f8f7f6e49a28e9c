/**
 * Re-planning after the instance changed (a room lost, a principal's new commitment, a
 * request cancelled or added, a meeting confirmed and pinned). Pinned requests and the
 * `keep` list stay exactly where they are; every other meeting of the previous schedule
 * stays too unless moving it buys score.
 *
 * The choice: moves are weighed against score, not ranked after it. The search maximises
 *   score − moveCost × (previous meetings moved or dropped while they could have stayed),
 * with moveCost = 1 priority point by default: a change is made only when it gains more
 * than it disturbs (moving two meetings to fit a third of priority 3 is made; moving two to
 * fit one of priority 1 is not). moveCost → 0 gives score first, moves second; a large
 * moveCost gives stability first. Meetings that cannot stay where they were move without
 * penalty, since they must.
 */
import { SchedulingInputError } from './errors.js';
import { compileModel } from './model.js';
import { createRandom } from './random.js';
import { explainMisfit, type MisfitReason, Schedule } from './schedule.js';
import { Search, type SearchStats } from './search.js';
import { defaultBudgets, placePinned, solutionOf } from './solve.js';
import type { BilateralInstance, BilateralSolution, PinnedMeeting } from './types.js';
import { validateInstance, validateSolution } from './validate.js';

export type ChangeReason =
  | 'request_cancelled'
  | 'request_changed'
  | 'room_removed'
  | 'room_now_unavailable'
  | 'room_too_small'
  | 'party_now_unavailable'
  | 'pinned_elsewhere'
  | 'displaced_by_pinned'
  | 'displaced_for_higher_score'
  | 'newly_scheduled';

export interface MeetingChange {
  request: string;
  /** Where it was (moved, dropped). */
  from?: PinnedMeeting;
  /** Where it is now (moved, added). */
  to?: PinnedMeeting;
  reason: ChangeReason;
  detail?: string;
}

export interface ReplanOptions {
  timeLimitMs: number;
  seed?: number;
  now: () => number;
  /** Requests of the previous schedule that must stay exactly where they were. */
  keep?: string[];
  /** Priority points that moving or dropping a meeting costs (default 1). */
  moveCost?: number;
  maxSteps?: number;
  stallSteps?: number;
}

export interface ReplanResult {
  solution: BilateralSolution;
  score: number;
  /** Previous meetings left exactly where they were. */
  unchanged: number;
  moved: MeetingChange[];
  dropped: MeetingChange[];
  added: MeetingChange[];
  stats: SearchStats & { elapsedMs: number };
}

function reasonOf(misfit: MisfitReason, byPinned: boolean): ChangeReason {
  switch (misfit) {
    case 'room_now_unavailable':
    case 'room_too_small':
    case 'party_now_unavailable':
      return misfit;
    case 'outside_window':
    case 'past_end_of_day':
      return 'request_changed';
    default:
      return byPinned ? 'displaced_by_pinned' : 'request_changed';
  }
}

export function replan(
  instance: BilateralInstance,
  previous: BilateralSolution,
  options: ReplanOptions,
): ReplanResult {
  const started = options.now();
  const model = compileModel(validateInstance(instance));
  validateSolution(previous, instance, true);
  const n = model.nSlots;
  const schedule = new Schedule(model);
  const frozen = new Uint8Array(model.nRequests);
  placePinned(model, schedule, frozen);

  const home = new Int32Array(model.nRequests).fill(-1);
  const was = new Map<number, PinnedMeeting>();
  /** Why a previous meeting could not stay, per request. */
  const forced = new Map<number, { reason: ChangeReason; detail?: string }>();
  const dropped: MeetingChange[] = [];
  const keep = new Set(options.keep ?? []);
  for (const meeting of previous.meetings) {
    const q = model.requestIndex.get(meeting.request);
    const from = { room: meeting.room, start: meeting.start };
    if (q === undefined) {
      dropped.push({ request: meeting.request, from, reason: 'request_cancelled' });
      continue;
    }
    was.set(q, from);
    if (model.pinnedRoom[q]! >= 0) {
      const pinnedHere =
        model.roomIds[model.pinnedRoom[q]!] === meeting.room &&
        model.slotIds[model.pinnedStart[q]!] === meeting.start;
      if (!pinnedHere) forced.set(q, { reason: 'pinned_elsewhere' });
      continue;
    }
    const r = model.roomIndex.get(meeting.room);
    const s = model.slotIndex.get(meeting.start);
    if (r === undefined) {
      forced.set(q, { reason: 'room_removed', detail: meeting.room });
      continue;
    }
    if (s === undefined) {
      forced.set(q, { reason: 'request_changed', detail: `slot ${meeting.start} is gone` });
      continue;
    }
    const misfit = explainMisfit(schedule, q, r, s);
    if (misfit) {
      const byPinned = ['room_taken', 'party_busy', 'zone_transfer'].includes(misfit.reason);
      forced.set(q, { reason: reasonOf(misfit.reason, byPinned), detail: misfit.detail });
      if (keep.has(meeting.request)) {
        throw new SchedulingInputError(
          'pinned_conflict',
          `kept meeting ${meeting.request} cannot stay in ${meeting.room} at ` +
            `${meeting.start}: ${misfit.reason.replaceAll('_', ' ')} (${misfit.detail})`,
        );
      }
      continue;
    }
    schedule.place(q, r, s);
    home[q] = r * n + s;
    if (keep.has(meeting.request)) frozen[q] = 1;
  }
  schedule.checkpoint();

  const budgets = defaultBudgets(model);
  const deadline = started + options.timeLimitMs;
  const search = new Search(model, schedule, {
    random: createRandom(options.seed ?? 1),
    timeUp: () => options.now() >= deadline,
    timeSpent: () => (options.now() - started) / Math.max(1, options.timeLimitMs),
    temperature: 0.5,
    maxSteps: options.maxSteps ?? budgets.maxSteps,
    stallSteps: options.stallSteps ?? budgets.stallSteps,
    target: model.maxScore,
    frozen,
    home,
    moveCost: options.moveCost ?? 1,
  });
  search.construct();
  const stats = search.run();

  const where = (q: number): PinnedMeeting => ({
    room: model.roomIds[schedule.room[q]!]!,
    start: model.slotIds[schedule.start[q]!]!,
  });
  const moved: MeetingChange[] = [];
  const added: MeetingChange[] = [];
  let unchanged = 0;
  for (let q = 0; q < model.nRequests; q++) {
    const from = was.get(q);
    const request = model.requestIds[q]!;
    const scheduled = schedule.isScheduled(q);
    if (!from) {
      if (scheduled) added.push({ request, to: where(q), reason: 'newly_scheduled' });
      continue;
    }
    const cause = forced.get(q) ?? { reason: 'displaced_for_higher_score' as const };
    if (!scheduled) {
      dropped.push({ request, from, ...cause });
    } else {
      const to = where(q);
      if (to.room === from.room && to.start === from.start) unchanged++;
      else moved.push({ request, from, to, ...cause });
    }
  }
  return {
    solution: solutionOf(model, schedule),
    score: schedule.score,
    unchanged,
    moved,
    dropped,
    added,
    stats: { ...stats, elapsedMs: options.now() - started },
  };
}
