import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, freshDatabase } from '../../../test/support/database.js';
import { createWorld, NOW, type World } from '../../../test/support/world.js';
import { type Database, openDatabase } from '../../db/connection.js';
import { auditEvents, documents, editions, jobs, series } from '../../db/schema.js';
import { fixedClock } from '../../platform/clock.js';
import { buildApp } from '../../server/app.js';
import { createServices } from '../../server/services.js';
import { PUBLIC, systemActor } from '../accounts/actor.js';
import type { DocumentsService } from './documents.service.js';
import { seoulDraft, spanOf } from './documents.test-support.js';

const HOUR = 3_600_000;
const later = (hours: number) => new Date(new Date(NOW).getTime() + hours * HOUR).toISOString();

describe('outcome documents (service)', () => {
  let world: World;
  let service: DocumentsService;

  beforeAll(async () => {
    world = await createWorld();
    service = world.services.documents;
  });

  afterAll(async () => {
    await world?.close();
  });

  const create = (code: string) =>
    service.create(world.actors.secretariat, world.slug, {
      code,
      kind: 'outcome',
      title: { en: 'Test Framework', ja: 'テスト枠組み' },
      content: seoulDraft(),
      label: { en: 'Zero draft' },
    });

  it('negotiates: two delegations amend, the facilitator accepts one and brackets the other into Rev.1', async () => {
    world.clock.set(NOW);
    const created = await create('test-framework');
    expect(created).toMatchObject({ status: 'draft', currentVersion: 1 });
    expect(created.current?.paragraphs.map((p) => p.number)).toEqual(['', '', '1', '2']);

    const op1 = 'Decides to promote capacity building;';
    const op2 = 'Calls upon all states to respect human rights online;';
    const japan = await service.propose(world.actors.focalJpn, world.slug, 'test-framework', {
      paragraphId: 'op-1',
      kind: 'replace',
      change: { ...spanOf(op1, 'promote'), text: 'strengthen' },
      reason: 'Stronger wording',
    });
    expect(japan).toMatchObject({ proposer: 'JPN', status: 'proposed', cosponsors: [] });
    expect(japan.change).toMatchObject({ original: 'promote' });

    world.clock.advance(60_000);
    const korea = await service.propose(world.actors.focalKor, world.slug, 'test-framework', {
      paragraphId: 'op-2',
      kind: 'insert',
      change: { at: spanOf(op2, 'to respect').start, text: 'Member ' },
      cosponsors: ['ITU', 'JPN'],
    });
    expect(korea.cosponsors).toEqual(['ITU', 'JPN']);
    // Japan's focal point takes its delegation off Korea's amendment.
    const off = await service.cosponsor(
      world.actors.focalJpn,
      world.slug,
      'test-framework',
      korea.id,
      false,
    );
    expect(off.cosponsors).toEqual(['ITU']);

    // The compilation text shows both proposals, with who made them.
    const compilation = await service.compilation(
      world.actors.focalKor,
      world.slug,
      'test-framework',
    );
    expect(compilation.paragraphs.map((p) => p.text).slice(2)).toEqual([
      'Decides to [Option 1: promote / Option 2: strengthen] capacity building;',
      'Calls upon all states [Member ]to respect human rights online;',
    ]);

    world.clock.set(later(1));
    const rev1 = await service.issueVersion(
      world.actors.secretariat,
      world.slug,
      'test-framework',
      {
        label: { en: 'Rev.1' },
        decisions: [
          { amendmentId: japan.id, decision: 'accept' },
          { amendmentId: korea.id, decision: 'bracket' },
        ],
      },
    );
    expect(rev1).toMatchObject({ currentVersion: 2, status: 'under_negotiation' });
    expect(rev1.versions.map((v) => v.label.en)).toEqual(['Zero draft', 'Rev.1']);
    expect(rev1.current?.paragraphs.map((p) => p.text).slice(2)).toEqual([
      'Decides to strengthen capacity building;',
      'Calls upon all states [Member ]to respect human rights online;',
    ]);
    const bracket = rev1.current?.content.sections[0]?.paragraphs[3]?.segments.en?.[1];
    expect(bracket).toMatchObject({ type: 'bracket', by: ['KOR', 'ITU'], amendmentId: korea.id });

    const decided = await service.amendments(
      world.actors.secretariat,
      world.slug,
      'test-framework',
    );
    expect(decided.items.map((a) => [a.proposer, a.status, a.appliedInVersion])).toEqual([
      ['JPN', 'accepted', 2],
      ['KOR', 'bracketed', 2],
    ]);

    // Every version is kept, and the comparison shows exactly the two changes.
    const v1 = await service.version(world.actors.focalJpn, world.slug, 'test-framework', 1);
    expect(v1.paragraphs[2]?.text).toBe(op1);
    const cmp = await service.compare(world.actors.focalJpn, world.slug, 'test-framework', 1, 2);
    const changes = cmp.paragraphs
      .filter((p) => p.status !== 'equal')
      .map((p) => [p.id, p.ops.filter((o) => o.op !== 'equal')]);
    expect(changes).toEqual([
      [
        'op-1',
        [
          { op: 'delete', text: 'promote' },
          { op: 'insert', text: 'strengthen' },
        ],
      ],
      ['op-2', [{ op: 'insert', text: '[Member ]' }]],
    ]);

    // A decided amendment is not decided again.
    await expect(
      service.issueVersion(world.actors.secretariat, world.slug, 'test-framework', {
        label: { en: 'Rev.2' },
        decisions: [{ amendmentId: japan.id, decision: 'reject' }],
      }),
    ).rejects.toMatchObject({ code: 'already_decided' });

    const actions = await world.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, korea.id))
      .orderBy(asc(auditEvents.at));
    expect(actions.map((a) => a.action)).toEqual([
      'amendment.propose',
      'amendment.cosponsor',
      'amendment.decide',
    ]);
  });

  it('lets a focal point act only for its own delegation', async () => {
    const korea = await service.propose(world.actors.focalKor, world.slug, 'test-framework', {
      paragraphId: 'pp-2',
      kind: 'delete',
      change: {},
    });
    await expect(
      service.withdraw(world.actors.focalJpn, world.slug, 'test-framework', korea.id),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      service.issueVersion(world.actors.focalJpn, world.slug, 'test-framework', {
        label: { en: 'Rev.X' },
        decisions: [{ amendmentId: korea.id, decision: 'accept' }],
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      service.propose(world.actors.secretariat, world.slug, 'test-framework', {
        paragraphId: 'pp-2',
        kind: 'delete',
        change: {},
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const withdrawn = await service.withdraw(
      world.actors.focalKor,
      world.slug,
      'test-framework',
      korea.id,
    );
    expect(withdrawn.status).toBe('withdrawn');
  });

  it('hides drafts from the public: not found, not forbidden', async () => {
    await expect(service.get(PUBLIC, world.slug, 'test-framework')).rejects.toMatchObject({
      code: 'document_not_found',
    });
    expect((await service.list(PUBLIC, world.slug)).items).toEqual([]);
    expect(
      (await service.list(world.actors.focalJpn, world.slug)).items.map((d) => d.code),
    ).toContain('test-framework');
  });

  it('adopts by silence at the deadline, and then the public sees the adopted text only', async () => {
    world.clock.set(later(2));
    await expect(
      service.startSilence(world.actors.secretariat, world.slug, 'test-framework', { hours: 24 }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const circulated = await service.startSilence(
      world.actors.secretariat,
      world.slug,
      'test-framework',
      {},
    );
    expect(circulated.silenceDeadline).toBe(later(2 + 72));
    await expect(
      service.propose(world.actors.focalJpn, world.slug, 'test-framework', {
        paragraphId: 'op-1',
        kind: 'replace',
        change: { text: 'Decides.' },
      }),
    ).rejects.toMatchObject({ code: 'document_not_negotiable' });

    world.clock.set(later(2 + 71));
    expect(await service.runDueJobs()).toEqual({ done: 0, failed: 0 });
    world.clock.set(later(2 + 72));
    expect(await service.runDueJobs()).toEqual({ done: 1, failed: 0 });
    expect(await service.runDueJobs()).toEqual({ done: 0, failed: 0 });

    const adopted = await service.get(PUBLIC, world.slug, 'test-framework');
    expect(adopted).toMatchObject({
      status: 'adopted',
      adoptionMethod: 'silence',
      adoptedAt: later(2 + 72),
      versions: [{ number: 2 }],
      objections: [],
    });
    await expect(service.version(PUBLIC, world.slug, 'test-framework', 1)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(service.amendments(PUBLIC, world.slug, 'test-framework')).rejects.toMatchObject({
      code: 'document_not_found',
    });
    const published = await service.publish(world.actors.secretariat, world.slug, 'test-framework');
    expect(published.status).toBe('published');
  });

  it('breaks silence on an objection before the deadline', async () => {
    world.clock.set(NOW);
    await create('chair-text');
    await service.startSilence(world.actors.secretariat, world.slug, 'chair-text', { hours: 96 });
    world.clock.set(later(10));
    const broken = await service.object(world.actors.focalKor, world.slug, 'chair-text', {
      reason: 'Operative paragraph 2 needs more work.',
    });
    expect(broken).toMatchObject({
      status: 'under_negotiation',
      silenceBrokenAt: later(10),
      objections: [{ delegation: 'KOR', reason: 'Operative paragraph 2 needs more work.' }],
    });
    await expect(
      service.object(world.actors.focalJpn, world.slug, 'chair-text', {}),
    ).rejects.toMatchObject({ code: 'silence_not_running' });
    world.clock.set(later(200));
    await service.runDueJobs();
    expect((await service.get(world.actors.secretariat, world.slug, 'chair-text')).status).toBe(
      'under_negotiation',
    );
    // Negotiation resumes: a compilation text after the reading gathers the proposals.
    const proposal = await service.propose(world.actors.focalJpn, world.slug, 'chair-text', {
      paragraphId: 'op-1',
      kind: 'replace',
      change: { start: 11, end: 18, text: 'support' },
    });
    const compilation = await service.issueVersion(
      world.actors.secretariat,
      world.slug,
      'chair-text',
      {
        label: { en: 'Compilation text after the first reading' },
        compilation: true,
      },
    );
    expect(compilation.current?.paragraphs[2]?.text).toBe(
      'Decides to [Option 1: promote / Option 2: support] capacity building;',
    );
    const [after] = (await service.amendments(world.actors.focalJpn, world.slug, 'chair-text'))
      .items;
    expect(after).toMatchObject({ id: proposal.id, status: 'bracketed', appliedInVersion: 2 });
    // Adopted by consensus at a session instead.
    const adopted = await service.adopt(world.actors.secretariat, world.slug, 'chair-text', {});
    expect(adopted).toMatchObject({ status: 'adopted', adoptionMethod: 'consensus' });
  });
});

/** A database that outlives the services on it: a data folder (PGlite) or a server database. */
async function durableDatabase(): Promise<{ open(): Promise<Database>; cleanup(): Promise<void> }> {
  const fresh = process.env.PLENARY_TEST_DATABASE_URL ? await freshDatabase() : undefined;
  const url = fresh ? databaseUrl(fresh) : undefined;
  if (fresh && url)
    return {
      open: async () => openDatabase({ driver: 'postgres', url }),
      cleanup: () => fresh.close(),
    };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plenary-jobs-'));
  let migrated = false;
  return {
    async open() {
      const database = await openDatabase({ driver: 'pglite', dataDir, purpose: 'test' });
      if (!migrated) await database.migrate();
      migrated = true;
      return database;
    },
    async cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('a silence deadline survives a restart', () => {
  it('is honoured when the server starts again after the deadline passed', async () => {
    const store = await durableDatabase();
    try {
      const clock = fixedClock(NOW);
      const first = createServices(await store.open(), clock);
      const db = first.database.db;
      const [s] = await db
        .insert(series)
        .values({ slug: 'restart', name: { en: 'Restart' } })
        .returning();
      await db.insert(editions).values({
        seriesId: s!.id,
        slug: 'restart-2026',
        ordinal: 1,
        name: { en: 'Restart 2026' },
        hostIso3: 'KOR',
        city: { en: 'Seoul' },
        timeZone: 'Asia/Seoul',
        startDate: '2026-04-10',
        endDate: '2026-04-11',
        status: 'open',
      });
      const secretariat = systemActor('test secretariat');
      await first.documents.create(secretariat, 'restart-2026', {
        code: 'outcome',
        kind: 'outcome',
        title: { en: 'Outcome' },
        content: seoulDraft(),
      });
      await first.documents.startSilence(secretariat, 'restart-2026', 'outcome', {});
      await first.database.close();

      // The server was down over the deadline; it starts again a day later.
      clock.set(later(96));
      const second = createServices(await store.open(), clock);
      const app = await buildApp(second, { web: false });
      await app.ready();
      const doc = await second.documents.get(PUBLIC, 'restart-2026', 'outcome');
      expect(doc).toMatchObject({
        status: 'adopted',
        adoptionMethod: 'silence',
        adoptedAt: later(72),
      });
      const [job] = await second.database.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, 'silence.deadline')));
      expect(job?.doneAt?.toISOString()).toBe(later(96));
      const [row] = await second.database.db.select().from(documents);
      expect(row?.status).toBe('adopted');
      await app.close();
      await second.database.close();
    } finally {
      await store.cleanup();
    }
  });
});
