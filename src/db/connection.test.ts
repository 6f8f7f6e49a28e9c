import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './connection.js';

const rows = async (database: Database, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

describe('the embedded database in a data folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plenary-connection-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs with its own settings after PGlite’s, and keeps data across a reopen', async () => {
    const first = await openDatabase({ driver: 'pglite', dataDir: dir, purpose: 'test' });
    try {
      const settings = await rows(
        first,
        sql`select current_setting('wal_init_zero') as zero, current_setting('search_path') as path`,
      );
      // Ours (new WAL segments are not zero-filled) and PGlite's own (search_path) both hold.
      expect(settings[0]).toEqual({ zero: 'off', path: 'public' });
      await first.db.execute(sql`create table kept (n integer)`);
      await first.db.execute(sql`insert into kept select generate_series(1, 1000)`);
    } finally {
      await first.close();
    }
    // WAL segments are still whole 16 MB files, as PostgreSQL expects them.
    const wal = path.join(dir, 'pgdata', 'pg_wal');
    const segments = readdirSync(wal).filter((name) => /^[0-9A-F]{24}$/.test(name));
    expect(segments.length).toBeGreaterThan(0);
    for (const name of segments) expect(statSync(path.join(wal, name)).size).toBe(16 * 1024 * 1024);

    const second = await openDatabase({ driver: 'pglite', dataDir: dir, purpose: 'test' });
    try {
      const counted = await rows(second, sql`select count(*)::int as n from kept`);
      expect(counted[0]).toEqual({ n: 1000 });
    } finally {
      await second.close();
    }
  });
});
