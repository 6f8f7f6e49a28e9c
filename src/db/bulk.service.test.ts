import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/support/database.js';
import { type CopyColumn, copyRows, encodeCopyBinary, openCopy } from './bulk.js';
import type { Database } from './connection.js';
import { createAnalyzer } from './maintenance.js';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
  await database.db.execute(
    sql`create table copy_probe (id int primary key, label text, doc jsonb, flag boolean not null default false, at timestamptz, key uuid, born date, check (id > 0))`,
  );
});
afterAll(async () => {
  await database?.close();
});

const ID: CopyColumn = ['id', 'integer'];
const LABEL: CopyColumn = ['label', 'text'];

const rowsOf = async () =>
  (
    (await database.db.execute(sql`select id, label, doc, flag from copy_probe order by id`)) as {
      rows?: unknown[];
    }
  ).rows ?? [];

describe('copyRows', () => {
  it('writes text exactly as given: quotes, commas, line breaks, backslashes, any script; null is NULL', async () => {
    const awkward = 'He said "yes, \\N", then\r\nleft; 田中 — Ünal\t✓ 𠮷野家 👍🏽';
    await database.db.transaction(async (tx) => {
      await copyRows(
        tx,
        'copy_probe',
        [ID, LABEL, ['doc', 'jsonb'], ['flag', 'boolean']],
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
        await copyRows(tx, 'copy_probe', [ID, LABEL], [[10, 'kept only if all pass']]);
        await copyRows(tx, 'copy_probe', [ID, LABEL], [[-1, 'breaks the check']]);
      }),
    ).rejects.toThrow();
    expect((await rowsOf()).length).toBe(before);
  });

  it('refuses identifiers that are not plain names', async () => {
    await expect(
      database.db.transaction((tx) => copyRows(tx, 'copy_probe; drop table x', [ID], [[1]])),
    ).rejects.toThrow(/identifier/);
  });

  it('writes uuids, dates, timestamps (to the millisecond) and integers as the server reads them', async () => {
    const key = '0190f5a4-7b1c-7d2e-8f30-4a5b6c7d8e9f';
    const rows: [number, Date, string][] = [
      [20, new Date('2026-11-28T09:12:34.567Z'), '1901-02-28'],
      [21, new Date('1999-12-31T23:59:59.999Z'), '2000-01-01'],
      [22, new Date('2000-01-01T00:00:00.000Z'), '2024-02-29'],
    ];
    await database.db.transaction(async (tx) => {
      await copyRows(
        tx,
        'copy_probe',
        [ID, ['at', 'timestamptz'], ['key', 'uuid'], ['born', 'date']],
        rows.map(([id, at, born]) => [id, at, key, born]),
      );
    });
    const back = (
      (await database.db.execute(
        sql`select id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, key::text as key, born::text as born from copy_probe where id >= 20 order by id`,
      )) as { rows?: unknown[] }
    ).rows;
    expect(back).toEqual(rows.map(([id, at, born]) => ({ id, at: at.toISOString(), key, born })));
  });

  it('refuses values that do not fit the column type before sending anything', () => {
    expect(() => encodeCopyBinary([['born', 'date']], [['2025-02-30']])).toThrow(/born/);
    expect(() => encodeCopyBinary([['key', 'uuid']], [['not-a-uuid']])).toThrow(/key/);
    expect(() => encodeCopyBinary([ID], [[1.5]])).toThrow(/id/);
    expect(() => encodeCopyBinary([['at', 'timestamptz']], [['2025-01-01']])).toThrow(/at/);
    expect(() => encodeCopyBinary([ID, LABEL], [[1]])).toThrow(/2 columns/);
  });

  it('encodes the binary format: signature, header, a tuple, the trailer', () => {
    const bytes = encodeCopyBinary([ID, LABEL], [[1, null]]);
    expect(Buffer.from(bytes).toString('hex')).toBe(
      `${Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1').toString('hex')}0000000000000000` +
        '0002' +
        '00000004' +
        '00000001' +
        'ffffffff' +
        'ffff',
    );
  });
});

describe('openCopy', () => {
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => [from + i, `row ${from + i}`]);
  const count = async (from: number, to: number) =>
    Number(
      (
        (await database.db.execute(
          sql`select count(*)::int as n from copy_probe where id between ${from} and ${to}`,
        )) as { rows?: { n: number }[] }
      ).rows?.[0]?.n,
    );

  it('takes the rows of one COPY in parts, in order, and keeps them with the transaction', async () => {
    await database.db.transaction(async (tx) => {
      const copy = openCopy(tx, 'copy_probe', [ID, LABEL], { blobRows: 150 });
      for (let from = 100; from < 400; from += 100) await copy.write(range(from, from + 99));
      await copy.end();
    });
    expect(await count(100, 399)).toBe(300);
    const last = (await database.db.execute(sql`select label from copy_probe where id = 399`)) as {
      rows?: { label: string }[];
    };
    expect(last.rows?.[0]?.label).toBe('row 399');
  });

  it('leaves nothing when given up after parts were sent, and the connection goes on working', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        const copy = openCopy(tx, 'copy_probe', [ID, LABEL], { blobRows: 50 });
        await copy.write(range(500, 599));
        await copy.abort();
        throw new Error('the file had an error in its last lines');
      }),
    ).rejects.toThrow(/last lines/);
    expect(await count(500, 599)).toBe(0);
    await database.db.transaction((tx) => copyRows(tx, 'copy_probe', [ID, LABEL], range(600, 601)));
    expect(await count(600, 601)).toBe(2);
  });

  it("reports the database's refusal of a part, even while later parts are still being sent", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        const copy = openCopy(tx, 'copy_probe', [ID, LABEL], { blobRows: 1 });
        try {
          await copy.write([[-5, 'breaks the check']]);
          // A server may report the failure only now, or when the COPY ends.
          for (let from = 700; from < 1000; from += 100) await copy.write(range(from, from + 99));
          await copy.end();
        } catch (error) {
          await copy.abort();
          throw error;
        }
      }),
    ).rejects.toThrow(/check constraint/);
    expect(await count(700, 999)).toBe(0);
    await database.db.transaction((tx) =>
      copyRows(tx, 'copy_probe', [ID, LABEL], range(1000, 1000)),
    );
    expect(await count(1000, 1000)).toBe(1);
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
