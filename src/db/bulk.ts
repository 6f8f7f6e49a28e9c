/**
 * Bulk loading with COPY, on both drivers: PGlite reads the rows from a Blob (its /dev/blob
 * device), a PostgreSQL server from the COPY sub-protocol (pg-copy-streams). COPY checks every
 * constraint, fills defaults and generated columns and fires the foreign-key triggers, like
 * INSERT; it only spares the statement building and parsing that a 5,000-row INSERT costs
 * (bench/accreditation.bench.ts: about a fifth of PGlite's import time).
 *
 * The rows travel in COPY's binary format: the server then runs each type's binary receive
 * function (a uuid is 16 bytes, a timestamp an integer) instead of splitting CSV and parsing
 * every field's text (timestamptz_in alone parses fractions with a 128-bit strtod in PGlite's
 * WASM); about a tenth of PGlite's import time.
 */
import { finished } from 'node:stream/promises';
import type { PGliteInterface } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from './connection.js';

/** The column types copyRows can write (their binary forms are encoded here). */
export type CopyType = 'uuid' | 'text' | 'jsonb' | 'integer' | 'boolean' | 'date' | 'timestamptz';

/** A column: its SQL identifier and its type. */
export type CopyColumn = readonly [name: string, type: CopyType];

/**
 * A value COPY can write: null, text, a number, a boolean, a Date (timestamptz) or a JSON
 * document (jsonb; a string there is JSON text). Dates of type `date` are `YYYY-MM-DD` strings.
 */
export type CopyValue = string | number | boolean | Date | null | Record<string, unknown>;

/** Throws unless the name is a plain lower-case SQL identifier (it goes into SQL text). */
export function assertIdentifier(name: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
}

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]; // PGCOPY\n\377\r\n\0
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from 2000-01-01 to a `YYYY-MM-DD` calendar date; null if the text is not one. */
function daysSince2000(text: string): number | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const length = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (month < 1 || month > 12 || day < 1 || day > length) return null;
  // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (date.getTime() - POSTGRES_EPOCH_MS) / DAY_MS;
}

function hexValue(code: number): number {
  return code <= 0x39 ? code - 0x30 : (code | 0x20) - 0x57;
}

/** A growing byte buffer with big-endian writers. */
class Writer {
  private buf: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  private at = 0;

  private reserve(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  int16(v: number): void {
    this.reserve(2);
    this.view.setInt16(this.at, v);
    this.at += 2;
  }
  int32(v: number): void {
    this.reserve(4);
    this.view.setInt32(this.at, v);
    this.at += 4;
  }
  /** An int64 from a safe integer, as two int32 halves (no BigInt allocation). */
  int64(v: number): void {
    this.reserve(8);
    const high = Math.floor(v / 2 ** 32);
    this.view.setInt32(this.at, high);
    this.view.setUint32(this.at + 4, v - high * 2 ** 32);
    this.at += 8;
  }
  bytes(v: readonly number[]): void {
    this.reserve(v.length);
    this.buf.set(v, this.at);
    this.at += v.length;
  }
  byte(v: number): void {
    this.reserve(1);
    this.buf[this.at++] = v;
  }
  /** A field's length (int32), then the text in UTF-8 after `prefix` bytes (jsonb's version). */
  lengthAndText(text: string, prefix: readonly number[] = []): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    this.reserve(4 + prefix.length + text.length * 3);
    const start = this.at;
    this.at += 4;
    this.bytes(prefix);
    const buf = this.buf;
    let at = this.at;
    // Encoded here rather than by TextEncoder.encodeInto, whose call costs more than these short
    // fields (a million calls per 100,000 rows).
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        buf[at++] = c;
      } else if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
        buf[at++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            buf[at++] = 0xf0 | (c >> 18);
            buf[at++] = 0x80 | ((c >> 12) & 0x3f);
            buf[at++] = 0x80 | ((c >> 6) & 0x3f);
            buf[at++] = 0x80 | (c & 0x3f);
            continue;
          }
        }
        // A lone surrogate becomes U+FFFD, as TextEncoder writes it.
        if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        buf[at++] = 0xe0 | (c >> 12);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.view.setInt32(start, prefix.length + at - this.at);
    this.at = at;
  }
  /** A uuid's 16 bytes from its text (checked by the caller). */
  uuid(text: string): void {
    this.reserve(16);
    let at = this.at;
    for (let i = 0; i < text.length; ) {
      if (text.charCodeAt(i) === 0x2d) {
        i++;
        continue;
      }
      this.buf[at++] = (hexValue(text.charCodeAt(i)) << 4) | hexValue(text.charCodeAt(i + 1));
      i += 2;
    }
    this.at = at;
  }
  result(): Uint8Array<ArrayBuffer> {
    return this.buf.subarray(0, this.at);
  }
}

