/**
 * PostgreSQL only (the file is included when PLENARY_TEST_DATABASE_URL is set): the LISTEN
 * connection survives the server dropping it. PGlite has no such connection to lose.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../test/support/world.js';
import { createLiveHub } from './live.js';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('the LISTEN connection', () => {
  it('reconnects after the server drops it, tells its screens to re-read, and hears later changes', async () => {
    const screens = createLiveHub(world.database);
    const chairDesk = createLiveHub(world.database);
    const heard: number[] = [];
    const stop = screens.subscribe('speakers:test', (payload) => heard.push(payload.version));
    await screens.ready();
    await world.database.db.execute(
      sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN plenary_live'`,
    );
    await expect.poll(() => heard, { timeout: 5_000 }).toEqual([-1]);
    await chairDesk.publish('speakers:test', { version: 7 });
    await expect.poll(() => heard, { timeout: 2_000 }).toEqual([-1, 7]);
    stop();
    await Promise.all([screens.close(), chairDesk.close()]);
  });
});
