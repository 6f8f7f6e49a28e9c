/**
 * VACUUM (ANALYZE) after bulk writes, out of the request that made them. PGlite has no
 * autovacuum, so a table filled by imports would keep the statistics of its empty days and no
 * visibility map (every index-only scan would visit the table too); a server's autovacuum may
 * lag behind a registration rush. The analyzer waits for the writes to pause (quietMs), but never
 * longer than maxDelayMs once enough rows have been written, then runs one VACUUM (ANALYZE).
 */
import { sql } from 'drizzle-orm';
import { assertIdentifier } from './bulk.js';
import type { Db } from './connection.js';

export interface Analyzer {
  /** Counts rows just written; schedules an ANALYZE once everyRows have accumulated. */
  rowsWritten(rows: number): void;
  /** Runs a scheduled ANALYZE now (if any) and waits for it; for shutdown, tests and benches. */
  settle(): Promise<void>;
}

export function createAnalyzer(
  db: Db,
  table: string,
  options: { everyRows: number; quietMs?: number; maxDelayMs?: number },
): Analyzer {
  assertIdentifier(table);
  const quietMs = options.quietMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  let pending = 0;
  let firstDue: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const run = () => {
    timer = undefined;
    firstDue = undefined;
    pending = 0;
    running = running
      .then(() => db.execute(sql.raw(`vacuum (analyze) ${table}`)))
      .then(
        () => undefined,
        // Statistics are an optimisation: a failed ANALYZE (a closing database) loses nothing.
        () => undefined,
      );
    return running;
  };

  return {
    rowsWritten(rows) {
      pending += rows;
      if (pending < options.everyRows) return;
      const now = Date.now();
      firstDue ??= now;
      if (timer) clearTimeout(timer);
      const wait = Math.max(0, Math.min(quietMs, firstDue + maxDelayMs - now));
      timer = setTimeout(run, wait);
      timer.unref();
    },
    async settle() {
      if (timer) {
        clearTimeout(timer);
        await run();
      }
      await running;
    },
  };
}
