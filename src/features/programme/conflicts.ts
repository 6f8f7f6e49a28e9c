/**
 * Who is due in two places at once: a person present in two sessions whose times overlap.
 * A video message or live link does not need the person in the room, so it never conflicts.
 */
import type { SessionView } from './programme.view.js';

export interface PersonConflict {
  participantId: string;
  name: Record<string, string>;
  sessions: [string, string];
  overlap: { from: string; to: string };
}

export function findPersonConflicts(sessions: readonly SessionView[]): PersonConflict[] {
  const byPerson = new Map<string, { session: SessionView; name: Record<string, string> }[]>();
  for (const session of sessions) {
    if (session.status === 'cancelled') continue;
    for (const person of session.people) {
      if (person.attendance !== 'present') continue;
      const list = byPerson.get(person.participantId) ?? [];
      if (!list.some((entry) => entry.session.id === session.id))
        list.push({ session, name: person.name });
      byPerson.set(person.participantId, list);
    }
  }
  const conflicts: PersonConflict[] = [];
  for (const [participantId, entries] of byPerson) {
    entries.sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt));
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const a = entries[i]!.session;
        const b = entries[j]!.session;
        if (b.startsAt >= a.endsAt) break;
        // ISO instants in UTC compare as text; the earlier end closes the overlap.
        const to = [a.endsAt, b.endsAt].sort()[0]!;
        conflicts.push({
          participantId,
          name: entries[i]!.name,
          sessions: [a.code, b.code],
          overlap: { from: b.startsAt, to },
        });
      }
    }
  }
  return conflicts;
}
