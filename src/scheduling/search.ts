/**
 * The optimiser: a constructive pass (highest priority first, each meeting where it costs
 * the others least), then large-neighbourhood search. Each step ruins a small part of the
 * schedule around one unscheduled request or one delegation's day, rebuilds it greedily in
 * a randomised priority order, and keeps the result when the score did not drop (plateau
 * moves are what lets the search wander between equal schedules). Every choice comes from
 * the seeded generator, and the step count, not the clock, ends the search unless the
 * deadline comes first.
 */
import type { Model } from './model.js';
import type { Random } from './random.js';
import { ANY_ZONE, NO_ZONE, Schedule } from './schedule.js';

/** Relative noise on the reinsertion order's keys (priority per root of length). */
const KEY_NOISE = 0.6;
/** Relative noise on placement costs during reinsertion. */
const PLACE_NOISE = 0.3;
/** Share of steps that ruin around an unscheduled request; then delegation spans. */
const P_MAKE = 0.6;
const P_DEL = 0.85;
/** Placement cost: weight of unused seats and of the parties' demand for the slots. */
const W_WASTE = 0.5;
const W_PRESS = 1;
/** Ejection chains: chance for a ruined meeting that fits nowhere, depth, starts tried. */
const P_EJECT = 0.5;
const EJECT_DEPTH = 1;
const EJECT_TRIES = 3;
/** LP guide: how far an LP-held start lowers the placement cost; weight of LP-free requests. */
const LP_PULL = 0.5;
const LP_FLOOR = 0.25;
/** Placement cost of each change of zone a meeting adds to a party's day. */
const W_ZONE = 2;

export interface SearchOptions {
  random: Random;
  /** Returns true once the time budget is spent; polled every few steps. */
  timeUp: () => boolean;
  /** Stop after this many steps in all. */
  maxSteps: number;
  /** Stop after this many steps without a better score. */
  stallSteps: number;
  /** Share of the time budget spent, in [0, 1]; cools the annealing when time-limited. */
  timeSpent: () => number;
  /** Starting temperature of the acceptance rule, in priority points (0: only ≥). */
  temperature: number;
  /** Stop as soon as the score reaches this (a proven upper bound). */
  target: number;
  /** Re-planning: where each request was before (room * nSlots + start, or -1). */
  home?: Int32Array;
  /**
   * Re-planning: what moving or dropping a previously placed meeting costs, in priority
   * points. 0 ignores the previous placement.
   */
  moveCost?: number;
  /** Requests that the search must leave where they are (pins, kept meetings). */
  frozen: Uint8Array;
}

/**
 * What the LP relaxation of the exact route says, to steer the search towards the schedules
 * it bounds: how much of each request it holds, and where.
 */
export interface LpGuide {
  /** Per request: the LP value summed over its columns, in [0, 1]. */
  share: Float64Array;
  /** Per request and start (q * nSlots + s): the LP value of starting there, in any zone. */
  atStart: Float32Array;
}

export interface SearchStats {
  steps: number;
  improvements: number;
  stoppedBy: 'target' | 'stall' | 'steps' | 'time';
}

/** Static congestion of each delegation and slot: how much demand could use it. */
function delegationPressure(model: Model): Float64Array {
  const { nSlots, nDelegations, nRequests } = model;
  const pressure = new Float64Array(nDelegations * nSlots);
  for (let q = 0; q < nRequests; q++) {
    const from = model.startStart[q]!;
    const to = model.startStart[q + 1]!;
    if (to === from) continue;
    const share = (model.priority[q]! * model.length[q]!) / (to - from);
    for (let i = from; i < to; i++) {
      const s = model.startList[i]!;
      const end = s + model.length[q]! - 1;
      for (let p = model.partyStart[q]!; p < model.partyStart[q + 1]!; p++) {
        const base = model.partyList[p]! * nSlots;
        for (let t = s; t <= end; t++) pressure[base + t]! += share;
      }
    }
  }
  return pressure;
}

