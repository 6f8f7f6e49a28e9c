import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/database.js';
import type { Database } from '../../db/connection.js';
import { fixedClock } from '../../platform/clock.js';
import { createServices } from '../../server/services.js';
import { systemActor } from '../accounts/actor.js';
import { loadDemo } from '../conferences/demo/demo.loader.js';

describe('the Seoul 2013 demo bilaterals', () => {
  let database: Database;

  beforeAll(async () => {
    database = await freshDatabase();
    await loadDemo(database.db, {
      reset: false,
      now: new Date('2026-01-15T09:00:00Z'),
      hash: async (p) => `test:${p}`,
    });
  });

  afterAll(async () => {
    await database?.close();
  });

  it("holds Japan's four confirmed meetings clear of plenary-2, and plans the rest around them", async () => {
    const services = createServices(database, fixedClock('2013-10-16T00:00:00Z'));
    const secretariat = systemActor('test');
    const japan = await services.bilaterals.schedule(secretariat, 'seoul-2013', 'JPN');
    expect(
      japan.meetings.map((m) => [m.parties[1]!.code, m.status, m.published, m.startsAt]),
    ).toEqual([
      ['AUS', 'confirmed', 'final', '2013-10-17T07:00:00.000Z'],
      ['IDN', 'confirmed', 'final', '2013-10-17T08:00:00.000Z'],
      ['RWA', 'confirmed', 'final', '2013-10-18T02:30:00.000Z'],
      ['LKA', 'confirmed', 'final', '2013-10-18T04:30:00.000Z'],
    ]);
    expect(await services.bilaterals.flagConflicts('seoul-2013')).toEqual({
      flagged: 0,
      cleared: 0,
    });

    const requests = await services.bilaterals.list(secretariat, 'seoul-2013');
    expect(requests.length).toBeGreaterThanOrEqual(60);
    const proposal = await services.bilaterals.plan(secretariat, 'seoul-2013', {
      timeLimitSeconds: 3,
      seed: 1,
    });
    expect(proposal.scheduled).toBeGreaterThan(30);
    const applied = await services.bilaterals.applyPlan(secretariat, 'seoul-2013', proposal);
    expect(applied.added).toBe(proposal.meetings.length);
    const after = await services.bilaterals.schedule(secretariat, 'seoul-2013', 'JPN');
    expect(after.meetings.map((m) => m.startsAt)).toEqual(japan.meetings.map((m) => m.startsAt));
  });
});
