import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createWorld, NOW, type World } from '../../../test/support/world.js';
import { seoulDraft, spanOf } from './documents.test-support.js';

const HOUR = 3_600_000;
const later = (hours: number) => new Date(new Date(NOW).getTime() + hours * HOUR).toISOString();

describe('outcome documents (HTTP)', () => {
  let world: World;
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let sec: Record<string, string>;
  let jpn: Record<string, string>;
  let kor: Record<string, string>;

  beforeAll(async () => {
    world = await createWorld();
    app = await createTestApp(world);
    sec = await app.signIn('sec@test.example');
    jpn = await app.signIn('jpn@test.example');
    kor = await app.signIn('kor@test.example');
  });

  afterAll(async () => {
    await app?.close();
    await world?.close();
  });

  const base = '/api/editions/test-2026/documents';
  const doc = `${base}/test-framework`;

  it('negotiates a text to Rev.1 and compares the versions', async () => {
    const created = await app.inject({
      method: 'POST',
      url: base,
      headers: sec,
      payload: {
        code: 'test-framework',
        kind: 'outcome',
        title: { en: 'Test Framework' },
        content: seoulDraft(),
        label: { en: 'Zero draft' },
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', currentVersion: 1 });

    const opened = await app.inject({
      method: 'POST',
      url: `${doc}/status`,
      headers: sec,
      payload: { status: 'under_negotiation' },
    });
    expect(opened.json().status).toBe('under_negotiation');

    // A focal point cannot say it proposes for another delegation.
    const forOther = await app.inject({
      method: 'POST',
      url: `${doc}/amendments`,
      headers: jpn,
      payload: { paragraphId: 'op-1', kind: 'delete', change: {}, from: 'KOR' },
    });
    expect(forOther.statusCode).toBe(400);

    const op1 = 'Decides to promote capacity building;';
    const japan = await app.inject({
      method: 'POST',
      url: `${doc}/amendments`,
      headers: jpn,
      payload: {
        paragraphId: 'op-1',
        kind: 'replace',
        change: { ...spanOf(op1, 'promote'), text: 'strengthen' },
        reason: 'Stronger',
      },
    });
    expect(japan.statusCode).toBe(201);
    expect(japan.json()).toMatchObject({ proposer: 'JPN', kind: 'replace', status: 'proposed' });
    world.clock.advance(60_000);
    const korea = await app.inject({
      method: 'POST',
      url: `${doc}/amendments`,
      headers: kor,
      payload: {
        paragraphId: 'op-2',
        kind: 'new_paragraph',
        change: { text: 'Decides to meet again in 2027;', paragraphKind: 'operative' },
      },
    });
    expect(korea.statusCode).toBe(201);
    const joined = await app.inject({
      method: 'POST',
      url: `${doc}/amendments/${korea.json().id}/cosponsors`,
      headers: jpn,
    });
    expect(joined.json().cosponsors).toEqual(['JPN']);
    // Japan cannot withdraw Korea's amendment.
    const notYours = await app.inject({
      method: 'POST',
      url: `${doc}/amendments/${korea.json().id}/withdraw`,
      headers: jpn,
    });
    expect(notYours.statusCode).toBe(403);

    const rev1 = await app.inject({
      method: 'POST',
      url: `${doc}/versions`,
      headers: sec,
      payload: {
        label: { en: 'Rev.1' },
        decisions: [
          { amendmentId: japan.json().id, decision: 'accept' },
          { amendmentId: korea.json().id, decision: 'bracket' },
        ],
      },
    });
    expect(rev1.statusCode).toBe(201);
    const lines = rev1.json().current.paragraphs as { number: string; text: string }[];
    expect(lines.slice(2).map((l) => `${l.number}. ${l.text}`)).toEqual([
      '1. Decides to strengthen capacity building;',
      '2. Calls upon all states to respect human rights online;',
      '3. [Decides to meet again in 2027;]',
    ]);

    const cmp = await app.inject({
      method: 'GET',
      url: `${doc}/compare?from=1&to=2`,
      headers: kor,
    });
    expect(cmp.statusCode).toBe(200);
    const body = cmp.json();
    expect(body.added).toHaveLength(1);
    expect(body.paragraphs.filter((p: { status: string }) => p.status !== 'equal')).toEqual([
      {
        id: 'op-1',
        kind: 'operative',
        status: 'changed',
        fromNumber: '1',
        toNumber: '1',
        ops: [
          { op: 'equal', text: 'Decides to ' },
          { op: 'delete', text: 'promote' },
          { op: 'insert', text: 'strengthen' },
          { op: 'equal', text: ' capacity building;' },
        ],
      },
      {
        id: body.added[0],
        kind: 'operative',
        status: 'added',
        fromNumber: null,
        toNumber: '3',
        ops: [{ op: 'insert', text: '[Decides to meet again in 2027;]' }],
      },
    ]);
  });

  it('shows the public nothing but adopted text: drafts are 404', async () => {
    for (const url of [
      doc,
      `${doc}/versions/1`,
      `${doc}/amendments`,
      `${doc}/compare?from=1&to=2`,
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
    }
    const list = await app.inject({ method: 'GET', url: base });
    expect(list.json().items).toEqual([]);
  });

  it('adopts by silence at the deadline unless someone objects', async () => {
    world.clock.set(later(1));
    const tooShort = await app.inject({
      method: 'POST',
      url: `${doc}/silence`,
      headers: sec,
      payload: { hours: 48 },
    });
    expect(tooShort.statusCode).toBe(400);
    const started = await app.inject({
      method: 'POST',
      url: `${doc}/silence`,
      headers: sec,
      payload: {},
    });
    expect(started.json().silenceDeadline).toBe(later(73));

    // Korea objects: silence is broken.
    world.clock.set(later(5));
    const objected = await app.inject({
      method: 'POST',
      url: `${doc}/silence/objections`,
      headers: kor,
      payload: { reason: 'Paragraph 3 is premature.' },
    });
    expect(objected.json()).toMatchObject({
      status: 'under_negotiation',
      silenceBrokenAt: later(5),
    });
    world.clock.set(later(80));
    await world.services.documents.runDueJobs();
    expect((await app.inject({ method: 'GET', url: doc })).statusCode).toBe(404);

    // A second round, without objection, ends in adoption at the deadline.
    sec = await app.signIn('sec@test.example'); // days later: a new session
    const again = await app.inject({
      method: 'POST',
      url: `${doc}/silence`,
      headers: sec,
      payload: { hours: 96 },
    });
    expect(again.json()).toMatchObject({
      silenceDeadline: later(176),
      silenceBrokenAt: null,
      objections: [],
    });
    world.clock.set(later(176));
    expect(await world.services.documents.runDueJobs()).toEqual({ done: 1, failed: 0 });

    const adopted = await app.inject({ method: 'GET', url: doc });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json()).toMatchObject({
      status: 'adopted',
      adoptionMethod: 'silence',
      adoptedAt: later(176),
      versions: [{ number: 2 }],
    });
    expect(adopted.json().current.text).toContain('1. Decides to strengthen capacity building;');
    expect((await app.inject({ method: 'GET', url: `${doc}/versions/1` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `${doc}/versions/2` })).statusCode).toBe(200);

    sec = await app.signIn('sec@test.example');
    const published = await app.inject({ method: 'POST', url: `${doc}/publish`, headers: sec });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    expect((await app.inject({ method: 'GET', url: base })).json().items).toMatchObject([
      { code: 'test-framework', status: 'published' },
    ]);
  });
});