export class Search {
  readonly model: Model;
  readonly schedule: Schedule;
  private readonly options: SearchOptions;
  private readonly random: Random;
  private readonly pressure: Float64Array;
  /** Scratch: stamp per request, to collect candidates without duplicates. */
  private readonly stamp: Int32Array;
  /** Step in which each request was last taken out of the schedule. */
  private readonly ruinedAt: Int32Array;
  private stampNow = 0;
  private readonly candidates: number[] = [];
  private readonly keys: Float64Array;
  /** Requests that can ever be scheduled and are not frozen. */
  private readonly movable: Int32Array;
  /** Score of the objective (priority minus move costs) in the current schedule. */
  private penalty = 0;
  private guide: LpGuide | null = null;

  constructor(model: Model, schedule: Schedule, options: SearchOptions) {
    this.model = model;
    this.schedule = schedule;
    this.options = options;
    this.random = options.random;
    this.pressure = delegationPressure(model);
    this.stamp = new Int32Array(model.nRequests);
    this.ruinedAt = new Int32Array(model.nRequests);
    this.keys = new Float64Array(model.nRequests);
    const movable: number[] = [];
    for (let q = 0; q < model.nRequests; q++) {
      if (!options.frozen[q] && model.startStart[q + 1]! > model.startStart[q]!) movable.push(q);
    }
    this.movable = Int32Array.from(movable);
    this.penalty = this.movePenalty();
  }

  /** Sets the score at which the search stops (a proven upper bound). */
  setTarget(target: number): void {
    this.options.target = target;
  }

  /** Sets the step and stall budgets of the next run(). */
  setBudget(maxSteps: number, stallSteps: number): void {
    this.options.maxSteps = maxSteps;
    this.options.stallSteps = stallSteps;
  }

  /** Steers insertion and the choice of requests to make room for by an LP solution. */
  setGuide(guide: LpGuide | null): void {
    this.guide = guide;
  }

  /** Objective: priority of scheduled requests less the cost of moving earlier meetings. */
  objective(): number {
    return this.schedule.score - this.penalty;
  }

  private movePenalty(): number {
    const { home, moveCost } = this.options;
    if (!home || !moveCost) return 0;
    let moved = 0;
    for (let q = 0; q < this.model.nRequests; q++) {
      if (home[q]! >= 0 && !this.isHome(q)) moved++;
    }
    return moved * moveCost;
  }

  private isHome(q: number): boolean {
    const home = this.options.home;
    if (!home) return false;
    const r = this.schedule.room[q]!;
    return r >= 0 && home[q] === r * this.model.nSlots + this.schedule.start[q]!;
  }

  private unplace(q: number): void {
    if (this.options.moveCost && this.isHome(q)) this.penalty += this.options.moveCost;
    this.schedule.remove(q);
  }

  private put(q: number, r: number, s: number): void {
    this.schedule.place(q, r, s);
    if (this.options.moveCost && this.isHome(q)) this.penalty -= this.options.moveCost;
  }

  /**
   * Places q where it hinders the rest least: the start whose slots other requests of its
   * parties want least, in the smallest free room. `noise` randomises among near-equal
   * starts. Returns false when q fits nowhere.
   */
  insert(q: number, noise: number): boolean {
    const m = this.model;
    const sch = this.schedule;
    const n = m.nSlots;
    const len = m.length[q]!;
    const size = m.size[q]!;
    const home = this.options.home;
    if (home && home[q]! >= 0) {
      const r = Math.floor(home[q]! / n);
      const s = home[q]! % n;
      if (r < m.nRooms && sch.fits(q, r, s)) {
        this.put(q, r, s);
        return true;
      }
    }
    let bestCost = Number.POSITIVE_INFINITY;
    let bestRoom = -1;
    let bestStart = -1;
    const from = m.startStart[q]!;
    const to = m.startStart[q + 1]!;
    for (let i = from; i < to; i++) {
      const s = m.startList[i]!;
      if (!sch.partiesFree(q, s)) continue;
      const need = sch.needZone(q, s);
      if (need === NO_ZONE) continue;
      const end = s + len - 1;
      let common = 0;
      for (let p = m.partyStart[q]!; p < m.partyStart[q + 1]!; p++) {
        const base = m.partyList[p]! * n;
        for (let t = s; t <= end; t++) common += W_PRESS * this.pressure[base + t]!;
      }
      const lpFactor = this.guide ? 1 - LP_PULL * this.guide.atStart[q * n + s]! : 1;
      let seen = 0;
      for (let k = m.roomStart[q]!; k < m.roomStart[q + 1]!; k++) {
        const r = m.roomList[k]!;
        const z = m.roomZone[r]!;
        if (need !== ANY_ZONE && z !== need) continue;
        if (z < 31 && seen & (1 << z)) continue;
        if (!sch.roomFree(q, r, s)) continue;
        if (z < 31) seen |= 1 << z;
        let cost =
          ((m.roomCapacity[r]! - size) * W_WASTE + common + W_ZONE * this.zoneSwitches(q, s, z)) *
          lpFactor;
        if (noise > 0) cost *= 1 + noise * this.random.next();
        if (cost < bestCost) {
          bestCost = cost;
          bestRoom = r;
          bestStart = s;
        }
        if (m.transferSlots === 0) break;
      }
    }
    if (bestRoom < 0) return false;
    this.put(q, bestRoom, bestStart);
    return true;
  }

