/** Factories for tests of lists of speakers: a session in a hall, members of the test delegations. */
import type { World } from '../../../test/support/world.js';
import { participants, type Rank } from '../../db/schema.js';
import { systemActor } from '../accounts/actor.js';

let sessions = 0;

/** A published plenary in a hall of the test conference; returns its code. */
export async function aSession(
  world: World,
  options: { status?: 'draft' | 'published' } = {},
): Promise<string> {
  const n = ++sessions;
  const chair = systemActor('test');
  await world.services.programme.createRoom(chair, world.slug, {
    code: `hall-${n}`,
    name: { en: `Hall ${n}` },
    capacity: 500,
    kind: 'hall',
  });
  const code = `plenary-${n}`;
  await world.services.programme.createSession(chair, world.slug, {
    code,
    kind: 'plenary',
    title: { en: `Plenary ${n}`, ja: `全体会合${n}` },
    roomCode: `hall-${n}`,
    startsAt: '2026-04-10T01:00:00Z',
    endsAt: '2026-04-10T03:00:00Z',
    status: options.status ?? 'published',
  });
  return code;
}

/** A member of a test delegation, approved, with a rank: aSpeaker(world, 'JPN', 'minister', 'Kishida'). */
export async function aSpeaker(
  world: World,
  delegation: keyof World['delegation'],
  rank: Rank,
  family: string,
  title = '',
): Promise<string> {
  const [row] = await world.database.db
    .insert(participants)
    .values({
      editionId: world.editionId,
      delegationId: world.delegation[delegation],
      familyName: { en: family },
      givenName: { en: 'Test' },
      title: title ? { en: title } : {},
      rank,
      category: delegation === 'ITU' ? 'igo' : 'party',
      status: 'approved',
    })
    .returning({ id: participants.id });
  return row!.id;
}

/** Yields the data of each `view` event of a text/event-stream body. */
export async function* readViews(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<Record<string, unknown>> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = event.split('\n');
      if (lines.includes('event: view')) {
        const data = lines
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        yield JSON.parse(data) as Record<string, unknown>;
      }
      end = buffer.indexOf('\n\n');
    }
  }
}
