/**
 * Who may do what with outcome documents — pure predicates over an actor, checked before any
 * text is read. Drafts and amendments are for the delegations of the edition and the
 * secretariat (the facilitator); the public sees only adopted text.
 */
import type { DocumentStatus } from '../../db/schema.js';
import { type Actor, isSecretariat } from '../accounts/actor.js';

/** The edition the acting focal point's delegation belongs to, if any (looked up by the service). */
export interface DocumentsContext {
  editionId: string;
  actorDelegationEditionId: string | null;
}

export const isPublicStatus = (status: DocumentStatus) =>
  status === 'adopted' || status === 'published';

/** Secretariat, or a focal point of a delegation of this edition. */
export function mayReadNegotiation(actor: Actor, context: DocumentsContext): boolean {
  if (isSecretariat(actor)) return true;
  return (
    actor.kind === 'user' &&
    actor.role === 'focal_point' &&
    context.actorDelegationEditionId === context.editionId
  );
}

export function mayReadDocument(
  actor: Actor,
  context: DocumentsContext,
  status: DocumentStatus,
): boolean {
  return isPublicStatus(status) || mayReadNegotiation(actor, context);
}

/** The facilitator's work: create, decide, issue versions, adopt, publish, run silence. */
export const mayFacilitate = (actor: Actor) => isSecretariat(actor);

/** Focal points propose, co-sponsor, withdraw and object for their own delegation only. */
export function mayActForDelegation(
  actor: Actor,
  context: DocumentsContext,
  delegationId: string,
): boolean {
  return (
    actor.kind === 'user' &&
    actor.role === 'focal_point' &&
    actor.delegationId === delegationId &&
    context.actorDelegationEditionId === context.editionId
  );
}
