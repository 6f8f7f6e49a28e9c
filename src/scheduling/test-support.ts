/**
 * Builders for hand-made instances in tests, reading like the domain:
 * anInstance().days(1, 4).room('A', 6).delegations('JPN', 'KOR').meeting('JPN-KOR', ...).
 */
import type {
  BilateralInstance,
  BilateralRequest,
  BilateralRoom,
  BilateralSolution,
} from './types.js';

export class InstanceBuilder {
  private readonly instance: BilateralInstance = {
    format: 'plenary.bilaterals/1',
    name: 'test',
    slots: [],
    rooms: [],
    delegations: [],
    requests: [],
  };

  /** `count` days of `perDay` slots, named d1-s0, d1-s1, ... */
  days(count: number, perDay: number): this {
    for (let day = 1; day <= count; day++) {
      for (let k = 0; k < perDay; k++) this.instance.slots.push({ id: `d${day}-s${k}`, day });
    }
    return this;
  }

  transfer(slots: number): this {
    this.instance.transferSlots = slots;
    return this;
  }

  room(id: string, capacity: number, extra: Partial<BilateralRoom> = {}): this {
    this.instance.rooms.push({ id, capacity, ...extra });
    return this;
  }

  delegations(...ids: string[]): this {
    for (const id of ids) this.instance.delegations.push({ id });
    return this;
  }

  unavailable(delegation: string, ...slots: string[]): this {
    const found = this.instance.delegations.find((d) => d.id === delegation);
    if (found) found.unavailable = slots;
    return this;
  }

  meeting(id: string, priority: number, extra: Partial<BilateralRequest> = {}): this {
    this.instance.requests.push({ id, parties: id.split('-'), priority, ...extra });
    return this;
  }

  build(): BilateralInstance {
    return structuredClone(this.instance);
  }
}

export const anInstance = (): InstanceBuilder => new InstanceBuilder();

/** Where each request was placed, as "room@start", for compact assertions. */
export function placements(solution: BilateralSolution): Record<string, string> {
  return Object.fromEntries(solution.meetings.map((m) => [m.request, `${m.room}@${m.start}`]));
}
