/**
 * Public programme output is cached per process and dropped on change — also in another
 * process serving the same PostgreSQL database, which hears of the change through
 * LISTEN/NOTIFY. On PGlite one process holds the data folder (db/lock.ts), so the second
 * "process" is a second app over the same services, and only in-process invalidation applies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '../../../test/support/database.js';
import { spawnPlenary } from '../../../test/support/processes.js';
import { createTestApp, createWorld, type World } from '../../../test/support/world.js';
import { shareProgrammeCaches } from '../../server/services.js';

let world: World;
let editor: Awaited<ReturnType<typeof createTestApp>>;
let reader: { baseUrl: string; close(): Promise<void> };
let stopSharing: () => void;

beforeAll(async () => {
  world = await createWorld();
  editor = await createTestApp(world);
  stopSharing = await shareProgrammeCaches(world.services);
  const url = databaseUrl(world.database);
  if (url) {
    reader = await spawnPlenary(url);
  } else {
    const second = await createTestApp(world);
    await second.listen({ port: 0, host: '127.0.0.1' });
    const address = second.server.address();
    reader = {
      baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
      close: () => second.close(),
    };
  }
});
afterAll(async () => {
  stopSharing?.();
  await reader?.close();
  await editor?.close();
  await world?.close();
});

describe('the public programme cache', () => {
  it('is dropped in every process serving the database when the programme changes', async () => {
    const sec = await editor.signIn('sec@test.example');
    const room = await editor.inject({
      method: 'POST',
      url: `/api/editions/${world.slug}/rooms`,
      headers: sec,
      payload: { code: 'hall', name: { en: 'Hall' }, capacity: 100 },
    });
    expect(room.statusCode, room.body).toBe(201);
    const created = await editor.inject({
      method: 'POST',
      url: `/api/editions/${world.slug}/sessions`,
      headers: sec,
      payload: {
        code: 'opening',
        kind: 'opening',
        title: { en: 'Opening' },
        roomCode: 'hall',
        startsAt: '2026-04-10T00:00:00Z',
        endsAt: '2026-04-10T01:00:00Z',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    // The reader caches what it serves…
    const first = await fetch(`${reader.baseUrl}/editions/${world.slug}/schedule.json`);
    expect(await first.text()).toContain('Opening');
    // …and a rename made through the other process reaches it within a second.
    const renamed = await editor.inject({
      method: 'PATCH',
      url: `/api/editions/${world.slug}/sessions/opening`,
      headers: sec,
      payload: { title: { en: 'Opening of the conference' }, version: 1 },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const started = Date.now();
    let body = '';
    while (Date.now() - started < 1000) {
      body = await (await fetch(`${reader.baseUrl}/editions/${world.slug}/schedule.json`)).text();
      if (body.includes('Opening of the conference')) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(body).toContain('Opening of the conference');
  });
});
