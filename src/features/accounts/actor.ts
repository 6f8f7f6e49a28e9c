/** Who is acting. Policies are pure predicates over an actor; services receive one with every call. */
export type Actor =
  | { kind: 'public' }
  | { kind: 'system'; label: string }
  | { kind: 'user'; id: string; label: string; role: 'secretariat' }
  | { kind: 'user'; id: string; label: string; role: 'focal_point'; delegationId: string }
  | { kind: 'user'; id: string; label: string; role: 'participant'; participantId: string };

export const PUBLIC: Actor = { kind: 'public' };

export const systemActor = (label: string): Actor => ({ kind: 'system', label });

export function isSecretariat(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'secretariat');
}

export function isFocalPointOf(actor: Actor, delegationId: string): boolean {
  return (
    actor.kind === 'user' && actor.role === 'focal_point' && actor.delegationId === delegationId
  );
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.id : null;
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'public') return 'public';
  return actor.label;
}