  /**
   * Zone changes that a meeting of q at s in zone z adds to its parties' days: for each
   * party, its nearest meetings before and after on that day in another zone.
   */
  private zoneSwitches(q: number, s: number, z: number): number {
    const m = this.model;
    const sch = this.schedule;
    const n = m.nSlots;
    const end = s + m.length[q]! - 1;
    const first = m.dayStart[s]!;
    const last = m.dayEnd[s]!;
    let switches = 0;
    for (let p = m.partyStart[q]!; p < m.partyStart[q + 1]!; p++) {
      const base = m.partyList[p]! * n;
      let before = -1;
      for (let t = s - 1; t >= first && before < 0; t--) {
        const o = sch.delegationGrid[base + t]!;
        if (o >= 0) before = m.roomZone[sch.room[o]!]!;
      }
      let after = -1;
      for (let t = end + 1; t <= last && after < 0; t++) {
        const o = sch.delegationGrid[base + t]!;
        if (o >= 0) after = m.roomZone[sch.room[o]!]!;
      }
      if (before >= 0 && before !== z) switches++;
      if (after >= 0 && after !== z) switches++;
      if (before >= 0 && after >= 0 && before !== after) switches--;
    }
    return switches;
  }

  /** Highest priority first; among equals, the most constrained (fewest starts) first. */
  construct(): void {
    const m = this.model;
    const order = [...this.movable].filter((q) => !this.schedule.isScheduled(q));
    const starts = (q: number): number => m.startStart[q + 1]! - m.startStart[q]!;
    order.sort(
      (a, b) =>
        m.priority[b]! - m.priority[a]! ||
        m.length[a]! - m.length[b]! ||
        starts(a) - starts(b) ||
        a - b,
    );
    for (const q of order) this.insert(q, 0);
    this.schedule.checkpoint();
  }

  private addCandidate(q: number): void {
    if (this.stamp[q] === this.stampNow || this.options.frozen[q]) return;
    this.stamp[q] = this.stampNow;
    this.candidates.push(q);
  }

  /** Adds the unscheduled requests of delegation d to the candidates. */
  private addWaiting(d: number): void {
    const m = this.model;
    for (let i = m.requestStart[d]!; i < m.requestStart[d + 1]!; i++) {
      const q = m.requestList[i]!;
      if (!this.schedule.isScheduled(q) && m.startStart[q + 1]! > m.startStart[q]!) {
        this.addCandidate(q);
      }
    }
  }

  /** Removes q (unless frozen) and queues it and its parties' waiting requests. */
  private ruin(q: number): void {
    if (q < 0 || this.options.frozen[q]) return;
    const m = this.model;
    this.unplace(q);
    this.ruinedAt[q] = this.stampNow;
    this.addCandidate(q);
    for (let p = m.partyStart[q]!; p < m.partyStart[q + 1]!; p++) {
      if (this.random.next() < 0.5) this.addWaiting(m.partyList[p]!);
    }
  }

