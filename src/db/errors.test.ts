import { describe, expect, it } from 'vitest';
import {
  DEADLOCK_DETECTED,
  EXCLUSION_VIOLATION,
  retryAborted,
  SERIALIZATION_FAILURE,
} from './errors.js';

/** A Drizzle-like error wrapping a driver error with a SQLSTATE. */
const failure = (code: string) => new Error('Failed query', { cause: { code } });

describe('retryAborted', () => {
  it('runs a transaction again after a deadlock or a serialization failure', async () => {
    const codes = [DEADLOCK_DETECTED, SERIALIZATION_FAILURE];
    let runs = 0;
    const result = await retryAborted(async () => {
      const code = codes[runs++];
      if (code) throw failure(code);
      return 'committed';
    });
    expect(result).toBe('committed');
    expect(runs).toBe(3);
  });

  it('passes any other error through at once, and gives up after the last run', async () => {
    let runs = 0;
    await expect(
      retryAborted(async () => {
        runs++;
        throw failure(EXCLUSION_VIOLATION);
      }),
    ).rejects.toMatchObject({ cause: { code: EXCLUSION_VIOLATION } });
    expect(runs).toBe(1);
    runs = 0;
    await expect(
      retryAborted(async () => {
        runs++;
        throw failure(DEADLOCK_DETECTED);
      }, 2),
    ).rejects.toMatchObject({ cause: { code: DEADLOCK_DETECTED } });
    expect(runs).toBe(2);
  });
});
