import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';
import { PlenaryError } from './errors.js';

describe('keyset cursors', () => {
  it('round-trips a row key, microseconds and offset included', () => {
    const key = {
      createdAt: '2026-03-01 09:00:00.123456+00',
      id: '0b9f0c8e-6a4f-4d2b-9e61-2f1d3c4b5a69',
    };
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it.each([
    ['not base64 JSON', 'bm90LWEtY3Vyc29y'],
    ['a bad id', encodeCursor({ createdAt: '2026-03-01 09:00:00+00', id: 'x' })],
    [
      'a bad time',
      encodeCursor({ createdAt: "now'; drop table x", id: '0b9f0c8e-6a4f-4d2b-9e61-2f1d3c4b5a69' }),
    ],
    ['an empty string', ''],
  ])('refuses %s with invalid_cursor', (_, cursor) => {
    try {
      decodeCursor(cursor);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlenaryError);
      expect((error as PlenaryError).code).toBe('invalid_cursor');
    }
  });
});
