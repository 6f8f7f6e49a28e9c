/**
 * A schedule under construction: occupancy grids for rooms and delegations, the placement
 * of each request, and a journal so that a tentative change can be rolled back. All the
 * feasibility rules of FORMAT.md are enforced incrementally here; pinned requests are placed
 * by the caller and never removed by the search.
 */
import type { Model } from './model.js';

/** Grid cell values besides a request number. */
const FREE = -1;
const BLOCKED = -2;
/** needZone results besides a zone number. */
export const ANY_ZONE = -1;
export const NO_ZONE = -2;

export class Schedule {
  readonly model: Model;
  /** Request in room r at slot t (r * nSlots + t), FREE, or BLOCKED (unavailable). */
  readonly roomGrid: Int32Array;
  /** Request that delegation d attends at slot t (d * nSlots + t), FREE, or BLOCKED. */
  readonly delegationGrid: Int32Array;
  /** Room and start slot of each request, -1 when unscheduled. */
  readonly room: Int32Array;
  readonly start: Int32Array;
  score = 0;
  scheduled = 0;
  /** Undo journal: triples (request, room, start); room -1 marks a placement to undo. */
  private journal: number[] = [];

  constructor(model: Model) {
    this.model = model;
    const { nSlots, nRooms, nDelegations, nRequests } = model;
    this.roomGrid = new Int32Array(nRooms * nSlots);
    this.delegationGrid = new Int32Array(nDelegations * nSlots);
    for (let i = 0; i < this.roomGrid.length; i++) {
      this.roomGrid[i] = model.roomUnavailable[i] ? BLOCKED : FREE;
    }
    for (let i = 0; i < this.delegationGrid.length; i++) {
      this.delegationGrid[i] = model.delegationUnavailable[i] ? BLOCKED : FREE;
    }
    this.room = new Int32Array(nRequests).fill(-1);
    this.start = new Int32Array(nRequests).fill(-1);
  }

  copyFrom(other: Schedule): void {
    this.roomGrid.set(other.roomGrid);
    this.delegationGrid.set(other.delegationGrid);
    this.room.set(other.room);
    this.start.set(other.start);
    this.score = other.score;
    this.scheduled = other.scheduled;
    this.journal.length = 0;
  }

  isScheduled(q: number): boolean {
    return this.room[q]! >= 0;
  }

  /** Places request q; the caller has established that it fits. */
  place(q: number, r: number, s: number): void {
    const m = this.model;
    const n = m.nSlots;
    const end = s + m.length[q]! - 1;
    for (let t = s; t <= end; t++) this.roomGrid[r * n + t] = q;
    for (let i = m.partyStart[q]!; i < m.partyStart[q + 1]!; i++) {
      const base = m.partyList[i]! * n;
      for (let t = s; t <= end; t++) this.delegationGrid[base + t] = q;
    }
    this.room[q] = r;
    this.start[q] = s;
    this.score += m.priority[q]!;
    this.scheduled++;
    this.journal.push(q, -1, -1);
  }

  remove(q: number): void {
    const m = this.model;
    const n = m.nSlots;
    const r = this.room[q]!;
    const s = this.start[q]!;
    if (r < 0) return;
    const end = s + m.length[q]! - 1;
    for (let t = s; t <= end; t++) this.roomGrid[r * n + t] = FREE;
    for (let i = m.partyStart[q]!; i < m.partyStart[q + 1]!; i++) {
      const base = m.partyList[i]! * n;
      for (let t = s; t <= end; t++) this.delegationGrid[base + t] = FREE;
    }
    this.room[q] = -1;
    this.start[q] = -1;
    this.score -= m.priority[q]!;
    this.scheduled--;
    this.journal.push(q, r, s);
  }

  /** Marks the present state as the one rollback() returns to. */
  checkpoint(): void {
    this.journal.length = 0;
  }

  rollback(): void {
    const j = this.journal;
    for (let i = j.length - 3; i >= 0; i -= 3) {
      const q = j[i]!;
      const r = j[i + 1]!;
      if (r === -1) this.remove(q);
      else this.place(q, r, j[i + 2]!);
    }
    j.length = 0;
  }

  /** True when every party of q is free from s for q's length (ignores transfers). */
  partiesFree(q: number, s: number): boolean {
    const m = this.model;
    const n = m.nSlots;
    const end = s + m.length[q]! - 1;
    for (let i = m.partyStart[q]!; i < m.partyStart[q + 1]!; i++) {
      const base = m.partyList[i]! * n;
      for (let t = s; t <= end; t++) if (this.delegationGrid[base + t] !== FREE) return false;
    }
    return true;
  }