function fail(column: string, type: CopyType, value: unknown): never {
  throw new Error(`copyRows: ${column} (${type}) cannot take ${JSON.stringify(value)}`);
}

function writeField(out: Writer, column: string, type: CopyType, value: CopyValue): void {
  if (value === null) {
    out.int32(-1);
    return;
  }
  switch (type) {
    case 'text':
      if (typeof value !== 'string') fail(column, type, value);
      out.lengthAndText(value);
      return;
    case 'jsonb':
      if (value instanceof Date) fail(column, type, value);
      // Version 1 of jsonb's binary input: the JSON text follows.
      out.lengthAndText(typeof value === 'object' ? JSON.stringify(value) : String(value), [1]);
      return;
    case 'uuid': {
      if (typeof value !== 'string' || !UUID.test(value)) fail(column, type, value);
      out.int32(16);
      out.uuid(value);
      return;
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1)
        fail(column, type, value);
      out.int32(4);
      out.int32(value);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(column, type, value);
      out.int32(1);
      out.byte(value ? 1 : 0);
      return;
    case 'date': {
      const days = typeof value === 'string' ? daysSince2000(value) : null;
      if (days === null) fail(column, type, value);
      out.int32(4);
      out.int32(days);
      return;
    }
    case 'timestamptz': {
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail(column, type, value);
      // Microseconds since 2000-01-01 UTC.
      out.int32(8);
      out.int64((value.getTime() - POSTGRES_EPOCH_MS) * 1000);
      return;
    }
  }
}

/**
 * Rows in COPY's binary format: the header, the tuples and the trailer, or (for a COPY sent in
 * parts) only some of them.
 */
export function encodeCopyBinary(
  columns: readonly CopyColumn[],
  rows: readonly (readonly CopyValue[])[],
  parts: { header?: boolean; trailer?: boolean } = {},
): Uint8Array<ArrayBuffer> {
  const out = new Writer();
  if (parts.header ?? true) {
    out.bytes(SIGNATURE);
    out.int32(0); // flags
    out.int32(0); // header extension length
  }
  for (const row of rows) {
    if (row.length !== columns.length)
      throw new Error(`copyRows: a row has ${row.length} values for ${columns.length} columns`);
    out.int16(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const [name, type] = columns[i]!;
      writeField(out, name, type, row[i]!);
    }
  }
  if (parts.trailer ?? true) out.int16(-1);
  return out.result();
}

/**
 * One COPY into a table, fed in parts inside the caller's transaction: the rows of a long file
 * can go to the database while the next ones are still being checked.
 */
export interface CopyWriter {
  /** Sends the rows (a server starts on them at once) or keeps them for the next blob (PGlite). */
  write(rows: readonly (readonly CopyValue[])[]): Promise<void>;
  /** Ends the COPY; it rejects with the database's error if a row broke a constraint. */
  end(): Promise<void>;
  /** Gives the COPY up; the caller's transaction must then roll back. */
  abort(): Promise<void>;
}

/**
 * Starts a COPY of `columns` (SQL identifiers of the table, checked, with their types) into
 * `table`. On a server the rows stream through the COPY sub-protocol; PGlite, which runs in this
 * thread and reads COPY data from a Blob, gets them in blobs of `blobRows` rows.
 */
