/**
 * Keyset paging cursors. A page is asked for as "the rows after (or before) this row" in the
 * list's order, (created_at, id), so that a page deep in a 100,000-row list costs what the first
 * costs, and deciding rows while paging skips nobody (an OFFSET would jump over as many rows as
 * were decided). The cursor is opaque to clients: base64url of the row's exact key.
 */
import { PlenaryError } from './errors.js';

export interface RowKey {
  /** The row's created_at exactly as the database prints it (microseconds and offset kept). */
  createdAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// What PostgreSQL prints for a timestamptz (ISO DateStyle), with or without fractional seconds.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2}){0,2}|Z)$/;

export function encodeCursor(key: RowKey): string {
  return Buffer.from(JSON.stringify([key.createdAt, key.id]), 'utf8').toString('base64url');
}

/** Reads a cursor made by encodeCursor, or throws a 400 invalid_cursor. */
export function decodeCursor(cursor: string): RowKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    typeof parsed[0] === 'string' &&
    typeof parsed[1] === 'string' &&
    TIMESTAMP.test(parsed[0]) &&
    UUID.test(parsed[1])
  ) {
    return { createdAt: parsed[0], id: parsed[1] };
  }
  throw new PlenaryError(
    'invalid_cursor',
    'The page cursor is not one this list gave out; start again from the first page.',
  );
}
