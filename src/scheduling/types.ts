/**
 * The exchange format of /work/shared/bilaterals/FORMAT.md (v1), as TypeScript types.
 * These are the JSON shapes; the solver works on the index-based `Model` of model.ts.
 */

export const INSTANCE_FORMAT = 'plenary.bilaterals/1';
export const SOLUTION_FORMAT = 'plenary.bilaterals-solution/1';

export interface BilateralSlot {
  id: string;
  day: number;
  start?: string;
}

export interface BilateralRoom {
  id: string;
  capacity: number;
  zone?: string;
  unavailable?: string[];
}

export interface BilateralDelegation {
  id: string;
  unavailable?: string[];
}

export interface PinnedMeeting {
  room: string;
  start: string;
}

export interface BilateralRequest {
  id: string;
  parties: string[];
  priority: number;
  length?: number;
  size?: number;
  window?: [string, string];
  pinned?: PinnedMeeting;
}

export interface BilateralInstance {
  format: typeof INSTANCE_FORMAT;
  name?: string;
  transferSlots?: number;
  slots: BilateralSlot[];
  rooms: BilateralRoom[];
  delegations: BilateralDelegation[];
  requests: BilateralRequest[];
}

export interface ScheduledMeeting {
  request: string;
  room: string;
  start: string;
}

export interface BilateralSolution {
  format: typeof SOLUTION_FORMAT;
  instance?: string;
  meetings: ScheduledMeeting[];
}
