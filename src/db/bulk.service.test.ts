import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/support/database.js';
import { copyRows, toCsv } from './bulk.js';
import type { Database } from './connection.js';
import { createAnalyzer } from './maintenance.js';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
  await database.db.execute(
    sql`create table copy_probe (id int primary key, label text, doc jsonb, flag boolean not null default false, at timestamptz, check (id > 0))`,
  );
});
afterAll(async () => {
  await database?.close();
});

const rowsOf = async () =>
  (
    (await database.db.execute(sql`select id, label, doc, flag from copy_probe order by id`)) as {
      rows?: unknown[];
    }
  ).rows ?? [];

describe('copyRows', () => {
  it('writes text exactly as given: quotes, commas, line breaks, backslashes, any script; null is NULL', async () => {
    const awkward = 'He said "yes, \\N", then\r\nleft; 田中 — Ünal\t✓';
    await database.db.transaction(async (tx) => {
      await copyRows(
        tx,
        'copy_probe',
        ['id', 'label', 'doc', 'flag'],
        [
          [1, awkward, { en: 'A "quoted" name', ja: '名前' }, true],
          [2, '', null, false],
          [3, null, { nested: { list: [1, 'two'] } }, false],
        ],
      );
    });
    const rows = (await rowsOf()) as { id: number; label: string | null; doc: unknown }[];
    expect(rows.map((r) => r.label)).toEqual([awkward, '', null]);
    expect(rows[0]!.doc).toEqual({ en: 'A "quoted" name', ja: '名前' });
    expect(rows[1]!.doc).toBeNull();
    expect(rows[2]!.doc).toEqual({ nested: { list: [1, 'two'] } });
  });

  it('is part of the transaction: a failure anywhere leaves nothing behind', async () => {
    const before = (await rowsOf()).length;
    await expect(
      database.db.transaction(async (tx) => {
        await copyRows(tx, 'copy_probe', ['id', 'label'], [[10, 'kept only if all pass']]);
        await copyRows(tx, 'copy_probe', ['id', 'label'], [[-1, 'breaks the check']]);
      }),
    ).rejects.toThrow();
    expect((await rowsOf()).length).toBe(before);
  });

  it('refuses identifiers that are not plain names', async () => {
    await expect(
      database.db.transaction((tx) => copyRows(tx, 'copy_probe; drop table x', ['id'], [[1]])),
    ).rejects.toThrow(/identifier/);
  });

  it('quotes every field and leaves null unquoted', () => {
    expect(toCsv([[1, 'a"b', null, false, { k: 'v' }]])).toBe(
      '"1","a""b",,"false","{""k"":""v""}"\n',
    );
  });
});

describe('createAnalyzer', () => {
  it('runs VACUUM (ANALYZE) once enough rows were written, and not before', async () => {
    const analyzed = async () =>
      Number(
        (
          (await database.db.execute(
            sql`select (coalesce(analyze_count, 0) + coalesce(vacuum_count, 0))::int as n from pg_stat_user_tables where relname = 'copy_probe'`,
          )) as { rows?: { n: number }[] }
        ).rows?.[0]?.n ?? 0,
      );
    const start = await analyzed();
    const analyzer = createAnalyzer(database.db, 'copy_probe', { everyRows: 100, quietMs: 60_000 });
    analyzer.rowsWritten(99);
    await analyzer.settle();
    expect(await analyzed()).toBe(start);
    analyzer.rowsWritten(1);
    await analyzer.settle();
    expect(await analyzed()).toBe(start + 2);
    await analyzer.settle();
    expect(await analyzed()).toBe(start + 2);
  });
});
