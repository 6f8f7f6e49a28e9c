/**
 * A self-check of a solution against every rule of FORMAT.md, written plainly on the JSON
 * (no shared code with the solver's grids), for tests and for the CLI's final assertion.
 * Zoneless rooms are read strictly: each is a zone of its own (see model.ts).
 */
import type { BilateralInstance, BilateralSolution } from './types.js';

export interface Violation {
  rule: 1 | 2 | 3 | 4 | 5 | 6;
  message: string;
}

export interface Evaluation {
  feasible: boolean;
  score: number;
  scheduled: number;
  maxScore: number;
  violations: Violation[];
}

export function evaluateSolution(
  instance: BilateralInstance,
  solution: BilateralSolution,
): Evaluation {
  const violations: Violation[] = [];
  const slotAt = new Map(instance.slots.map((s, i) => [s.id, i]));
  const rooms = new Map(instance.rooms.map((r) => [r.id, r]));
  const delegations = new Map(instance.delegations.map((d) => [d.id, d]));
  const requests = new Map(instance.requests.map((r) => [r.id, r]));
  const zoneOf = (roomId: string): string => {
    const zone = rooms.get(roomId)?.zone;
    return zone === undefined ? `\u0000room:${roomId}` : `zone:${zone}`;
  };
  let score = 0;
  const maxScore = instance.requests.reduce((sum, r) => sum + r.priority, 0);
  const roomUse = new Map<string, string>();
  const delegationUse = new Map<string, string>();
  const spans = new Map<string, { request: string; first: number; last: number }[]>();
  const placed = new Map<string, { room: string; start: string }>();

  for (const meeting of solution.meetings) {
    const request = requests.get(meeting.request);
    const room = rooms.get(meeting.room);
    const first = slotAt.get(meeting.start);
    if (!request || !room || first === undefined) {
      violations.push({ rule: 1, message: `meeting ${meeting.request}: unknown id` });
      continue;
    }
    placed.set(request.id, meeting);
    score += request.priority;
    const length = request.length ?? 1;
    const last = first + length - 1;
    const day = instance.slots[first]!.day;
    const slotIds: string[] = [];
    for (let t = first; t <= last; t++) {
      const slot = instance.slots[t];
      if (!slot || slot.day !== day) {
        violations.push({ rule: 1, message: `${request.id} runs past the end of its day` });
        break;
      }
      slotIds.push(slot.id);
    }
    if (request.window) {
      const from = slotAt.get(request.window[0])!;
      const to = slotAt.get(request.window[1])!;
      if (first < from || last > to) {
        violations.push({ rule: 1, message: `${request.id} lies outside its window` });
      }
    }
    if (room.capacity < (request.size ?? 2)) {
      violations.push({ rule: 2, message: `${request.id} does not fit in room ${room.id}` });
    }
    for (const slotId of slotIds) {
      if (room.unavailable?.includes(slotId)) {
        violations.push({ rule: 2, message: `room ${room.id} is unavailable at ${slotId}` });
      }
      const roomKey = `${room.id}@${slotId}`;
      const roomHolder = roomUse.get(roomKey);
      if (roomHolder !== undefined) {
        violations.push({
          rule: 3,
          message: `room ${room.id} holds ${roomHolder} and ${request.id}`,
        });
      }
      roomUse.set(roomKey, request.id);
      for (const party of request.parties) {
        if (delegations.get(party)?.unavailable?.includes(slotId)) {
          violations.push({ rule: 4, message: `${party} is unavailable at ${slotId}` });
        }
        const key = `${party}@${slotId}`;
        const holder = delegationUse.get(key);
        if (holder !== undefined) {
          violations.push({ rule: 4, message: `${party} attends ${holder} and ${request.id}` });
        }
        delegationUse.set(key, request.id);
      }
    }
    for (const party of request.parties) {
      const list = spans.get(party) ?? [];
      list.push({ request: request.id, first, last });
      spans.set(party, list);
    }
  }

  for (const request of instance.requests) {
    if (!request.pinned) continue;
    const meeting = placed.get(request.id);
    if (
      !meeting ||
      meeting.room !== request.pinned.room ||
      meeting.start !== request.pinned.start
    ) {
      violations.push({ rule: 5, message: `pinned ${request.id} is not at its pinned place` });
    }
  }

  const transfer = instance.transferSlots ?? 0;
  if (transfer > 0) {
    const roomOf = new Map(solution.meetings.map((m) => [m.request, m.room]));
    for (const [delegation, list] of spans) {
      for (const a of list) {
        for (const b of list) {
          if (a.request === b.request || b.first <= a.last) continue;
          if (instance.slots[a.first]!.day !== instance.slots[b.first]!.day) continue;
          const gap = b.first - a.last - 1;
          const zoneA = zoneOf(roomOf.get(a.request)!);
          if (gap < transfer && zoneA !== zoneOf(roomOf.get(b.request)!)) {
            violations.push({
              rule: 6,
              message: `${delegation} changes zone between ${a.request} and ${b.request}`,
            });
          }
        }
      }
    }
  }
  return {
    feasible: violations.length === 0,
    score,
    scheduled: solution.meetings.length,
    maxScore,
    violations,
  };
}
