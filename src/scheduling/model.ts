/**
 * The index-based form of an instance that the solver works on: every id becomes a small
 * integer and every per-slot fact a typed array, so that the hot loops touch no strings,
 * maps or objects.
 */
import type { BilateralInstance } from './types.js';

export interface Model {
  readonly name: string | undefined;
  readonly transferSlots: number;
  readonly nSlots: number;
  readonly nRooms: number;
  readonly nDelegations: number;
  readonly nRequests: number;
  readonly slotIds: readonly string[];
  readonly roomIds: readonly string[];
  readonly delegationIds: readonly string[];
  readonly requestIds: readonly string[];
  readonly slotIndex: ReadonlyMap<string, number>;
  readonly roomIndex: ReadonlyMap<string, number>;
  readonly requestIndex: ReadonlyMap<string, number>;
  /** First and last slot of the day of each slot. */
  readonly dayStart: Int32Array;
  readonly dayEnd: Int32Array;
  readonly roomCapacity: Int32Array;
  /**
   * Zone number per room. A room without `zone` gets a zone of its own, distinct from every
   * other room's (the strict reading of FORMAT.md); check.mjs puts all zoneless rooms in one
   * shared zone, so every schedule feasible here is feasible for it too.
   */
  readonly roomZone: Int32Array;
  /** 1 where room r is unavailable in slot t, at r * nSlots + t. */
  readonly roomUnavailable: Uint8Array;
  /** 1 where delegation d is unavailable in slot t, at d * nSlots + t. */
  readonly delegationUnavailable: Uint8Array;
  readonly priority: Int32Array;
  readonly length: Int32Array;
  readonly size: Int32Array;
  /** First and last slot a meeting of q may occupy (its window, or the whole event). */
  readonly windowFirst: Int32Array;
  readonly windowLast: Int32Array;
  /** Parties of request q: partyList[partyStart[q] .. partyStart[q + 1]). */
  readonly partyStart: Int32Array;
  readonly partyList: Int32Array;
  /** Pinned room and start per request, -1 when not pinned. */
  readonly pinnedRoom: Int32Array;
  readonly pinnedStart: Int32Array;
  /** Rooms large enough for request q, smallest first: roomList[roomStart[q] .. +1). */
  readonly roomStart: Int32Array;
  readonly roomList: Int32Array;
  /**
   * Starts of request q that no other meeting can spoil: inside the window and the day, all
   * parties available, and some fitting room available throughout:
   * startList[startStart[q] .. startStart[q + 1]).
   */
  readonly startStart: Int32Array;
  readonly startList: Int32Array;
  /** Requests in which delegation d takes part: requestList[requestStart[d] .. +1). */
  readonly requestStart: Int32Array;
  readonly requestList: Int32Array;
  readonly maxScore: number;
}

function flatten(lists: number[][]): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) start[i + 1] = start[i]! + lists[i]!.length;
  const list = new Int32Array(start[lists.length]!);
  lists.forEach((items, i) => {
    list.set(items, start[i]!);
  });
  return { start, list };
}

