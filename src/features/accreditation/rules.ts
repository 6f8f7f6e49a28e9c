/**
 * The accreditation rules of DOMAIN.md as plain functions of plain data (no IO, time passed in).
 */
import { type ParticipantStatus, RANKS, type Rank } from '../../db/schema.js';

/** DOMAIN.md: photos are required except for Heads of State/Government, Vice-Presidents and Crown Princes. */
const PHOTO_EXEMPT: ReadonlySet<Rank> = new Set([
  'head_of_state',
  'vice_president',
  'head_of_government',
]);

export function photoRequired(rank: Rank): boolean {
  return !PHOTO_EXEMPT.has(rank);
}

/** Protocol order, highest first: a smaller number outranks a larger one. */
export function rankOrder(rank: Rank): number {
  return RANKS.indexOf(rank);
}

export function highestRanked<T extends { rank: Rank }>(people: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const person of people) {
    if (!best || rankOrder(person.rank) < rankOrder(best.rank)) best = person;
  }
  return best;
}

export interface NominationWindow {
  /** The category's deadline; null = no deadline. */
  deadline: Date | null;
  /** The secretariat reopened the category until… */
  categoryReopenedUntil: Date | null;
  /** The secretariat reopened this delegation's nominations until… */
  delegationReopenedUntil: Date | null;
}

/** Nominations after the deadline are refused unless the secretariat reopens them. */
export function nominationOpen(window: NominationWindow, now: Date): boolean {
  const t = now.getTime();
  if (window.deadline === null || t <= window.deadline.getTime()) return true;
  if (window.categoryReopenedUntil && t <= window.categoryReopenedUntil.getTime()) return true;
  if (window.delegationReopenedUntil && t <= window.delegationReopenedUntil.getTime()) return true;
  return false;
}

/** An edit after approval (or rejection) returns the nomination to review. */
export function statusAfterEdit(status: ParticipantStatus): ParticipantStatus {
  return status === 'approved' || status === 'rejected' ? 'nominated' : status;
}

export type Decision = 'approve' | 'reject';

/** Which decisions a nomination in a given state can take; null when it can. */
export function decisionRefusal(
  status: ParticipantStatus,
  decision: Decision,
): 'already_decided' | 'withdrawn' | null {
  if (status === 'withdrawn') return 'withdrawn';
  if (decision === 'approve' && status === 'approved') return 'already_decided';
  if (decision === 'reject' && status === 'rejected') return 'already_decided';
  return null;
}
