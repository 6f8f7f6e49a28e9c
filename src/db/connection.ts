/**
 * One schema, two drivers: PGlite (embedded, in a data folder, the default) and a PostgreSQL
 * server (DATABASE_URL, production). Everything above this file sees the same `Db`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type DataFolderLock, lockDataFolder } from './lock.js';
import { forDrizzle } from './pglite-client.js';
import { DataFolderFS } from './pglite-fs.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle: the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface Database {
  readonly db: Db;
  readonly driver: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a folder or a URL without its password. */
  readonly location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseConfig =
  | { driver: 'pglite'; dataDir: string; purpose?: string }
  | { driver: 'pglite-memory'; loadDataDir?: Blob | File }
  | { driver: 'postgres'; url: string; poolSize?: number };

export const PGLITE_EXTENSIONS = { btree_gist, pg_trgm };

/**
 * Server settings of the embedded database, after PGlite's own. A new WAL segment is not filled
 * with 16 MB of zeros before use (`wal_init_zero`): PGlite writes every byte through its WASM
 * file system, and the zeros doubled what a bulk import wrote (295 MB for 100,000 participants,
 * of which 132 MB of WAL). What the setting guarded against — a disk found full only when the WAL
 * is written — leaves the transaction uncommitted, as any other write error does.
 */
const PGLITE_SETTINGS = ['-c', 'wal_init_zero=off'];

/** Reads the configuration from the environment: DATABASE_URL, else PLENARY_DATA_DIR or ./data. */
export function configFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  purpose = 'plenary',
): DatabaseConfig {
  if (env.DATABASE_URL) return { driver: 'postgres', url: env.DATABASE_URL };
  return { driver: 'pglite', dataDir: path.resolve(env.PLENARY_DATA_DIR ?? 'data'), purpose };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.driver === 'postgres') return openPostgres(config.url, config.poolSize ?? 10);
  let lock: DataFolderLock | undefined;
  let client: PGlite;
  let location: string;
  if (config.driver === 'pglite') {
    lock = lockDataFolder(config.dataDir, config.purpose ?? 'plenary');
    const pgdata = path.join(config.dataDir, 'pgdata');
    mkdirSync(pgdata, { recursive: true });
    location = config.dataDir;
    try {
      client = await PGlite.create(pgdata, {
        extensions: PGLITE_EXTENSIONS,
        // NodeFS, answering file sizes and missing free-space maps from memory (pglite-fs.ts).
        fs: new DataFolderFS(pgdata),
        startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS],
      });
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    location = 'memory';
    client = await PGlite.create({
      extensions: PGLITE_EXTENSIONS,
      ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
    });
  }
  // Drizzle's parsers set once on the client, not merged into PGlite's for every result.
  const db = drizzlePglite(forDrizzle(client), { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    location,
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    location: redactUrl(url),
    async migrate() {
      await migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      await pool.end();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}
