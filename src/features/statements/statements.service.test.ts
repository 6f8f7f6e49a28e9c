/**
 * Statements on a fresh database: the secretariat records them with audit events, positions
 * come from the edition's vocabulary, the public reads and searches the published ones, in
 * Japanese and English, and the Seoul 2013 demo is searchable as loaded.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/database.js';
import { createWorld, type World } from '../../../test/support/world.js';
import type { Database } from '../../db/connection.js';
import { auditEvents, participants, statements } from '../../db/schema.js';
import { fixedClock } from '../../platform/clock.js';
import { PUBLIC } from '../accounts/actor.js';
import { loadDemo } from '../conferences/demo/demo.loader.js';
import { DEMO_STATEMENTS, DEMO_THEMES } from '../conferences/demo/seoul-2013.statements.js';
import { createStatementsService } from './statements.service.js';

const seed = (participant: string) =>
  DEMO_STATEMENTS.find((s) => 'participant' in s.speaker && s.speaker.participant === participant)!;
const speakerNames = (
  items: { statement: { speaker: { name: Record<string, string> } | null } }[],
) => items.map((i) => i.statement.speaker?.name.en);

let world: World;
const ids: Record<string, string> = {};
const people: Record<string, string> = {};

async function person(delegation: 'JPN' | 'KOR', family: string, given: string) {
  const [row] = await world.database.db
    .insert(participants)
    .values({
      editionId: world.editionId,
      delegationId: world.delegation[delegation],
      familyName: { en: family },
      givenName: { en: given },
      category: 'party',
      status: 'approved',
    })
    .returning();
  return row!.id;
}

beforeAll(async () => {
  world = await createWorld();
  const { programme, statements: service } = world.services;
  const sec = world.actors.secretariat;
  await programme.createRoom(sec, world.slug, {
    code: 'hall',
    name: { en: 'Hall' },
    capacity: 500,
  });
  await programme.createSession(sec, world.slug, {
    code: 'opening',
    kind: 'opening',
    title: { en: 'Opening session', ja: '開会セッション' },
    roomCode: 'hall',
    startsAt: '2026-04-10T00:30:00Z',
    endsAt: '2026-04-10T02:00:00Z',
  });
  await programme.createSession(sec, world.slug, {
    code: 'plenary-2',
    kind: 'plenary',
    title: { en: 'Strengthening cross-border cooperation' },
    roomCode: 'hall',
    startsAt: '2026-04-10T05:00:00Z',
    endsAt: '2026-04-10T06:30:00Z',
  });
  people.yun = await person('KOR', 'Yun', 'Byung-se');
  people.park = await person('KOR', 'Park', 'Geun-hye');
  people.mitsuya = await person('JPN', 'Mitsuya', 'Norio');
  for (const theme of DEMO_THEMES) await service.createTheme(sec, world.slug, theme);
});
afterAll(async () => {
  await world?.close();
});

describe('themes', () => {
  it('lists the vocabulary and refuses a duplicate or a focal point', async () => {
    const { statements: service } = world.services;
    expect((await service.themes(world.slug)).map((t) => t.code)).toContain('capacity_building');
    await expect(
      service.createTheme(world.actors.secretariat, world.slug, {
        code: 'cybercrime',
        name: { en: 'Again' },
      }),
    ).rejects.toMatchObject({ code: 'duplicate' });
    await expect(
      service.createTheme(world.actors.focalKor, world.slug, {
        code: 'new_theme',
        name: { en: 'New' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('recording statements', () => {
  it('records a statement with its positions and an audit event in the same transaction', async () => {
    const { statements: service } = world.services;
    const yun = seed('KOR-YUN');
    const created = await service.create(world.actors.secretariat, world.slug, {
      sessionCode: 'opening',
      delegationCode: 'KOR',
      participantId: people.yun!,
      originalLanguage: 'ja',
      texts: yun.texts,
      isSummary: true,
      positions: yun.positions,
    });
    ids.yun = created.id;
    expect(created).toMatchObject({
      session: { code: 'opening' },
      delegation: { code: 'KOR' },
      speaker: { name: { en: 'Byung-se Yun' } },
      isSummary: true,
      published: true,
      attendance: 'present',
    });
    expect(created.positions.map((p) => p.code)).toEqual(yun.positions);
    expect(created.positions.find((p) => p.code === 'cybercrime')?.name).toEqual({
      en: 'Cybercrime',
      ja: 'サイバー犯罪',
    });
    const [row] = await world.database.db
      .select()
      .from(statements)
      .where(eq(statements.id, created.id));
    expect(row?.searchText).toContain('サイバー 犯罪');
    const events = await world.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'statement.create'), eq(auditEvents.entityId, created.id)));
    expect(events).toHaveLength(1);
    expect(events[0]?.after).not.toHaveProperty('searchText');

    world.clock.advance(60_000);
    const park = seed('KOR-PARK');
    ids.park = (
      await service.create(world.actors.secretariat, world.slug, {
        sessionCode: 'opening',
        delegationCode: 'KOR',
        participantId: people.park!,
        originalLanguage: 'ja',
        texts: park.texts,
        isSummary: true,
        positions: park.positions,
      })
    ).id;
    world.clock.advance(60_000);
    const mitsuya = seed('JPN-MITSUYA');
    ids.mitsuya = (
      await service.create(world.actors.secretariat, world.slug, {
        sessionCode: 'plenary-2',
        delegationCode: 'JPN',
        participantId: people.mitsuya!,
        originalLanguage: 'ja',
        texts: mitsuya.texts,
        isSummary: true,
        positions: mitsuya.positions,
      })
    ).id;
  });

  it('refuses positions outside the vocabulary, and writes nothing', async () => {
    const before = await world.database.db.select().from(statements);
    await expect(
      world.services.statements.create(world.actors.secretariat, world.slug, {
        delegationCode: 'JPN',
        originalLanguage: 'en',
        texts: { en: 'A statement.' },
        positions: ['capacity_building', 'world_peace'],
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ field: 'positions' }] });
    expect(await world.database.db.select().from(statements)).toHaveLength(before.length);
  });

  it('requires the text in the original language and a speaker of the delegation', async () => {
    const { statements: service } = world.services;
    const sec = world.actors.secretariat;
    await expect(
      service.create(sec, world.slug, {
        delegationCode: 'JPN',
        originalLanguage: 'ja',
        texts: { en: 'Only English.' },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      service.create(sec, world.slug, {
        delegationCode: 'JPN',
        participantId: people.yun!,
        originalLanguage: 'en',
        texts: { en: 'Not his delegation.' },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ field: 'participantId' }] });
    await expect(
      service.create(sec, world.slug, {
        delegationCode: 'JPN',
        sessionCode: 'nowhere',
        originalLanguage: 'en',
        texts: { en: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'session_not_found' });
  });

  it('leaves writing to the secretariat', async () => {
    await expect(
      world.services.statements.create(world.actors.focalJpn, world.slug, {
        delegationCode: 'JPN',
        originalLanguage: 'en',
        texts: { en: 'Our statement.' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      world.services.statements.update(world.actors.focalKor, world.slug, ids.yun!, {
        published: false,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('search', () => {
  const search = (q: string, lang = 'en') =>
    world.services.statements.search(world.slug, q, { lang });

  it("finds サイバー犯罪 in Yun's statement, and its words alone, in any width", async () => {
    for (const q of ['サイバー犯罪', 'ｻｲﾊﾞｰ犯罪', '犯罪']) {
      const found = await search(q, 'ja');
      expect(
        found.items.map((i) => i.statement.id),
        q,
      ).toEqual([ids.yun]);
    }
    const [hit] = (await search('サイバー犯罪', 'ja')).items;
    expect(hit?.snippet.lang).toBe('ja');
    expect(hit?.snippet.parts.filter((p) => p.mark).map((p) => p.text)).toContain('サイバー犯罪');
  });

  it('keeps the order of a Japanese phrase', async () => {
    expect((await search('犯罪サイバー', 'ja')).items).toEqual([]);
  });

  it("finds capacity building in Park's and Yun's statements, however it is written", async () => {
    for (const q of [
      'capacity building',
      'Capacity-Building',
      'CAPACITY BUILDING',
      '能力構築支援',
    ]) {
      const found = await search(q);
      expect(speakerNames(found.items).sort(), q).toEqual(['Byung-se Yun', 'Geun-hye Park']);
    }
    const [first] = (await search('capacity building')).items;
    expect(first?.snippet.lang).toBe('en');
    // Words next to each other read as one mark.
    expect(first?.snippet.parts.filter((p) => p.mark).map((p) => p.text)).toEqual([
      'capacity building',
    ]);
  });

  it('requires every word, and treats wildcards literally', async () => {
    expect((await search('capacity sovereignty')).items).toEqual([]);
    expect((await search('%')).items).toEqual([]);
    expect((await search('_')).items).toEqual([]);
  });

  it('ranks the statement that says it more often first', async () => {
    // サイバー: Mitsuya's summary has it five times, Yun's three, Park's once.
    const found = await search('サイバー', 'ja');
    expect(found.items.map((i) => i.statement.id)).toEqual([ids.mitsuya, ids.yun, ids.park]);
    expect(found.items.map((i) => i.score)).toEqual([5, 3, 1]);
    expect((await search('格差', 'ja')).items.map((i) => [i.statement.id, i.score])).toEqual([
      [ids.park, 2],
    ]);
  });

  it('finds only published statements, and follows changed texts', async () => {
    const { statements: service } = world.services;
    const sec = world.actors.secretariat;
    const updated = await service.update(sec, world.slug, ids.park!, { published: false });
    expect(updated.published).toBe(false);
    expect((await search('capacity building')).items.map((i) => i.statement.id)).toEqual([ids.yun]);
    const events = await world.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'statement.update'), eq(auditEvents.entityId, ids.park!)));
    expect(events).toHaveLength(1);
    expect(events[0]?.before).toMatchObject({ published: true });
    expect(events[0]?.after).toMatchObject({ published: false });

    const mitsuya = seed('JPN-MITSUYA');
    await service.update(sec, world.slug, ids.mitsuya!, {
      texts: { ...mitsuya.texts, en: `${mitsuya.texts.en} Zebra crossings.` },
    });
    expect((await search('zebra')).items.map((i) => i.statement.id)).toEqual([ids.mitsuya]);
  });
});

describe('lists', () => {
  it('lists a session in the order recorded, published only for the public, all for the secretariat', async () => {
    const { statements: service } = world.services;
    const publicView = await service.list(PUBLIC, world.slug, { session: 'opening' });
    expect(publicView.items.map((s) => s.id)).toEqual([ids.yun]);
    expect(publicView.session?.title.en).toBe('Opening session');
    const secretariatView = await service.list(world.actors.secretariat, world.slug, {
      session: 'opening',
    });
    expect(secretariatView.items.map((s) => s.id)).toEqual([ids.yun, ids.park]);
  });

  it('lists a delegation and a theme', async () => {
    const { statements: service } = world.services;
    const korea = await service.list(world.actors.secretariat, world.slug, { delegation: 'KOR' });
    expect(korea.delegation?.name.en).toBe('South Korea');
    expect(korea.items.map((s) => s.id)).toEqual([ids.yun, ids.park]);
    const rules = await service.list(PUBLIC, world.slug, { theme: 'international_rules' });
    expect(rules.items.map((s) => s.id)).toEqual([ids.mitsuya]);
    await expect(service.list(PUBLIC, world.slug, { delegation: 'ZZZ' })).rejects.toMatchObject({
      code: 'delegation_not_found',
    });
  });
});

describe('the Seoul 2013 demo', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
    await loadDemo(database.db, {
      reset: false,
      now: new Date('2026-01-15T09:00:00Z'),
      hash: async (p) => `test-hash:${p}`,
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is searchable as loaded: サイバー犯罪 finds Yun, capacity building finds Park and Yun', async () => {
    const service = createStatementsService({
      db: database.db,
      clock: fixedClock('2026-01-15T09:00:00Z'),
    });
    expect(
      speakerNames((await service.search('seoul-2013', 'サイバー犯罪', { lang: 'ja' })).items),
    ).toEqual(['Byung-se Yun']);
    expect(
      speakerNames(
        (await service.search('seoul-2013', 'capacity building', { lang: 'en' })).items,
      ).sort(),
    ).toEqual(['Byung-se Yun', 'Geun-hye Park']);
    const opening = await service.list(PUBLIC, 'seoul-2013', { session: 'opening' });
    expect(speakerNames(opening.items.map((statement) => ({ statement })))).toEqual([
      'Byung-se Yun',
      'Geun-hye Park',
      'William Hague',
      'John Kerry',
    ]);
    expect(opening.items.find((s) => s.speaker?.name.en === 'John Kerry')?.attendance).toBe(
      'video_message',
    );
    expect(opening.items.every((s) => s.isSummary)).toBe(true);
    const china = await service.list(PUBLIC, 'seoul-2013', { delegation: 'CHN' });
    expect(china.items[0]?.positions.map((p) => p.code)).toContain('code_of_conduct');
  });
});
