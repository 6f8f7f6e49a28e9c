/**
 * Who may do what on a list of speakers: pure predicates over an actor, checked before the
 * service reads or writes anything. The secretariat acts as the chair's office and may do
 * everything; a focal point acts for its own delegation only, and only in the ways a
 * delegation itself gives notice (inscribe, withdraw, change its speaker, confirm a swap,
 * request a right of reply or raise a point of order).
 */
import type { ParticipantStatus } from '../../db/schema.js';
import { type Actor, isSecretariat } from '../accounts/actor.js';
import type { ListCommandType } from './precedence.js';

/** What a delegation may do for itself, through its focal point. */
export const DELEGATION_COMMANDS = [
  'speaker.inscribe',
  'speaker.withdraw',
  'speaker.change',
  'speaker.swap',
  'speaker.point_of_order',
  'speaker.right_of_reply',
  'speaker.withdraw_right_of_reply',
] as const satisfies readonly ListCommandType[];

/** The hall screen is public for published sessions; drafts are the secretariat's. */
export function mayViewList(actor: Actor, sessionStatus: string): boolean {
  return sessionStatus !== 'draft' || isSecretariat(actor);
}

/**
 * Whether `actor` may give `type` for the delegations it names (a swap names two: a focal
 * point confirms for its own side of it).
 */
export function mayCommand(
  actor: Actor,
  type: ListCommandType,
  delegationIds: readonly string[],
): boolean {
  if (isSecretariat(actor)) return true;
  if (actor.kind !== 'user' || actor.role !== 'focal_point') return false;
  if (!(DELEGATION_COMMANDS as readonly string[]).includes(type)) return false;
  if (type === 'speaker.swap') return delegationIds.includes(actor.delegationId);
  return delegationIds.length > 0 && delegationIds.every((id) => id === actor.delegationId);
}

/** A speaker is a member of the delegation that inscribes, still in the running. */
export function mayBeSpeakerFor(
  participant: { delegationId: string; status: ParticipantStatus },
  delegationId: string,
): boolean {
  return (
    participant.delegationId === delegationId &&
    participant.status !== 'rejected' &&
    participant.status !== 'withdrawn'
  );
}