  /**
   * The zone that a meeting of q starting at s must be in, because a party has another
   * meeting fewer than transferSlots slots before or after it: ANY_ZONE, a zone, or NO_ZONE
   * when two such neighbours are in different zones.
   */
  needZone(q: number, s: number): number {
    const m = this.model;
    const gap = m.transferSlots;
    if (gap === 0) return ANY_ZONE;
    const n = m.nSlots;
    const end = s + m.length[q]! - 1;
    const from = Math.max(m.dayStart[s]!, s - gap);
    const to = Math.min(m.dayEnd[s]!, end + gap);
    let zone = ANY_ZONE;
    for (let i = m.partyStart[q]!; i < m.partyStart[q + 1]!; i++) {
      const base = m.partyList[i]! * n;
      for (let t = from; t <= to; t++) {
        if (t === s) t = end + 1;
        if (t > to) break;
        const other = this.delegationGrid[base + t]!;
        if (other < 0) continue;
        const z = m.roomZone[this.room[other]!]!;
        if (zone === ANY_ZONE) zone = z;
        else if (zone !== z) return NO_ZONE;
      }
    }
    return zone;
  }

  roomFree(q: number, r: number, s: number): boolean {
    const n = this.model.nSlots;
    const end = s + this.model.length[q]! - 1;
    const base = r * n;
    for (let t = s; t <= end; t++) if (this.roomGrid[base + t] !== FREE) return false;
    return true;
  }

  /** The full feasibility test of placing q in room r at s (every rule of FORMAT.md). */
  fits(q: number, r: number, s: number): boolean {
    const m = this.model;
    if (m.roomCapacity[r]! < m.size[q]!) return false;
    const end = s + m.length[q]! - 1;
    if (end > m.dayEnd[s]! || s < m.windowFirst[q]! || end > m.windowLast[q]!) return false;
    if (!this.partiesFree(q, s) || !this.roomFree(q, r, s)) return false;
    const zone = this.needZone(q, s);
    return zone === ANY_ZONE || zone === m.roomZone[r];
  }

  /** The smallest fitting room for q at s, or -1 (assumes the parties are free). */
  smallestRoom(q: number, s: number): number {
    const m = this.model;
    const zone = this.needZone(q, s);
    if (zone === NO_ZONE) return -1;
    for (let i = m.roomStart[q]!; i < m.roomStart[q + 1]!; i++) {
      const r = m.roomList[i]!;
      if (zone !== ANY_ZONE && m.roomZone[r] !== zone) continue;
      if (this.roomFree(q, r, s)) return r;
    }
    return -1;
  }
}

/** Why a meeting cannot stand at a given place; the codes are shared with re-planning. */
export type MisfitReason =
  | 'outside_window'
  | 'past_end_of_day'
  | 'room_too_small'
  | 'room_now_unavailable'
  | 'party_now_unavailable'
  | 'room_taken'
  | 'party_busy'
  | 'zone_transfer';

/**
 * The first rule that placing q in room r at s breaks in the schedule as it stands, with
 * the request or slot involved, or null when it fits.
 */
export function explainMisfit(
  sch: Schedule,
  q: number,
  r: number,
  s: number,
): { reason: MisfitReason; detail: string } | null {
  const m = sch.model;
  const n = m.nSlots;
  const end = s + m.length[q]! - 1;
  const slot = (t: number): string => m.slotIds[t] ?? `#${t}`;
  if (end > m.dayEnd[s]!) return { reason: 'past_end_of_day', detail: `from ${slot(s)}` };
  if (s < m.windowFirst[q]! || end > m.windowLast[q]!) {
    return { reason: 'outside_window', detail: `${slot(s)}..${slot(end)}` };
  }
  if (m.roomCapacity[r]! < m.size[q]!) {
    return { reason: 'room_too_small', detail: `${m.roomIds[r]} seats ${m.roomCapacity[r]}` };
  }
  for (let t = s; t <= end; t++) {
    if (m.roomUnavailable[r * n + t]) {
      return { reason: 'room_now_unavailable', detail: `${m.roomIds[r]} at ${slot(t)}` };
    }
  }
  for (let i = m.partyStart[q]!; i < m.partyStart[q + 1]!; i++) {
    const d = m.partyList[i]!;
    for (let t = s; t <= end; t++) {
      if (m.delegationUnavailable[d * n + t]) {
        return { reason: 'party_now_unavailable', detail: `${m.delegationIds[d]} at ${slot(t)}` };
      }
    }
  }
  for (let t = s; t <= end; t++) {
    const other = sch.roomGrid[r * n + t]!;
    if (other >= 0) {
      return { reason: 'room_taken', detail: `${m.roomIds[r]} holds ${m.requestIds[other]}` };
    }
  }
  for (let i = m.partyStart[q]!; i < m.partyStart[q + 1]!; i++) {
    const d = m.partyList[i]!;
    for (let t = s; t <= end; t++) {
      const other = sch.delegationGrid[d * n + t]!;
      if (other >= 0) {
        return {
          reason: 'party_busy',
          detail: `${m.delegationIds[d]} attends ${m.requestIds[other]} at ${slot(t)}`,
        };
      }
    }
  }
  const zone = sch.needZone(q, s);
  if (zone !== ANY_ZONE && zone !== m.roomZone[r]) {
    return { reason: 'zone_transfer', detail: `no time to change zone around ${slot(s)}` };
  }
  return null;
}
