import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createWorld, type World } from '../../../test/support/world.js';
import { bilateralWorld, utc } from './bilaterals.test-support.js';

describe('bilateral meetings (HTTP)', () => {
  let world: World;
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let sec: Record<string, string>;
  let jpn: Record<string, string>;
  let kor: Record<string, string>;

  beforeAll(async () => {
    world = await createWorld();
    await bilateralWorld(world);
    app = await createTestApp(world);
    sec = await app.signIn('sec@test.example');
    jpn = await app.signIn('jpn@test.example');
    kor = await app.signIn('kor@test.example');
  });

  afterAll(async () => {
    await app?.close();
    await world?.close();
  });

  const base = '/api/editions/test-2026';

  it('request → accept → plan → apply → publish → each side sees it, and in its calendar', async () => {
    const created = await app.inject({
      method: 'POST',
      url: `${base}/bilaterals/requests`,
      headers: jpn,
      payload: {
        counterparts: ['KOR'],
        kind: 'courtesy_call',
        lengthMinutes: 30,
        window: { start: utc(11, '09:00'), end: utc(11, '12:00') },
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;

    // Japan cannot answer its own request; Korea can.
    const wrong = await app.inject({
      method: 'POST',
      url: `${base}/bilaterals/requests/${id}/respond`,
      headers: jpn,
      payload: { response: 'accepted' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('not_a_party');
    const accepted = await app.inject({
      method: 'POST',
      url: `${base}/bilaterals/requests/${id}/respond`,
      headers: kor,
      payload: { response: 'accepted' },
    });
    expect(accepted.json().status).toBe('accepted');

    expect(
      (
        await app.inject({
          method: 'POST',
          url: `${base}/bilaterals/plan`,
          headers: jpn,
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
    const proposal = await app.inject({
      method: 'POST',
      url: `${base}/bilaterals/plan`,
      headers: sec,
      payload: { timeLimitSeconds: 1, seed: 1 },
    });
    expect(proposal.statusCode).toBe(200);
    const applied = await app.inject({
      method: 'POST',
      url: `${base}/bilaterals/plan/apply`,
      headers: sec,
      payload: proposal.json(),
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ added: 1 });
    const meeting = applied.json().meetings[0];

    const published = await app.inject({
      method: 'POST',
      url: `${base}/bilaterals/publish`,
      headers: sec,
      payload: { stage: 'final' },
    });
    expect(published.json()).toEqual({ stage: 'final', published: 1 });

    for (const headers of [jpn, kor]) {
      const schedule = await app.inject({
        method: 'GET',
        url: `${base}/bilaterals/schedule`,
        headers,
      });
      expect(schedule.json().meetings).toEqual([
        expect.objectContaining({ id: meeting.id, published: 'final', kind: 'courtesy_call' }),
      ]);
    }

    const feed = await app.inject({
      method: 'GET',
      url: `${base}/bilaterals/schedule/feed`,
      headers: kor,
    });
    const url = new URL(feed.json().url as string);
    const ics = await app.inject({ method: 'GET', url: url.pathname });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain(`UID:${meeting.id}@plenary`);
    expect(ics.body).toContain('Courtesy call: Japan');
    expect(ics.body).toMatch(/DTSTART;TZID=Asia\/Seoul:20260411T\d{4}00/);
    // A tampered address finds nothing.
    const tampered = url.pathname.replace(/\.([\w-]{22})\.ics$/, '.AAAAAAAAAAAAAAAAAAAAAA.ics');
    expect((await app.inject({ method: 'GET', url: tampered })).statusCode).toBe(404);
  });

  it('refuses a move with its reasons; the outbox and notifications', async () => {
    const board = await app.inject({
      method: 'GET',
      url: `${base}/bilaterals/board`,
      headers: sec,
    });
    expect(board.statusCode).toBe(200);
    const m = board.json().meetings[0];
    const refused = await app.inject({
      method: 'PATCH',
      url: `${base}/bilaterals/meetings/${m.id}`,
      headers: sec,
      payload: { room: 'b-small', startsAt: utc(10, '14:00'), version: m.version },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'outside_window',
      reasons: ['outside_window', 'room_too_small', 'principal_in_session'],
    });

    const outbox = await app.inject({
      method: 'GET',
      url: `${base}/outbox?pending=true`,
      headers: sec,
    });
    expect(outbox.json().items.length).toBeGreaterThan(0);
    const sent = await app.inject({
      method: 'POST',
      url: `${base}/outbox/${outbox.json().items[0].id}/sent`,
      headers: sec,
    });
    expect(sent.json().sentAt).not.toBeNull();
    const notes = await app.inject({
      method: 'GET',
      url: `${base}/notifications?unread=true&lang=ja`,
      headers: kor,
    });
    // In the reader's language: Japan's request, as Korea's focal point reads it in Japanese.
    expect(notes.json().items.map((n: { subject: string }) => n.subject)).toContain(
      '日本から表敬の申し入れ（30分）',
    );
  });
});
