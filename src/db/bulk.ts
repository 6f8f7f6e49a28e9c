/**
 * Bulk loading with COPY, on both drivers: PGlite reads the rows from a Blob (its /dev/blob
 * device), a PostgreSQL server from the COPY sub-protocol (pg-copy-streams). COPY checks every
 * constraint, fills defaults and generated columns and fires the foreign-key triggers, like
 * INSERT; it only spares the statement building and parsing that a 5,000-row INSERT costs
 * (bench/accreditation.bench.ts: about a fifth of PGlite's import time).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGliteInterface } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from './connection.js';

/** A value COPY can read: null, text, a number, a boolean or a JSON document. */
export type CopyValue = string | number | boolean | null | Record<string, unknown>;

/** One CSV field: null is an empty unquoted field, everything else is quoted. */
function csvField(value: CopyValue): string {
  if (value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

export function toCsv(rows: readonly (readonly CopyValue[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(csvField).join(',')}\n`;
  return out;
}

/** Throws unless the name is a plain lower-case SQL identifier (it goes into SQL text). */
export function assertIdentifier(name: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
}

/**
 * Appends rows to a table inside the caller's transaction. `columns` are SQL identifiers of the
 * table (checked), in the order of each row's values.
 */
export async function copyRows(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly CopyValue[])[],
): Promise<void> {
  if (rows.length === 0) return;
  for (const name of [table, ...columns]) assertIdentifier(name);
  const csv = toCsv(rows);
  // Drizzle keeps the transaction's own client (a PGlite transaction, or the pool client that
  // holds BEGIN) on its session; COPY must run on that client to be part of the transaction.
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  if (isPgClient(client)) {
    const statement = `copy ${table} (${columns.join(', ')}) from stdin with (format csv)`;
    await pipeline(Readable.from([csv]), client.query(copyFrom(statement)));
  } else {
    const statement = `copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`;
    await (client as PGliteInterface).query(statement, [], { blob: new Blob([csv]) });
  }
}

function isPgClient(client: unknown): client is pg.PoolClient {
  return typeof (client as { connectionParameters?: unknown }).connectionParameters === 'object';
}
