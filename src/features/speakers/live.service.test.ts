/**
 * A change reaches every open screen within a second, also when the chair's request and the hall
 * screen are served by DIFFERENT Plenary processes on one PostgreSQL server (LISTEN/NOTIFY).
 *
 * On PostgreSQL (PLENARY_TEST_DATABASE_URL) a second Plenary server is spawned on this test's
 * database (`plenary serve`), the screen follows its event stream, and commands go through the
 * first server, in this process. On PGlite both servers run in this one process over the same
 * services: the data folder is held by one process (db/lock.ts forbids a second), so in-process
 * delivery is all PGlite ever needs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '../../../test/support/database.js';
import { spawnPlenary } from '../../../test/support/processes.js';
import { createTestApp, createWorld, type World } from '../../../test/support/world.js';
import { aSession, aSpeaker, readViews } from './speakers.test-support.js';

let world: World;
let chairServer: Awaited<ReturnType<typeof createTestApp>>;
let screenServer: { baseUrl: string; close(): Promise<void> };
let chairUrl: string;

async function listening(app: Awaited<ReturnType<typeof createTestApp>>): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

beforeAll(async () => {
  world = await createWorld();
  chairServer = await createTestApp(world);
  chairUrl = await listening(chairServer);
  const url = databaseUrl(world.database);
  if (url) {
    screenServer = await spawnPlenary(url);
  } else {
    const second = await createTestApp(world);
    const baseUrl = await listening(second);
    screenServer = { baseUrl, close: () => second.close() };
  }
}, 120_000);

afterAll(async () => {
  await screenServer?.close();
  await chairServer?.close();
  await world?.close();
});

describe('live delivery to the hall screen', () => {
  it(`reaches a screen served by ${process.env.PLENARY_TEST_DATABASE_URL ? 'another process' : 'this process'} within a second`, async () => {
    const session = await aSession(world);
    const signIn = await fetch(`${chairUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sec@test.example', password: 'correct horse battery staple' }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('plenary_session='))!
      .split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const command = (body: unknown) =>
      fetch(`${chairUrl}/api/editions/${world.slug}/sessions/${session}/speakers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify(body),
      });

    // Five delegations' speakers, inscribed by the chair's office.
    const members = [];
    for (const [i, code] of (['JPN', 'KOR', 'ITU'] as const).entries()) {
      members.push({
        code,
        id: await aSpeaker(world, code, i === 0 ? 'minister' : 'delegate', `Speaker${i}`),
      });
    }

    const abort = new AbortController();
    const stream = await fetch(
      `${screenServer.baseUrl}/api/editions/${world.slug}/sessions/${session}/speakers/events`,
      { signal: abort.signal },
    );
    expect(stream.status).toBe(200);
    const views = readViews(stream.body!);
    expect((await views.next()).value).toMatchObject({ version: 0 });

    const latencies: number[] = [];
    const step = async (body: unknown, expected: (view: Record<string, unknown>) => boolean) => {
      const sent = performance.now();
      const answer = await command(body);
      expect(answer.status, await answer.clone().text()).toBe(200);
      const { version } = (await answer.json()) as { version: number };
      for (;;) {
        const next = await views.next();
        if (next.done) throw new Error('the stream ended');
        if ((next.value.version as number) >= version) {
          latencies.push(performance.now() - sent);
          expect(expected(next.value)).toBe(true);
          return;
        }
      }
    };
    for (const m of members) {
      await step(
        { type: 'speaker.inscribe', delegation: m.code, participantId: m.id },
        (v) => (v.queue as unknown[]).length > 0,
      );
    }
    await step({ type: 'list.close' }, (v) => v.open === false);
    for (const code of ['JPN', 'KOR', 'ITU']) {
      await step(
        { type: 'speaker.next', startTimer: true },
        (v) => (v.current as { delegation: { code: string } }).delegation.code === code,
      );
      await step(
        { type: 'timer.pause' },
        (v) => (v.timer as { running: boolean }).running === false,
      );
    }
    abort.abort();

    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const max = sorted[sorted.length - 1]!;
    console.info(
      `speakers live delivery (${process.env.PLENARY_TEST_DATABASE_URL ? 'two processes, PostgreSQL LISTEN/NOTIFY' : 'one process, PGlite'}): ` +
        `${latencies.length} changes, command sent → screen received: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
    );
    expect(max).toBeLessThan(1_000);
  });
});
