/**
 * The series as the public reads it: the Global Conference on CyberSpace's five editions on a
 * timeline with their scale (the demo), and on a small hand-made conference the positions
 * matrix, its CSV and one delegation's statements across two editions.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/database.js';
import { createWorld, type World } from '../../../test/support/world.js';
import type { Database } from '../../db/connection.js';
import { delegations, documents, editions } from '../../db/schema.js';
import { fixedClock } from '../../platform/clock.js';
import { createServices } from '../../server/services.js';
import { loadDemo } from '../conferences/demo/demo.loader.js';

describe('the GCCS timeline (demo data)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
    await loadDemo(database.db, {
      reset: false,
      now: new Date('2026-01-15T09:00:00Z'),
      hash: async (password) => `test-hash:${password}`,
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('shows the five editions in order, with host, chair, scale and outcome', async () => {
    const services = createServices(database, fixedClock('2026-01-15T09:00:00Z'));
    const series = await services.publishing.series.timeline('gccs', 'en');
    expect(series.name).toBe('Global Conference on CyberSpace');
    expect(series.editions.map((e) => e.slug)).toEqual([
      'london-2011',
      'budapest-2012',
      'seoul-2013',
      'the-hague-2015',
      'new-delhi-2017',
    ]);
    const [london, budapest, seoul] = series.editions;
    // Before Plenary's records: the scale reported at the time.
    expect(london).toMatchObject({
      hostName: 'United Kingdom',
      chair: 'UK Foreign Secretary William Hague',
      countries: 60,
      participants: 700,
      outcomeSummary: "Chair's statement",
      documents: [],
    });
    expect(budapest?.outcomeSummary).toBe('');
    // Seoul 2013 is in Plenary: its countries are counted from its delegations.
    expect(seoul?.countries).toBeGreaterThan(0);
    for (const e of series.editions) expect(e.countries).toBeGreaterThan(0);
    const ja = await services.publishing.series.timeline('gccs', 'ja');
    expect(ja.editions[0]?.name).toBe('サイバー空間に関するロンドン会議');
  });

  it('names the documents of an edition only once they are adopted or published', async () => {
    const services = createServices(database, fixedClock('2026-01-15T09:00:00Z'));
    const [seoul] = await database.db.select().from(editions).where(eqSlug('seoul-2013'));
    await database.db.insert(documents).values([
      {
        editionId: seoul!.id,
        code: 'test-communique',
        kind: 'outcome',
        title: { en: 'Test communiqué', ja: 'テスト声明' },
        status: 'published',
      },
      {
        editionId: seoul!.id,
        code: 'test-draft-declaration',
        kind: 'outcome',
        title: { en: 'Draft declaration' },
        status: 'under_negotiation',
      },
    ]);
    const series = await services.publishing.series.timeline('gccs', 'en');
    const found = series.editions.find((e) => e.slug === 'seoul-2013');
    expect(found?.documents).toContainEqual({
      code: 'test-communique',
      kind: 'outcome',
      title: 'Test communiqué',
      status: 'published',
      href: '/editions/seoul-2013/documents/test-communique',
    });
    expect(found?.documents.map((d) => d.code)).not.toContain('test-draft-declaration');
  });
});

function eqSlug(slug: string) {
  return eq(editions.slug, slug);
}

describe('positions of a hand-made conference', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
    const { statements } = world.services;
    const sec = world.actors.secretariat;
    for (const [code, en, ja] of [
      ['capacity_building', 'Capacity building', '能力構築'],
      ['human_rights', 'Human rights online', 'オンラインの人権'],
      ['formula', '=HYPERLINK("http://evil")', '=式'],
    ] as const)
      await statements.createTheme(sec, world.slug, { code, name: { en, ja } });
    const make = (delegationCode: string, positions: string[], published = true, text = 'Text') =>
      statements.create(sec, world.slug, {
        delegationCode,
        originalLanguage: 'en',
        texts: { en: text },
        positions,
        published,
      });
    await make('JPN', ['capacity_building', 'human_rights'], true, 'Japan at the first edition.');
    await make('JPN', ['capacity_building']);
    await make('KOR', ['human_rights']);
    // Not published: not counted, and ITU (no published statement) is not a row.
    await make('ITU', ['capacity_building'], false);
    // A second edition of the series where Japan spoke again.
    const [first] = await world.database.db
      .select()
      .from(editions)
      .where(eq(editions.id, world.editionId));
    const [second] = await world.database.db
      .insert(editions)
      .values({
        seriesId: first!.seriesId,
        slug: 'test-2027',
        ordinal: 2,
        name: { en: 'Test Conference 2027', ja: 'テスト会議2027' },
        hostIso3: 'JPN',
        city: { en: 'Tokyo', ja: '東京' },
        timeZone: 'Asia/Tokyo',
        startDate: '2027-04-10',
        endDate: '2027-04-11',
        reportedCountries: 40,
        reportedParticipants: 300,
      })
      .returning();
    const [jpn] = await world.database.db
      .select()
      .from(delegations)
      .where(eq(delegations.id, world.delegation.JPN));
    await world.database.db
      .insert(delegations)
      .values({ editionId: second!.id, organisationId: jpn!.organisationId, code: 'JPN' });
    await statements.createTheme(sec, 'test-2027', {
      code: 'norms',
      name: { en: 'Norms of state behaviour', ja: '国家の行動規範' },
    });
    await statements.create(sec, 'test-2027', {
      delegationCode: 'JPN',
      originalLanguage: 'ja',
      texts: { ja: '規範について述べた。', en: 'Spoke on norms.' },
      positions: ['norms'],
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('has a row per delegation that made statements and a filled cell per position taken', async () => {
    const result = await world.services.publishing.series.positions('testconf', 'en', world.slug);
    expect(result.editions.map((e) => [e.slug, e.hasPositions])).toEqual([
      ['test-2026', true],
      ['test-2027', true],
    ]);
    expect(result.matrix?.themes.map((t) => t.code)).toEqual([
      'capacity_building',
      'formula',
      'human_rights',
    ]);
    expect(result.matrix?.rows).toEqual([
      {
        code: 'JPN',
        name: 'Japan',
        statements: 2,
        positions: { capacity_building: 2, human_rights: 1 },
      },
      { code: 'KOR', name: 'South Korea', statements: 1, positions: { human_rights: 1 } },
    ]);
  });

  it('shows the latest edition with positions when none is asked for', async () => {
    const result = await world.services.publishing.series.positions('testconf', 'ja');
    expect(result.matrix?.edition.slug).toBe('test-2027');
    expect(result.matrix?.rows.map((r) => [r.name, r.positions])).toEqual([['日本', { norms: 1 }]]);
  });

  it('exports the positions as CSV with a BOM, guarded against formulas', async () => {
    const csv = await world.services.publishing.series.positionsCsv('testconf', 'en', world.slug);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      `edition,delegation_code,delegation,statements,Capacity building,"'=HYPERLINK(""http://evil"")",Human rights online`,
      'test-2026,JPN,Japan,2,2,0,1',
      'test-2026,KOR,South Korea,1,0,0,1',
    ]);
    // All editions: a theme not tracked by an edition is empty, not 0.
    const all = await world.services.publishing.series.positionsCsv('testconf', 'en');
    expect(all.slice(1).trimEnd().split('\r\n').at(-1)).toBe('test-2027,JPN,Japan,1,,,,1');
  });

  it("groups one delegation's statements by edition, with their positions", async () => {
    const view = await world.services.publishing.series.delegationStatements(
      'testconf',
      'JPN',
      'en',
    );
    expect(view.delegation).toEqual({ code: 'JPN', name: 'Japan' });
    expect(view.editions.map((e) => [e.slug, e.statements.length])).toEqual([
      ['test-2026', 2],
      ['test-2027', 1],
    ]);
    expect(view.editions[1]?.statements[0]).toMatchObject({
      text: 'Spoke on norms.',
      textLang: 'en',
      originalLanguage: 'ja',
      positions: [{ code: 'norms', name: 'Norms of state behaviour' }],
    });
    await expect(
      world.services.publishing.series.delegationStatements('testconf', 'FRA', 'en'),
    ).rejects.toMatchObject({ code: 'delegation_not_found' });
  });
});
