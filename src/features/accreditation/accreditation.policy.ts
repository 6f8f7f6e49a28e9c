/**
 * Pure policies, checked before any data is read. A focal point sees and changes only its own
 * delegation; personal data (date of birth, passport number) is for the secretariat and the
 * delegation's own focal points; the public sees only published, consented fields.
 */
import { type Actor, isFocalPointOf, isSecretariat } from '../accounts/actor.js';

export const accreditationPolicy = {
  viewDelegation: (actor: Actor, delegationId: string) =>
    isSecretariat(actor) || isFocalPointOf(actor, delegationId),
  manageMembers: (actor: Actor, delegationId: string) =>
    isSecretariat(actor) || isFocalPointOf(actor, delegationId),
  seePersonalData: (actor: Actor, delegationId: string) =>
    isSecretariat(actor) || isFocalPointOf(actor, delegationId),
  viewParticipant: (actor: Actor, participant: { id: string; delegationId: string }) =>
    isSecretariat(actor) ||
    isFocalPointOf(actor, participant.delegationId) ||
    (actor.kind === 'user' &&
      actor.role === 'participant' &&
      actor.participantId === participant.id),
  listAllDelegations: (actor: Actor) => isSecretariat(actor),
  decide: (actor: Actor) => isSecretariat(actor),
  reopen: (actor: Actor) => isSecretariat(actor),
  issueBadges: (actor: Actor) => isSecretariat(actor),
  checkIn: (actor: Actor) => isSecretariat(actor),
  exportParticipants: (actor: Actor) => isSecretariat(actor),
  viewAudit: (actor: Actor) => isSecretariat(actor),
  /** Deadlines bind focal points; the secretariat may still enter a late nomination itself. */
  bypassDeadline: (actor: Actor) => isSecretariat(actor),
};
