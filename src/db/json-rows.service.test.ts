import { asc, sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/support/database.js';
import type { Database } from './connection.js';
import { columnsWithout, jsonAgg, readJsonRows } from './json-rows.js';

const probe = pgTable('json_probe', {
  id: integer('id').primaryKey(),
  key: uuid('key').notNull(),
  label: text('label'),
  doc: jsonb('doc').$type<unknown>(),
  flag: boolean('flag').notNull(),
  born: date('born'),
  at: timestamp('at', { withTimezone: true }),
  hidden: text('hidden_text'),
});

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
  await database.db.execute(
    sql`create table json_probe (id int primary key, key uuid not null, label text, doc jsonb, flag boolean not null, born date, at timestamptz, hidden_text text)`,
  );
  await database.db.insert(probe).values([
    {
      id: 1,
      key: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      label: 'He said "yes, \\N", then\r\nleft; 田中 — 𠮷野家 👍🏽',
      doc: { en: 'A "quoted" name', ja: '名前', list: [1, 'two', null] },
      flag: true,
      born: '1961-02-28',
      hidden: 'never selected',
    },
    // A jsonb string that reads as a number must stay a string; nulls stay null.
    { id: 2, key: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', doc: '123', flag: false },
    { id: 3, key: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d', label: '', doc: 0, flag: false },
  ]);
  // Microseconds, which a JavaScript Date cannot hold: both reads must drop them alike.
  await database.db.execute(
    sql`update json_probe set at = '2013-10-17 09:30:00.123456+09' where id in (1, 3)`,
  );
});
afterAll(async () => {
  await database?.close();
});

const FIELDS = {
  ...columnsWithout(probe, 'hidden'),
  atText: sql<string>`${probe.at}::text`.as('at_text'),
  twice: sql<number>`${probe.id} * 2`.as('twice'),
};

async function viaJson(where = sql`true`) {
  const page = database.db.select(FIELDS).from(probe).where(where).as('page');
  const [result] = await database.db
    .select({ rows: jsonAgg('page', sql`page.id desc`) })
    .from(page);
  return readJsonRows(result!.rows, FIELDS);
}

describe('rows read from one JSON document', () => {
  it('are the rows a plain select returns, value for value, in the aggregate’s order', async () => {
    const plain = await database.db.select(FIELDS).from(probe).orderBy(asc(probe.id));
    const json = await viaJson();
    // One difference, in the JSON path's favour: a plain select reads the jsonb string "123" as
    // the number 123 (Drizzle parses the driver's already-decoded string again).
    const expected = plain.reverse();
    expect(expected[1]!.doc).toBe(123);
    expected[1]!.doc = '123';
    expect(json).toEqual(expected);
    expect(json[2]!.at).toBeInstanceOf(Date);
    expect(json[2]!.at!.toISOString()).toBe('2013-10-17T00:30:00.123Z');
    expect(json[1]!.doc).toBe('123');
    expect(json[0]!.doc).toBe(0);
    expect(json[2]!.atText).toMatch(/^2013-10-17 00:30:00\.123456\+00/);
  });

  it('leave out the columns not asked for', async () => {
    const [row] = await viaJson(sql`${probe.id} = 1`);
    expect(row).not.toHaveProperty('hidden');
    expect(Object.keys(row!).sort()).toEqual(
      ['at', 'atText', 'born', 'doc', 'flag', 'id', 'key', 'label', 'twice'].sort(),
    );
  });

  it('are none when the page is empty', async () => {
    expect(await viaJson(sql`false`)).toEqual([]);
  });
});
