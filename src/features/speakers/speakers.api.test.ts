/**
 * The lists-of-speakers API through inject and a real socket: codes at the edge (409
 * speakers_list_closed, 403, 400), the public hall view without personal data, and the event
 * stream (first view at once, the next one after a change; closing the app ends open streams).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createWorld, type World } from '../../../test/support/world.js';
import { aSession, aSpeaker, readViews } from './speakers.test-support.js';

let world: World;
let app: Awaited<ReturnType<typeof createTestApp>>;
let sec: Record<string, string>;
let jpn: Record<string, string>;

beforeAll(async () => {
  world = await createWorld();
  app = await createTestApp(world);
  sec = await app.signIn('sec@test.example');
  jpn = await app.signIn('jpn@test.example');
});
afterAll(async () => {
  await app?.close();
  await world?.close();
});

const url = (session: string) => `/api/editions/test-2026/sessions/${session}/speakers`;

describe('commands over HTTP', () => {
  it('answers 409 speakers_list_closed to an inscription on a closed list', async () => {
    const session = await aSession(world);
    const member = await aSpeaker(
      world,
      'JPN',
      'vice_minister',
      'Mitsuya',
      'State Minister for Foreign Affairs',
    );
    const closed = await app.inject({
      method: 'POST',
      url: url(session),
      headers: sec,
      payload: { type: 'list.close' },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().open).toBe(false);
    const refused = await app.inject({
      method: 'POST',
      url: url(session),
      headers: jpn,
      payload: { type: 'speaker.inscribe', delegation: 'JPN', participantId: member },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('speakers_list_closed');
  });

  it('refuses what a focal point may not do, malformed commands, and requests without the CSRF token', async () => {
    const session = await aSession(world);
    const forbidden = await app.inject({
      method: 'POST',
      url: url(session),
      headers: jpn,
      payload: { type: 'speaker.next' },
    });
    expect([forbidden.statusCode, forbidden.json().error.code]).toEqual([403, 'forbidden']);
    const other = await app.inject({
      method: 'POST',
      url: url(session),
      headers: jpn,
      payload: { type: 'speaker.withdraw', delegation: 'KOR' },
    });
    expect(other.statusCode).toBe(403);
    const malformed = await app.inject({
      method: 'POST',
      url: url(session),
      headers: sec,
      payload: { type: 'speaker.inscribe', delegation: 'JPN', rank: 'head_of_state' },
    });
    expect([malformed.statusCode, malformed.json().error.code]).toEqual([400, 'validation_failed']);
    const unknown = await app.inject({
      method: 'POST',
      url: url(session),
      headers: sec,
      payload: { type: 'speaker.teleport' },
    });
    expect(unknown.statusCode).toBe(400);
    const noCsrf = await app.inject({
      method: 'POST',
      url: url(session),
      headers: { cookie: sec.cookie! },
      payload: { type: 'list.close' },
    });
    expect([noCsrf.statusCode, noCsrf.json().error.code]).toEqual([403, 'csrf_failed']);
    const anonymous = await app.inject({
      method: 'POST',
      url: url(session),
      payload: { type: 'list.close' },
    });
    expect(anonymous.statusCode).toBe(401);
    const noNext = await app.inject({
      method: 'POST',
      url: url(session),
      headers: sec,
      payload: { type: 'speaker.next' },
    });
    expect([noNext.statusCode, noNext.json().error.code]).toEqual([409, 'no_next_speaker']);
  });

  it('shows the hall view to anyone for a published session, with names, titles and delegations only', async () => {
    const session = await aSession(world);
    const member = await aSpeaker(
      world,
      'JPN',
      'vice_minister',
      'Mitsuya',
      'State Minister for Foreign Affairs',
    );
    await app.inject({
      method: 'POST',
      url: url(session),
      headers: jpn,
      payload: { type: 'speaker.inscribe', delegation: 'JPN', participantId: member },
    });
    await app.inject({
      method: 'POST',
      url: url(session),
      headers: sec,
      payload: { type: 'speaker.next' },
    });
    const view = await app.inject({ method: 'GET', url: `${url(session)}?lang=ja` });
    expect(view.statusCode).toBe(200);
    const body = view.json();
    expect(body.current).toMatchObject({
      delegation: { code: 'JPN', name: '日本' },
      speaker: { name: 'Test Mitsuya', title: 'State Minister for Foreign Affairs' },
    });
    expect(body.timer).toMatchObject({ limitMs: 300_000, running: false });
    const text = view.body;
    for (const secret of ['passport', 'dateOfBirth', 'email', member])
      expect(text).not.toContain(secret);

    const draft = await aSession(world, { status: 'draft' });
    expect((await app.inject({ method: 'GET', url: url(draft) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: url(draft), headers: sec })).statusCode).toBe(
      200,
    );
  });
});

describe('the event stream', () => {
  it('sends the view at once and again after a change; app.close() ends open streams', async () => {
    const session = await aSession(world);
    const streaming = await createTestApp(world);
    await streaming.listen({ port: 0, host: '127.0.0.1' });
    const address = streaming.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const response = await fetch(`http://127.0.0.1:${port}${url(session)}/events?lang=en`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const views = readViews(response.body!);
    const first = await views.next();
    expect(first.value).toMatchObject({ version: 0, open: true });

    const started = performance.now();
    await app.inject({
      method: 'POST',
      url: url(session),
      headers: sec,
      payload: { type: 'list.close' },
    });
    const second = await views.next();
    expect(second.value).toMatchObject({ version: 2, open: false });
    expect(performance.now() - started).toBeLessThan(1_000);

    const closing = performance.now();
    await streaming.close();
    expect(performance.now() - closing).toBeLessThan(2_000);
    expect((await views.next()).done).toBe(true);
  });
});
