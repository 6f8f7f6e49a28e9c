/**
 * The statements API and pages through inject: the secretariat writes, a focal point gets 403,
 * an anonymous caller 401; the public reads and searches published statements only, in JSON
 * and in server-rendered pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createWorld, type World } from '../../../test/support/world.js';
import { participants } from '../../db/schema.js';
import { DEMO_STATEMENTS, DEMO_THEMES } from '../conferences/demo/seoul-2013.statements.js';

let world: World;
let app: Awaited<ReturnType<typeof createTestApp>>;
let sec: Record<string, string>;
let jpn: Record<string, string>;
const ids: Record<string, string> = {};
const people: Record<string, string> = {};

const seed = (participant: string) =>
  DEMO_STATEMENTS.find((s) => 'participant' in s.speaker && s.speaker.participant === participant)!;
const base = () => `/api/editions/${world.slug}`;
const search = (q: string, lang = 'en') =>
  app.inject({
    method: 'GET',
    url: `${base()}/statements/search?q=${encodeURIComponent(q)}&lang=${lang}`,
  });

async function person(
  delegation: 'JPN' | 'KOR',
  family: Record<string, string>,
  given: Record<string, string>,
  title: Record<string, string>,
) {
  const [row] = await world.database.db
    .insert(participants)
    .values({
      editionId: world.editionId,
      delegationId: world.delegation[delegation],
      familyName: family,
      givenName: given,
      title,
      category: 'party',
      status: 'approved',
    })
    .returning();
  return row!.id;
}

beforeAll(async () => {
  world = await createWorld();
  app = await createTestApp(world);
  sec = await app.signIn('sec@test.example');
  jpn = await app.signIn('jpn@test.example');
  const { programme } = world.services;
  await programme.createRoom(world.actors.secretariat, world.slug, {
    code: 'hall',
    name: { en: 'Hall' },
    capacity: 500,
  });
  await programme.createSession(world.actors.secretariat, world.slug, {
    code: 'opening',
    kind: 'opening',
    title: { en: 'Opening session', ja: '開会セッション' },
    roomCode: 'hall',
    startsAt: '2026-04-10T00:30:00Z',
    endsAt: '2026-04-10T02:00:00Z',
  });
  people.yun = await person(
    'KOR',
    { en: 'Yun', ja: 'ユン' },
    { en: 'Byung-se', ja: 'ビョンセ' },
    { en: 'Minister of Foreign Affairs', ja: '外交部長官' },
  );
  people.park = await person(
    'KOR',
    { en: 'Park', ja: 'パク' },
    { en: 'Geun-hye', ja: 'クネ' },
    { en: 'President', ja: '大統領' },
  );
});
afterAll(async () => {
  await app?.close();
  await world?.close();
});

describe('themes', () => {
  it('are added by the secretariat only, and listed for anyone', async () => {
    const refused = await app.inject({
      method: 'POST',
      url: `${base()}/themes`,
      headers: jpn,
      payload: { code: 'cybercrime', name: { en: 'Cybercrime' } },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    for (const theme of DEMO_THEMES) {
      const added = await app.inject({
        method: 'POST',
        url: `${base()}/themes`,
        headers: sec,
        payload: theme,
      });
      expect(added.statusCode, theme.code).toBe(201);
    }
    const again = await app.inject({
      method: 'POST',
      url: `${base()}/themes`,
      headers: sec,
      payload: DEMO_THEMES[0],
    });
    expect(again.statusCode).toBe(409);
    const badCode = await app.inject({
      method: 'POST',
      url: `${base()}/themes`,
      headers: sec,
      payload: { code: 'Capacity Building', name: { en: 'x' } },
    });
    expect(badCode.statusCode).toBe(400);
    const listed = await app.inject({ method: 'GET', url: `${base()}/themes` });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toHaveLength(DEMO_THEMES.length);
  });
});

describe('writing statements', () => {
  const yun = () => ({
    sessionCode: 'opening',
    delegationCode: 'KOR',
    participantId: people.yun,
    originalLanguage: 'ja',
    texts: seed('KOR-YUN').texts,
    isSummary: true,
    positions: seed('KOR-YUN').positions,
  });

  it('is refused to a focal point (403) and to the anonymous (401)', async () => {
    const focal = await app.inject({
      method: 'POST',
      url: `${base()}/statements`,
      headers: jpn,
      payload: yun(),
    });
    expect(focal.statusCode).toBe(403);
    const anonymous = await app.inject({
      method: 'POST',
      url: `${base()}/statements`,
      payload: yun(),
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('records statements for the secretariat, without search_text in the answer', async () => {
    const created = await app.inject({
      method: 'POST',
      url: `${base()}/statements`,
      headers: sec,
      payload: yun(),
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    ids.yun = body.id;
    expect(body).not.toHaveProperty('searchText');
    expect(body).toMatchObject({
      isSummary: true,
      speaker: { name: { en: 'Byung-se Yun', ja: 'ユン ビョンセ' } },
      session: { code: 'opening' },
    });
    world.clock.advance(60_000);
    const park = seed('KOR-PARK');
    const second = await app.inject({
      method: 'POST',
      url: `${base()}/statements`,
      headers: sec,
      payload: {
        sessionCode: 'opening',
        delegationCode: 'KOR',
        participantId: people.park,
        originalLanguage: 'ja',
        texts: park.texts,
        isSummary: true,
        positions: park.positions,
      },
    });
    expect(second.statusCode).toBe(201);
    ids.park = second.json().id;
  });

  it('validates positions against the vocabulary', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `${base()}/statements`,
      headers: sec,
      payload: { ...yun(), positions: ['capacity_building', 'world_peace'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'positions' }],
    });
    expect(response.json().error.message).toContain('world_peace');
  });

  it('lets only the secretariat change a statement', async () => {
    const focal = await app.inject({
      method: 'PATCH',
      url: `${base()}/statements/${ids.park}`,
      headers: jpn,
      payload: { published: false },
    });
    expect(focal.statusCode).toBe(403);
    const unknown = await app.inject({
      method: 'PATCH',
      url: `${base()}/statements/00000000-0000-4000-8000-000000000000`,
      headers: sec,
      payload: { published: false },
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('reading and searching', () => {
  it("finds サイバー犯罪 in Yun's statement, with a marked snippet", async () => {
    const response = await search('サイバー犯罪', 'ja');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((i: { statement: { id: string } }) => i.statement.id)).toEqual([ids.yun]);
    expect(
      body.items[0].snippet.parts.some(
        (p: { mark: boolean; text: string }) => p.mark && p.text === 'サイバー犯罪',
      ),
    ).toBe(true);
  });

  it("finds capacity building in Park's and Yun's statements", async () => {
    const body = (await search('capacity building')).json();
    expect(body.items.map((i: { statement: { id: string } }) => i.statement.id).sort()).toEqual(
      [ids.park, ids.yun].sort(),
    );
  });

  it('shows the public published statements only; the secretariat all', async () => {
    const hidden = await app.inject({
      method: 'PATCH',
      url: `${base()}/statements/${ids.park}`,
      headers: sec,
      payload: { published: false },
    });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json().published).toBe(false);

    const found = (await search('capacity building')).json();
    expect(found.items.map((i: { statement: { id: string } }) => i.statement.id)).toEqual([
      ids.yun,
    ]);

    const publicList = await app.inject({
      method: 'GET',
      url: `${base()}/statements?session=opening`,
    });
    expect(publicList.json().items.map((s: { id: string }) => s.id)).toEqual([ids.yun]);
    expect(publicList.headers['cache-control']).toContain('public');
    const secretariatList = await app.inject({
      method: 'GET',
      url: `${base()}/statements?session=opening`,
      headers: sec,
    });
    expect(secretariatList.json().items.map((s: { id: string }) => s.id)).toEqual([
      ids.yun,
      ids.park,
    ]);
    expect(secretariatList.headers['cache-control']).toContain('no-store');

    const restored = await app.inject({
      method: 'PATCH',
      url: `${base()}/statements/${ids.park}`,
      headers: sec,
      payload: { published: true },
    });
    expect(restored.statusCode).toBe(200);
  });

  it('filters by delegation and theme, and says when a session does not exist', async () => {
    const byTheme = await app.inject({
      method: 'GET',
      url: `${base()}/statements?theme=digital_divide`,
    });
    expect(byTheme.json().items.map((s: { id: string }) => s.id)).toEqual([ids.park]);
    const byDelegation = await app.inject({
      method: 'GET',
      url: `${base()}/statements?delegation=JPN`,
    });
    expect(byDelegation.json()).toMatchObject({ items: [], total: 0, delegation: { code: 'JPN' } });
    const missing = await app.inject({
      method: 'GET',
      url: `${base()}/statements?session=nowhere`,
    });
    expect(missing.statusCode).toBe(404);
    const empty = await app.inject({ method: 'GET', url: `${base()}/statements/search?q=` });
    expect(empty.statusCode).toBe(400);
  });
});

describe('public pages', () => {
  const page = (url: string) =>
    app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

  it("shows a session's statements in Japanese, summaries marked, positions as tags", async () => {
    const response = await page(`/editions/${world.slug}/sessions/opening/statements?lang=ja`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('開会セッション');
    expect(html).toContain('ユン ビョンセ');
    expect(html).toContain('サイバー犯罪やサイバーセキュリティの課題');
    expect(html).toContain('要旨');
    expect(html).toContain('<li class="position-tag">能力構築支援</li>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('style=');
  });

  it("shows a delegation's statements in English with the original beside the translation", async () => {
    const html = (await page(`/editions/${world.slug}/delegations/KOR/statements?lang=en`)).body;
    expect(html).toContain('Statements by South Korea');
    expect(html).toContain('Capacity building');
    expect(html).toContain('Translation from Japanese');
    expect(html).toContain('<summary>Original (Japanese)</summary>');
  });

  it('searches through a GET form and marks what it found', async () => {
    const empty = await page(`/editions/${world.slug}/search?lang=en`);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toMatch(
      /<form class="search-form"[^>]* action="\/editions\/test-2026\/search" method="get">/,
    );
    expect(empty.body).toContain('name="q"');
    const html = (
      await page(`/editions/${world.slug}/search?q=${encodeURIComponent('サイバー犯罪')}&lang=ja`)
    ).body;
    expect(html).toContain('<mark>サイバー犯罪</mark>');
    expect(html).toContain('1件');
    const none = (await page(`/editions/${world.slug}/search?q=zzzz&lang=en`)).body;
    expect(none).toContain('No published statement, document or readout matches “zzzz”.');
  });

  it('answers an unknown session with a 404 page', async () => {
    const response = await page(`/editions/${world.slug}/sessions/nowhere/statements`);
    expect(response.statusCode).toBe(404);
  });
});
