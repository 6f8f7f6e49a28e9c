/**
 * A fresh, migrated database for one test file: a copy of the run's PGlite image, or a new
 * database cloned from the run's template on the PostgreSQL server.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connection.js';

const serverUrls = new WeakMap<Database, string>();

/** The URL of a database from freshDatabase() on the PostgreSQL server, for a second process; undefined on PGlite. */
export function databaseUrl(database: Database): string | undefined {
  return serverUrls.get(database);
}

export async function freshDatabase(): Promise<Database> {
  const template = inject('pgTemplate');
  const serverUrl = process.env.PLENARY_TEST_DATABASE_URL;
  if (template && serverUrl) {
    const name = `${template.replace('tpl', 't')}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ driver: 'postgres', url: url.toString(), poolSize: 20 });
    const fresh: Database = {
      ...database,
      async close() {
        await database.close();
        const drop = new pg.Client({ connectionString: serverUrl });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      },
    };
    serverUrls.set(fresh, url.toString());
    return fresh;
  }
  const image = inject('pgliteImage');
  const bytes = readFileSync(image);
  return openDatabase({ driver: 'pglite-memory', loadDataDir: new Blob([bytes]) });
}