export function openCopy(
  tx: Tx,
  table: string,
  columns: readonly CopyColumn[],
  { blobRows = 5000 }: { blobRows?: number } = {},
): CopyWriter {
  for (const name of [table, ...columns.map(([name]) => name)]) assertIdentifier(name);
  const list = columns.map(([name]) => name).join(', ');
  // Drizzle keeps the transaction's own client (a PGlite transaction, or the pool client that
  // holds BEGIN) on its session; COPY must run on that client to be part of the transaction.
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  if (isPgClient(client)) {
    return new ServerCopy(
      client,
      `copy ${table} (${list}) from stdin with (format binary)`,
      columns,
    );
  }
  const statement = `copy ${table} (${list}) from '/dev/blob' with (format binary)`;
  return new EmbeddedCopy(client as PGliteInterface, statement, columns, blobRows);
}

/** Appends rows to a table inside the caller's transaction, in one COPY. */
export async function copyRows(
  tx: Tx,
  table: string,
  columns: readonly CopyColumn[],
  rows: readonly (readonly CopyValue[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const copy = openCopy(tx, table, columns, { blobRows: rows.length });
  try {
    await copy.write(rows);
    await copy.end();
  } catch (error) {
    await copy.abort();
    throw error;
  }
}

/**
 * A server's COPY FROM STDIN. Each write goes to the socket at once (pg-copy-streams sends a
 * CopyData message per write), so the server inserts a part while this process checks and
 * encodes the next. The first write waits for the server's CopyInResponse.
 */
class ServerCopy implements CopyWriter {
  private readonly stream: ReturnType<typeof copyFrom>;
  /** Settles when the COPY is over: its command completed, or it failed. */
  private readonly over: Promise<void>;
  private failure: Error | undefined;
  private settled = false;
  private started = false;

  constructor(
    client: pg.PoolClient,
    statement: string,
    private readonly columns: readonly CopyColumn[],
  ) {
    this.stream = client.query(copyFrom(statement));
    this.over = finished(this.stream).finally(() => {
      this.settled = true;
    });
    this.over.catch(() => {}); // observed by end() and abort()
    this.stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  async write(rows: readonly (readonly CopyValue[])[]): Promise<void> {
    await this.send(rows, false);
  }

  async end(): Promise<void> {
    await this.send([], true);
    this.stream.end();
    await this.over;
  }

  async abort(): Promise<void> {
    // After a failure the server has already ended the COPY (and pg-copy-streams let go of the
    // connection): there is nothing to cancel.
    if (this.settled || this.failure) return;
    this.stream.destroy(new Error('The COPY was given up.')); // sends CopyFail
    await this.over.catch(() => {});
  }

  /**
   * Encodes the rows (after the header, in the first part; before the trailer, in the last) and
   * resolves once they are on the socket; rejects if the COPY failed meanwhile.
   */
  private send(rows: readonly (readonly CopyValue[])[], trailer: boolean): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.settled) return Promise.reject(new Error('The COPY is over.'));
    const bytes = encodeCopyBinary(this.columns, rows, { header: !this.started, trailer });
    this.started = true;
    const written = new Promise<void>((resolve, reject) => {
      this.stream.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (error) =>
        error ? reject(this.failure ?? error) : resolve(),
      );
    });
    // A failure can leave the write's callback uncalled (pg-copy-streams reports it as an
    // 'error' event): the COPY's end settles the race then.
    return Promise.race([
      written,
      this.over.then(() => {
        throw new Error('The COPY ended before its rows were sent.');
      }),
    ]);
  }
}

/** PGlite's COPY FROM '/dev/blob': rows are kept until `blobRows` of them make one statement. */
class EmbeddedCopy implements CopyWriter {
  private pending: (readonly CopyValue[])[] = [];

  constructor(
    private readonly client: PGliteInterface,
    private readonly statement: string,
    private readonly columns: readonly CopyColumn[],
    private readonly blobRows: number,
  ) {}

  async write(rows: readonly (readonly CopyValue[])[]): Promise<void> {
    for (const row of rows) this.pending.push(row);
    if (this.pending.length >= this.blobRows) await this.flush();
  }

  async end(): Promise<void> {
    await this.flush();
  }

  async abort(): Promise<void> {
    this.pending = [];
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const data = encodeCopyBinary(this.columns, this.pending);
    this.pending = [];
    await this.client.query(this.statement, [], { blob: new Blob([data]) });
  }
}

function isPgClient(client: unknown): client is pg.PoolClient {
  return typeof (client as { connectionParameters?: unknown }).connectionParameters === 'object';
}
