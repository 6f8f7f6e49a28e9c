/** Reads the Postgres error behind a Drizzle error: SQLSTATE and constraint, on both drivers. */
export function pgError(error: unknown): { code?: string; constraint?: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        constraint: typeof candidate.constraint === 'string' ? candidate.constraint : undefined,
      };
    }
    current = candidate.cause;
  }
  return {};
}

export const EXCLUSION_VIOLATION = '23P01';
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
export const CHECK_VIOLATION = '23514';
export const DEADLOCK_DETECTED = '40P01';
export const SERIALIZATION_FAILURE = '40001';

/**
 * Runs a whole transaction again when PostgreSQL aborted it to break a deadlock or a
 * serialization conflict (the abort left nothing behind), up to `attempts` runs in all.
 * Concurrent inserts that conflict on an exclusion constraint can wait on each other's
 * uncommitted rows; the deadlock detector then aborts one, which on its next run meets the
 * winner's committed row and gets the constraint's own, meaningful, violation.
 */
export async function retryAborted<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let run = 1; ; run++) {
    try {
      return await work();
    } catch (error) {
      const { code } = pgError(error);
      const aborted = code === DEADLOCK_DETECTED || code === SERIALIZATION_FAILURE;
      if (!aborted || run >= attempts) throw error;
    }
  }
}