  /**
   * Ruin around an unscheduled request u: clear one of its starts of everything in the
   * way (its parties' meetings, a room's occupants, zone neighbours), place u there, and
   * rebuild the rest.
   */
  private stepMakeRoom(u: number): void {
    const m = this.model;
    const sch = this.schedule;
    const n = m.nSlots;
    const from = m.startStart[u]!;
    const s = m.startList[from + this.random.int(m.startStart[u + 1]! - from)]!;
    const end = s + m.length[u]! - 1;
    const gap = m.transferSlots;
    const lo = Math.max(m.dayStart[s]!, s - gap);
    const hi = Math.min(m.dayEnd[s]!, end + gap);
    for (let p = m.partyStart[u]!; p < m.partyStart[u + 1]!; p++) {
      const base = m.partyList[p]! * n;
      for (let t = lo; t <= hi; t++) {
        const other = sch.delegationGrid[base + t]!;
        if (other >= 0) this.ruin(other);
      }
    }
    if (!sch.partiesFree(u, s)) return;
    let room = sch.smallestRoom(u, s);
    if (room < 0) {
      const zone = sch.needZone(u, s);
      if (zone === NO_ZONE) return;
      const rFrom = m.roomStart[u]!;
      const rCount = m.roomStart[u + 1]! - rFrom;
      if (rCount === 0) return;
      // A random fitting room (in the needed zone) gets cleared.
      const offset = this.random.int(rCount);
      for (let k = 0; k < rCount && room < 0; k++) {
        const r = m.roomList[rFrom + ((offset + k) % rCount)]!;
        if (zone !== ANY_ZONE && m.roomZone[r] !== zone) continue;
        let blocked = false;
        for (let t = s; t <= end; t++) {
          const other = sch.roomGrid[r * n + t]!;
          if (other === -2 || (other >= 0 && this.options.frozen[other])) blocked = true;
        }
        if (blocked) continue;
        for (let t = s; t <= end; t++) {
          const other = sch.roomGrid[r * n + t]!;
          if (other >= 0) this.ruin(other);
        }
        room = r;
      }
      if (room < 0 || !sch.fits(u, room, s)) return;
    }
    this.put(u, room, s);
    this.stamp[u] = this.stampNow;
    this.addWaiting(m.partyList[m.partyStart[u]! + this.random.int(2)]!);
  }

  /** Ruin one delegation's meetings over a few slots of one day, and rebuild. */
  private stepDelegationSpan(): void {
    const m = this.model;
    const sch = this.schedule;
    const u = this.movable[this.random.int(this.movable.length)]!;
    const pFrom = m.partyStart[u]!;
    const d = m.partyList[pFrom + this.random.int(m.partyStart[u + 1]! - pFrom)]!;
    const t0 = this.random.int(m.nSlots);
    const width = 1 + this.random.int(6);
    const lo = Math.max(m.dayStart[t0]!, t0 - width);
    const hi = Math.min(m.dayEnd[t0]!, t0 + width);
    for (let t = lo; t <= hi; t++) {
      const other = sch.delegationGrid[d * m.nSlots + t]!;
      if (other >= 0) this.ruin(other);
    }
    this.addWaiting(d);
  }

  /** Ruin a block of rooms and slots, and rebuild. */
  private stepBlock(): void {
    const m = this.model;
    const sch = this.schedule;
    const t0 = this.random.int(m.nSlots);
    const lo = Math.max(m.dayStart[t0]!, t0 - this.random.int(3));
    const hi = Math.min(m.dayEnd[t0]!, t0 + this.random.int(3));
    const rooms = 1 + this.random.int(Math.min(4, m.nRooms));
    for (let k = 0; k < rooms; k++) {
      const r = this.random.int(m.nRooms);
      for (let t = lo; t <= hi; t++) {
        const other = sch.roomGrid[r * m.nSlots + t]!;
        if (other >= 0) this.ruin(other);
      }
    }
  }