/** Builds the model of an instance that validateInstance has accepted. */
export function compileModel(instance: BilateralInstance): Model {
  const nSlots = instance.slots.length;
  const nRooms = instance.rooms.length;
  const nDelegations = instance.delegations.length;
  const nRequests = instance.requests.length;
  const slotIndex = new Map(instance.slots.map((s, i) => [s.id, i]));
  const roomIndex = new Map(instance.rooms.map((r, i) => [r.id, i]));
  const delegationIndex = new Map(instance.delegations.map((d, i) => [d.id, i]));
  const requestIndex = new Map(instance.requests.map((r, i) => [r.id, i]));
  const slot = (id: string): number => slotIndex.get(id)!;

  const dayStart = new Int32Array(nSlots);
  const dayEnd = new Int32Array(nSlots);
  for (let t = 0; t < nSlots; t++) {
    const sameDay = t > 0 && instance.slots[t - 1]!.day === instance.slots[t]!.day;
    dayStart[t] = sameDay ? dayStart[t - 1]! : t;
  }
  for (let t = nSlots - 1; t >= 0; t--) {
    const sameDay = t + 1 < nSlots && instance.slots[t + 1]!.day === instance.slots[t]!.day;
    dayEnd[t] = sameDay ? dayEnd[t + 1]! : t;
  }

  const roomCapacity = new Int32Array(nRooms);
  const roomZone = new Int32Array(nRooms);
  const roomUnavailable = new Uint8Array(nRooms * nSlots);
  const zoneNumber = new Map<string, number>();
  instance.rooms.forEach((room, r) => {
    roomCapacity[r] = room.capacity;
    if (room.zone !== undefined && !zoneNumber.has(room.zone)) {
      zoneNumber.set(room.zone, zoneNumber.size);
    }
    // Zoneless rooms: each its own zone, numbered after every named one.
    roomZone[r] = room.zone === undefined ? -1 : zoneNumber.get(room.zone)!;
    for (const id of room.unavailable ?? []) roomUnavailable[r * nSlots + slot(id)] = 1;
  });
  for (let r = 0; r < nRooms; r++) if (roomZone[r] === -1) roomZone[r] = zoneNumber.size + r;

  const delegationUnavailable = new Uint8Array(nDelegations * nSlots);
  instance.delegations.forEach((delegation, d) => {
    for (const id of delegation.unavailable ?? []) {
      delegationUnavailable[d * nSlots + slot(id)] = 1;
    }
  });

  const priority = new Int32Array(nRequests);
  const length = new Int32Array(nRequests);
  const size = new Int32Array(nRequests);
  const windowFirst = new Int32Array(nRequests);
  const windowLast = new Int32Array(nRequests);
  const pinnedRoom = new Int32Array(nRequests).fill(-1);
  const pinnedStart = new Int32Array(nRequests).fill(-1);
  const parties: number[][] = [];
  const rooms: number[][] = [];
  const starts: number[][] = [];
  const byDelegation: number[][] = Array.from({ length: nDelegations }, () => []);
  const roomsBySize = [...Array(nRooms).keys()].sort(
    (a, b) => roomCapacity[a]! - roomCapacity[b]! || a - b,
  );
  let maxScore = 0;
  instance.requests.forEach((request, q) => {
    priority[q] = request.priority;
    maxScore += request.priority;
    const len = request.length ?? 1;
    length[q] = len;
    size[q] = request.size ?? 2;
    const ps = request.parties.map((id) => delegationIndex.get(id)!);
    parties.push(ps);
    for (const d of ps) byDelegation[d]!.push(q);
    if (request.pinned) {
      pinnedRoom[q] = roomIndex.get(request.pinned.room)!;
      pinnedStart[q] = slot(request.pinned.start);
    }
    const fitting = roomsBySize.filter((r) => roomCapacity[r]! >= size[q]!);
    rooms.push(fitting);
    const first = request.window ? slot(request.window[0]) : 0;
    const last = request.window ? slot(request.window[1]) : nSlots - 1;
    windowFirst[q] = first;
    windowLast[q] = last;
    const feasibleStarts: number[] = [];
    for (let s = first; s + len - 1 <= last; s++) {
      const end = s + len - 1;
      if (dayEnd[s]! < end) continue;
      let ok = true;
      for (let t = s; t <= end && ok; t++) {
        for (const d of ps) if (delegationUnavailable[d * nSlots + t]) ok = false;
      }
      if (!ok) continue;
      ok = fitting.some((r) => {
        for (let t = s; t <= end; t++) if (roomUnavailable[r * nSlots + t]) return false;
        return true;
      });
      if (ok) feasibleStarts.push(s);
    }
    starts.push(feasibleStarts);
  });
  const partyFlat = flatten(parties);
  const roomFlat = flatten(rooms);
  const startFlat = flatten(starts);
  const requestFlat = flatten(byDelegation);
  return {
    name: instance.name,
    transferSlots: instance.transferSlots ?? 0,
    nSlots,
    nRooms,
    nDelegations,
    nRequests,
    slotIds: instance.slots.map((s) => s.id),
    roomIds: instance.rooms.map((r) => r.id),
    delegationIds: instance.delegations.map((d) => d.id),
    requestIds: instance.requests.map((r) => r.id),
    slotIndex,
    roomIndex,
    requestIndex,
    dayStart,
    dayEnd,
    roomCapacity,
    roomZone,
    roomUnavailable,
    delegationUnavailable,
    priority,
    length,
    size,
    windowFirst,
    windowLast,
    partyStart: partyFlat.start,
    partyList: partyFlat.list,
    pinnedRoom,
    pinnedStart,
    roomStart: roomFlat.start,
    roomList: roomFlat.list,
    startStart: startFlat.start,
    startList: startFlat.list,
    requestStart: requestFlat.start,
    requestList: requestFlat.list,
    maxScore,
  };
}
