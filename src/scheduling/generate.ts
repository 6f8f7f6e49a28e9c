/**
 * A seeded generator of instances modelled on the public families (seoul, gccs, unga, cop):
 * a few very popular delegations (Zipf-like popularity), mostly one-slot meetings of two
 * parties, windows of one or several days, principals' other commitments, rooms of a few
 * sizes in a few zones, and a handful of pinned meetings. Used by the benchmark's scaling
 * section and by the property tests.
 */
import { createRandom } from './random.js';
import type { BilateralInstance, BilateralRequest, BilateralRoom, BilateralSlot } from './types.js';

export interface GeneratorOptions {
  seed: number;
  requests: number;
  delegations: number;
  days: number;
  slotsPerDay: number;
  rooms: number;
  zones?: number;
  transferSlots?: number;
  /** Share of requests with a window (default 0.8). */
  windowShare?: number;
  /** Number of pinned meetings attempted (default requests / 150). */
  pinned?: number;
}

export function generateInstance(options: GeneratorOptions): BilateralInstance {
  const random = createRandom(options.seed);
  const { days, slotsPerDay } = options;
  const zones = Math.max(1, options.zones ?? 2);
  const slots: BilateralSlot[] = [];
  for (let day = 1; day <= days; day++) {
    for (let k = 0; k < slotsPerDay; k++) {
      const minutes = 9 * 60 + 30 * k;
      const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
      slots.push({ id: `d${day}-${hhmm}`, day });
    }
  }
  const nSlots = slots.length;
  const pickSlots = (count: number): string[] => {
    const picked = new Set<string>();
    for (let i = 0; i < count; i++) picked.add(slots[random.int(nSlots)]!.id);
    return [...picked];
  };

  const rooms: BilateralRoom[] = [];
  const capacities = [6, 6, 6, 8, 8, 10, 12, 16, 24];
  for (let r = 0; r < options.rooms; r++) {
    const capacity =
      capacities[
        Math.min(capacities.length - 1, Math.floor((r * capacities.length) / options.rooms))
      ]!;
    const room: BilateralRoom = { id: `R${r + 1}`, capacity };
    // Zone by block of rooms; the last zone's rooms sometimes have no zone (strict reading).
    const zone = Math.floor((r * zones) / options.rooms);
    if (!(zones > 1 && zone === zones - 1 && r % 5 === 4)) room.zone = `Z${zone + 1}`;
    if (random.next() < 0.25) room.unavailable = pickSlots(1 + random.int(Math.ceil(nSlots / 8)));
    rooms.push(room);
  }

  const delegations = Array.from({ length: options.delegations }, (_, d) => {
    const delegation: { id: string; unavailable?: string[] } = { id: `D${d + 1}` };
    const busy = random.int(Math.ceil(nSlots / 10) + 1);
    if (busy > 0) delegation.unavailable = pickSlots(busy);
    return delegation;
  });
  // Zipf-like popularity: a few delegations take part in many requests.
  const weights = delegations.map((_, d) => 1 / (d + 1) ** 0.8);
  const total = weights.reduce((a, b) => a + b, 0);
  const pickDelegation = (): number => {
    let x = random.next() * total;
    for (let d = 0; d < weights.length; d++) {
      x -= weights[d]!;
      if (x <= 0) return d;
    }
    return weights.length - 1;
  };

  const requests: BilateralRequest[] = [];
  const seen = new Set<string>();
  const windowShare = options.windowShare ?? 0.8;
  for (
    let attempt = 0;
    requests.length < options.requests && attempt < options.requests * 20;
    attempt++
  ) {
    const partyCount = random.next() < 0.93 ? 2 : 3 + random.int(2);
    const parties = new Set<number>();
    while (parties.size < Math.min(partyCount, delegations.length)) parties.add(pickDelegation());
    const ids = [...parties].map((d) => delegations[d]!.id);
    const key = [...ids].sort().join('-');
    if (seen.has(key)) continue;
    seen.add(key);
    const roll = random.next();
    const length = Math.min(slotsPerDay, roll < 0.88 ? 1 : roll < 0.98 ? 2 : 3);
    const request: BilateralRequest = {
      id: ids.join('-'),
      parties: ids,
      priority: 1 + Math.floor(random.next() ** 1.6 * 5),
      size: Math.min(
        24,
        3 + partyCount + random.int(4) + (random.next() < 0.1 ? random.int(8) : 0),
      ),
    };
    if (length > 1) request.length = length;
    if (random.next() < windowShare) {
      const firstDay = random.int(days);
      const lastDay = Math.min(days - 1, firstDay + random.int(Math.max(1, Math.ceil(days / 3))));
      request.window = [
        slots[firstDay * slotsPerDay]!.id,
        slots[lastDay * slotsPerDay + slotsPerDay - 1]!.id,
      ];
    }
    requests.push(request);
  }

  // Pins: placed greedily where nothing else pinned clashes, so that the instance is feasible.
  const pinCount = options.pinned ?? Math.floor(options.requests / 150);
  const roomBusy = new Set<string>();
  const partyBusy = new Set<string>();
  const unavailable = new Set<string>();
  for (const room of rooms)
    for (const s of room.unavailable ?? []) unavailable.add(`${room.id}@${s}`);
  for (const d of delegations) for (const s of d.unavailable ?? []) unavailable.add(`${d.id}@${s}`);
  let pinned = 0;
  for (let i = 0; i < requests.length && pinned < pinCount; i += 1 + random.int(7)) {
    const request = requests[i]!;
    const length = request.length ?? 1;
    const day = random.int(days);
    const k = random.int(slotsPerDay - length + 1);
    const first = day * slotsPerDay + k;
    const room = rooms[random.int(rooms.length)]!;
    if (room.capacity < (request.size ?? 2)) continue;
    const cells: string[] = [];
    for (let t = first; t < first + length; t++) {
      const slot = slots[t]!.id;
      cells.push(`${room.id}@${slot}`, ...request.parties.map((p) => `${p}@${slot}`));
    }
    // Pins keep away from other pins by a slot, so that zone transfers can never clash.
    const near: string[] = [];
    for (
      let t = Math.max(day * slotsPerDay, first - 1);
      t <= Math.min(day * slotsPerDay + slotsPerDay - 1, first + length);
      t++
    ) {
      near.push(...request.parties.map((p) => `${p}@${slots[t]!.id}`));
    }
    if (
      cells.some((c) => roomBusy.has(c) || unavailable.has(c)) ||
      near.some((c) => partyBusy.has(c))
    ) {
      continue;
    }
    for (const c of cells) (c.startsWith(`${room.id}@`) ? roomBusy : partyBusy).add(c);
    request.pinned = { room: room.id, start: slots[first]!.id };
    delete request.window;
    pinned++;
  }
  return {
    format: 'plenary.bilaterals/1',
    name: `generated-${options.seed}-${options.requests}`,
    transferSlots: options.transferSlots ?? 1,
    slots,
    rooms,
    delegations,
    requests,
  };
}