  /**
   * Ejection chain: places q at the one of a few random starts where the meetings in its
   * way are worth least, provided they are worth less than q, then reinserts them (each
   * allowed to eject in turn while depth lasts). Returns false when no start qualifies.
   */
  private eject(q: number, depth: number): boolean {
    const m = this.model;
    const sch = this.schedule;
    const from = m.startStart[q]!;
    const count = m.startStart[q + 1]! - from;
    if (count === 0) return false;
    let bestCost = m.priority[q]!;
    let bestStart = -1;
    let bestRoom = -1;
    let bestBlockers: number[] = [];
    for (let k = 0; k < EJECT_TRIES; k++) {
      const s = m.startList[from + this.random.int(count)]!;
      const blockers: number[] = [];
      const room = this.blockersAt(q, s, blockers);
      if (room < 0) continue;
      let cost = 0;
      for (const b of blockers) cost += m.priority[b]!;
      if (cost < bestCost) {
        bestCost = cost;
        bestStart = s;
        bestRoom = room;
        bestBlockers = blockers;
      }
    }
    if (bestStart < 0) return false;
    for (const b of bestBlockers) this.unplace(b);
    if (!sch.fits(q, bestRoom, bestStart)) {
      // Cannot happen when blockersAt is right; undo the removals defensively.
      return false;
    }
    this.put(q, bestRoom, bestStart);
    bestBlockers.sort((a, b) => m.priority[b]! - m.priority[a]!);
    for (const b of bestBlockers) {
      if (!this.insert(b, PLACE_NOISE) && depth > 0) this.eject(b, depth - 1);
    }
    return true;
  }

