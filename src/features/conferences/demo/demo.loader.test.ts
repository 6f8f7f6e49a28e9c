import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/support/database.js';
import type { Database } from '../../../db/connection.js';
import { auditEvents, delegations, participants } from '../../../db/schema.js';
import { countRows, loadDemo } from './demo.loader.js';
import { buildDemo } from './seoul-2013.data.js';

// argon2 is slow by design; the loader's own hashing is not what this file tests.
const hash = async (password: string) => `test-hash:${password}`;
const now = new Date('2026-01-15T09:00:00Z');

describe('loadDemo', () => {
  let database: Database;

  beforeAll(async () => {
    // A migrated database of its own: embedded PGlite, or PostgreSQL when the run has a server.
    database = await freshDatabase();
  });

  afterAll(async () => {
    await database?.close();
  });

  it('loads the demo into an empty database, with heads and one audit event', async () => {
    const demo = buildDemo();
    const result = await loadDemo(database.db, { reset: false, now, hash });
    expect(result.loaded).toBe(true);

    const counts = await countRows(database.db);
    expect(counts).toEqual(result.counts);
    expect(counts).toEqual({
      series: 1,
      editions: 5,
      categories: 9,
      organisations: demo.organisations.length,
      delegations: demo.delegations.length,
      participants: demo.participants.length,
      users: demo.users.length,
    });

    const [japan] = await database.db
      .select({ family: participants.familyName, rank: participants.rank })
      .from(delegations)
      .innerJoin(participants, eq(participants.id, delegations.headParticipantId))
      .where(eq(delegations.code, 'JPN'));
    expect(japan).toEqual({ family: { en: 'Mitsuya', ja: '三ツ矢' }, rank: 'vice_minister' });

    const events = await database.db.select().from(auditEvents);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'demo.load',
      actorLabel: 'system',
      entityType: 'edition',
      at: now,
      after: result.counts,
    });
  });

  it('sets a head for every delegation', async () => {
    const rows = await database.db
      .select({ head: delegations.headParticipantId })
      .from(delegations);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.head === null)).toEqual([]);
  });

  it('does nothing on a second start without reset', async () => {
    const before = await countRows(database.db);
    const result = await loadDemo(database.db, { reset: false, now, hash });
    expect(result).toEqual({ loaded: false, counts: before });
    expect(await countRows(database.db)).toEqual(before);
    expect(await database.db.select().from(auditEvents)).toHaveLength(1);
  });

  it('empties and loads again with reset, to the same counts', async () => {
    const before = await countRows(database.db);
    const result = await loadDemo(database.db, { reset: true, now, hash });
    expect(result.loaded).toBe(true);
    expect(result.counts).toEqual(before);
    expect(await countRows(database.db)).toEqual(before);
    // The old audit trail went with the old data: one event, the new load.
    expect(await database.db.select().from(auditEvents)).toHaveLength(1);
  });
});
