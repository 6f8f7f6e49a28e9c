import { PGlite, types } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_TEXT_TYPES, forDrizzle } from './pglite-client.js';

describe("the PGlite client as Drizzle gets it (Drizzle's parsers set once)", () => {
  let client: PGlite;
  let wrapped: PGlite;
  /** Parsers like Drizzle's (text as it is) that count the values they are given. */
  const seen: string[] = [];
  const drizzleLike = Object.fromEntries(
    AS_TEXT_TYPES.map((type) => [
      type,
      (value: string) => {
        if (value !== 'x') seen.push(value);
        return value;
      },
    ]),
  );
  const STAMP = `select '2026-11-28 09:30:00.123456+00'::timestamptz as at, '2026-11-28'::date as day, 7 as n`;

  beforeAll(async () => {
    client = await PGlite.create();
    wrapped = forDrizzle(client);
  });
  afterAll(async () => {
    await client?.close();
  });

  it('reads dates and timestamps as text on the client itself', async () => {
    const { rows } = await client.query<{ at: unknown; day: unknown }>(STAMP);
    expect(rows[0]).toMatchObject({ at: '2026-11-28 09:30:00.123456+00', day: '2026-11-28' });
  });

  it("sends a query without Drizzle's parsers, with the same rows", async () => {
    seen.length = 0;
    const { rows } = await wrapped.query(STAMP, [], { rowMode: 'array', parsers: drizzleLike });
    expect(rows).toEqual([['2026-11-28 09:30:00.123456+00', '2026-11-28', 7]]);
    expect(seen).toEqual([]); // the client's parsers read the row, not the query's
    // In a transaction too.
    const inTx = await wrapped.transaction((tx) =>
      tx.query(STAMP, [], { rowMode: 'array', parsers: drizzleLike }),
    );
    expect(inTx.rows).toEqual(rows);
    expect(seen).toEqual([]);
  });

  it('keeps parsers that differ from the client’s', async () => {
    seen.length = 0;
    const doubled = { [types.INT4]: (value: string) => Number(value) * 2 };
    const { rows } = await wrapped.query(STAMP, [], { rowMode: 'array', parsers: doubled });
    expect(rows).toEqual([['2026-11-28 09:30:00.123456+00', '2026-11-28', 14]]);
    // Drizzle's set plus one more, or one that changes the text, is passed on as it is.
    const more = { ...drizzleLike, [types.INT4]: (value: string) => `#${value}` };
    const changed = { ...drizzleLike, [types.DATE]: (value: string) => `day ${value}` };
    expect((await wrapped.query(STAMP, [], { rowMode: 'array', parsers: more })).rows).toEqual([
      ['2026-11-28 09:30:00.123456+00', '2026-11-28', '#7'],
    ]);
    expect(seen).toEqual(['2026-11-28 09:30:00.123456+00', '2026-11-28']);
    expect(
      (await wrapped.query(STAMP, [], { rowMode: 'array', parsers: changed })).rows[0],
    ).toEqual(['2026-11-28 09:30:00.123456+00', 'day 2026-11-28', 7]);
  });

  it('gives Drizzle the values it gives on a plain client', async () => {
    const plain = drizzle(client);
    const viaWrapped = drizzle(wrapped);
    const select = sql`select now() - interval '1 day' as at, current_date as day, interval '90 minutes' as span, array['2026-01-02'::date] as days`;
    const [a, b] = [await plain.execute(select), await viaWrapped.execute(select)];
    expect(b.rows.map((r) => Object.keys(r))).toEqual(a.rows.map((r) => Object.keys(r)));
    expect(typeof b.rows[0]?.at).toBe('string');
    expect(b.rows[0]?.span).toBe('01:30:00');
    const inTransaction = await viaWrapped.transaction((tx) => tx.execute(sql`select 1 as one`));
    expect(inTransaction.rows).toEqual([{ one: 1 }]);
  });
});