  /**
   * The meetings that must go for q to start at s, into `out`, and the room q would take;
   * -1 when a frozen meeting or an unavailable room is in the way.
   */
  private blockersAt(q: number, s: number, out: number[]): number {
    const m = this.model;
    const sch = this.schedule;
    const n = m.nSlots;
    const frozen = this.options.frozen;
    const end = s + m.length[q]! - 1;
    for (let p = m.partyStart[q]!; p < m.partyStart[q + 1]!; p++) {
      const base = m.partyList[p]! * n;
      for (let t = s; t <= end; t++) {
        const other = sch.delegationGrid[base + t]!;
        if (other < 0) continue;
        if (frozen[other]) return -1;
        if (!out.includes(other)) out.push(other);
      }
    }
    // Zone neighbours: the zone they impose, or all of them out when they disagree.
    const gap = m.transferSlots;
    let zone = ANY_ZONE;
    if (gap > 0) {
      const lo = Math.max(m.dayStart[s]!, s - gap);
      const hi = Math.min(m.dayEnd[s]!, end + gap);
      const firstOut = out.length;
      for (let p = m.partyStart[q]!; p < m.partyStart[q + 1]!; p++) {
        const base = m.partyList[p]! * n;
        for (let t = lo; t <= hi; t++) {
          if (t === s) t = end + 1;
          if (t > hi) break;
          const other = sch.delegationGrid[base + t]!;
          if (other < 0 || out.includes(other)) continue;
          const z = m.roomZone[sch.room[other]!]!;
          if (zone === ANY_ZONE) zone = z;
          else if (zone !== z) zone = NO_ZONE;
          out.push(other);
        }
      }
      if (zone === NO_ZONE) {
        for (let i = firstOut; i < out.length; i++) if (frozen[out[i]!]) return -1;
        zone = ANY_ZONE;
      } else {
        out.length = firstOut;
      }
    }
    let bestRoom = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let i = m.roomStart[q]!; i < m.roomStart[q + 1]!; i++) {
      const r = m.roomList[i]!;
      if (zone !== ANY_ZONE && m.roomZone[r] !== zone) continue;
      let cost = 0;
      for (let t = s; t <= end; t++) {
        const other = sch.roomGrid[r * n + t]!;
        if (other === -1 || out.includes(other)) continue;
        if (other === -2 || frozen[other]) {
          cost = Number.POSITIVE_INFINITY;
          break;
        }
        if (t === s || sch.roomGrid[r * n + t - 1] !== other) cost += m.priority[other]!;
      }
      if (cost < bestCost) {
        bestCost = cost;
        bestRoom = r;
        if (cost === 0) break;
      }
    }
    if (bestRoom < 0) return -1;
    for (let t = s; t <= end; t++) {
      const other = sch.roomGrid[bestRoom * n + t]!;
      if (other >= 0 && !out.includes(other)) out.push(other);
    }
    return bestRoom;
  }

  /** How much scheduling u is worth pursuing: its priority, weighted by the LP's share. */
  private worth(u: number): number {
    const p = this.model.priority[u]!;
    return this.guide ? p * (LP_FLOOR + this.guide.share[u]!) : p;
  }

  /** Reinserts the candidates, highest (noisy) priority first. */
  private recreate(): void {
    const m = this.model;
    const list = this.candidates;
    const keys = this.keys;
    for (const q of list) {
      keys[q] = (this.worth(q) / Math.sqrt(m.length[q]!)) * (1 + KEY_NOISE * this.random.next());
    }
    list.sort((a, b) => keys[b]! - keys[a]!);
    for (const q of list) {
      if (this.schedule.isScheduled(q) || this.insert(q, PLACE_NOISE)) continue;
      // Only meetings this step took out may push others out in turn: waiting requests
      // that fail are many, and ejecting for each would make steps slow.
      if (this.ruinedAt[q] === this.stampNow && this.random.next() < P_EJECT) {
        this.eject(q, EJECT_DEPTH);
      }
    }
  }

  run(): SearchStats {
    const m = this.model;
    const sch = this.schedule;
    const opts = this.options;
    const stats: SearchStats = { steps: 0, improvements: 0, stoppedBy: 'steps' };
    if (this.movable.length === 0) return stats;
    let best = this.objective();
    let lastImprovement = 0;
    const bestSchedule = new Schedule(m);
    bestSchedule.copyFrom(sch);
    let bestPenalty = this.penalty;
    let progress = 0;
    let temperature = opts.temperature;
    const unscheduled: number[] = [];
    const refresh = (): void => {
      unscheduled.length = 0;
      for (const q of this.movable) if (!sch.isScheduled(q)) unscheduled.push(q);
    };
    refresh();
    sch.checkpoint();
    for (let step = 0; ; step++) {
      if (sch.score >= opts.target && this.penalty === 0) {
        stats.stoppedBy = 'target';
        break;
      }
      if (step >= opts.maxSteps) break;
      if (step - lastImprovement > opts.stallSteps) {
        stats.stoppedBy = 'stall';
        break;
      }
      if ((step & 63) === 0) {
        if (opts.timeUp()) {
          stats.stoppedBy = 'time';
          break;
        }
        progress = Math.max(step / opts.maxSteps, opts.timeSpent());
        temperature = opts.temperature * (1 - progress);
      }
      stats.steps = step + 1;
      this.stampNow++;
      this.candidates.length = 0;
      const before = this.objective();
      const penaltyBefore = this.penalty;
      const kind = this.random.next();
      if (kind < P_MAKE && unscheduled.length > 0) {
        // Two draws, the more valuable one: the search goes where the score is lost.
        const a = unscheduled[this.random.int(unscheduled.length)]!;
        const b = unscheduled[this.random.int(unscheduled.length)]!;
        const u = this.worth(a) >= this.worth(b) ? a : b;
        if (sch.isScheduled(u)) {
          refresh();
          continue;
        }
        this.stepMakeRoom(u);
      } else if (kind < P_DEL) {
        this.stepDelegationSpan();
      } else {
        this.stepBlock();
      }
      this.recreate();
      const after = this.objective();
      if (
        after >= before ||
        (temperature > 0 && this.random.next() < Math.exp((after - before) / temperature))
      ) {
        sch.checkpoint();
        if (after > best) {
          best = after;
          lastImprovement = step;
          stats.improvements++;
          bestSchedule.copyFrom(sch);
          bestPenalty = this.penalty;
        }
        if (after !== before || (step & 15) === 0) refresh();
      } else {
        sch.rollback();
        this.penalty = penaltyBefore;
      }
    }
    if (best > this.objective()) {
      sch.copyFrom(bestSchedule);
      this.penalty = bestPenalty;
    }
    return stats;
  }
}
