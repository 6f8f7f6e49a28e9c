/**
 * Fifty bookings of one room-slot, and fifty of one principal-slot, at once through the
 * service. On PostgreSQL (PLENARY_TEST_DATABASE_URL) they race on a pool and the exclusion
 * constraints decide; on PGlite they serialize and the service's own checks decide. Either
 * way exactly one wins and every other gets a clean conflict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../test/support/world.js';
import { rooms } from '../../db/schema.js';
import { PlenaryError } from '../../platform/errors.js';
import { type BilateralWorld, bilateralWorld, utc } from './bilaterals.test-support.js';

const N = 50;

describe('concurrent bookings', () => {
  let world: World;
  let b: BilateralWorld;

  beforeAll(async () => {
    world = await createWorld();
    b = await bilateralWorld(world, 2 * N + 1);
    await world.database.db.insert(rooms).values(
      Array.from({ length: N }, (_, i) => ({
        editionId: world.editionId,
        code: `c-${i + 1}`,
        name: { en: `Booth C${i + 1}` },
        kind: 'bilateral_booth' as const,
        capacity: 4,
        zone: 'A',
      })),
    );
  });

  afterAll(async () => {
    await world?.close();
  });

  const code = (i: number) => `D${String(i).padStart(2, '0')}`;

  async function pendingRequests(pairs: [string, string][]) {
    const ids: string[] = [];
    for (const [from, to] of pairs) {
      ids.push(
        (
          await world.services.bilaterals.request(b.focal[from]!, world.slug, {
            counterparts: [to],
            lengthMinutes: 30,
          })
        ).id,
      );
    }
    return ids;
  }

  function tally(results: PromiseSettledResult<unknown>[]) {
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    return { won, lost };
  }

  it('one room-slot: exactly one of 50 wins', async () => {
    // Fifty requests between fifty disjoint pairs of delegations: only the room is shared.
    const ids = await pendingRequests(
      Array.from({ length: N }, (_, i) => [code(2 * i + 1), code(2 * i + 2)]),
    );
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        world.services.bilaterals.hold(b.focal[code(2 * i + 1)]!, world.slug, id, {
          room: 'b-1',
          startsAt: utc(11, '10:00'),
        }),
      ),
    );
    const { won, lost } = tally(results);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(N - 1);
    for (const error of lost) {
      expect(error).toBeInstanceOf(PlenaryError);
      expect(error).toMatchObject({ code: 'room_double_booked', kind: 'conflict' });
    }
  });

  it('one principal-slot: exactly one of 50 wins', async () => {
    // Fifty requests of one delegation, each with another counterpart, each in its own booth.
    const hub = code(2 * N + 1);
    const ids = await pendingRequests(Array.from({ length: N }, (_, i) => [hub, code(i + 1)]));
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        world.services.bilaterals.hold(b.focal[hub]!, world.slug, id, {
          room: `c-${i + 1}`,
          startsAt: utc(11, '15:00'),
        }),
      ),
    );
    const { won, lost } = tally(results);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(N - 1);
    for (const error of lost) {
      expect(error).toBeInstanceOf(PlenaryError);
      expect(error).toMatchObject({ code: 'principal_busy', kind: 'conflict' });
    }
  });
});
