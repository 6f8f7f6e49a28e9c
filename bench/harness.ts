/**
 * What the benchmarks share: their command-line flags, a seeded generator, percentiles, a
 * throw-away database on either driver, and the text and Markdown tables they print.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/connection.js';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type Driver = 'pglite' | 'postgres';

const args = process.argv.slice(2);
export const benchArgs = args;
/** `--name` given on the command line. */
export const flag = (name: string) => args.includes(`--${name}`);
/** The value of `--name=value`, if given. */
export const option = (name: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** mulberry32: small, fast and seeded, so that every run builds the same data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
export type Rng = ReturnType<typeof rng>;

export interface Stats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentiles of the samples. */
export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    mean: sum / Math.max(1, sorted.length),
    max: sorted.at(-1) ?? 0,
  };
}

export function log(message: string) {
  process.stderr.write(`  ${message}\n`);
}

export const MiB = (bytes: number) => bytes / 2 ** 20;
export const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
export const thousands = (n: number) => Math.round(n).toLocaleString('en');

/** Raw SQL on either driver: both return `{ rows }`, which the common Db type does not say. */
export async function select<T>(database: Database, query: SQL): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

export interface BenchDatabase {
  database: Database;
  /** The server URL of the bench's own database; null on PGlite. */
  url: string | null;
  /** MiB on disk: the PGlite data folder, or pg_database_size. */
  storage(): Promise<number>;
  cleanUp(): Promise<void>;
}

/**
 * A fresh database for one run: PGlite in a temporary data folder, or a database
 * plenary_bench_<random> created on the server (PLENARY_BENCH_DATABASE_URL, else the local
 * one) and dropped at the end, also when the run is interrupted. A message when the server is
 * unreachable (the driver is then skipped).
 */
export async function openForBench(
  driver: Driver,
  purpose: string,
): Promise<BenchDatabase | string> {
  if (driver === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'plenary-bench-'));
    const database = await openDatabase({ driver: 'pglite', dataDir: dir, purpose });
    return {
      database,
      url: null,
      storage: async () => MiB(folderBytes(dir)),
      async cleanUp() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.PLENARY_BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL at ${adminUrl} is unreachable (${(error as Error).message}); skipped.`;
  }
  const name = `plenary_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ driver: 'postgres', url: url.toString() });
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
  // An interrupted run must not leave the database behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void database.close().finally(() => drop().finally(() => process.exit(130)));
    });
  }
  return {
    database,
    url: url.toString(),
    async storage() {
      const [row] = await select<{ bytes: string }>(
        database,
        sql`select pg_database_size(current_database())::text as bytes`,
      );
      return MiB(Number(row?.bytes ?? 0));
    },
    async cleanUp() {
      await database.close();
      await drop();
    },
  };
}

/** A plain-text table: the first column left-aligned, the figures right-aligned. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The same table in Markdown, figures right-aligned. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [
    line(header),
    `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/**
 * Runs one driver's measurements in a child process (the bench file itself with
 * --driver=… --out=…), so that each driver's memory high-water mark is its own; resolves to the
 * result the child wrote.
 */
export function runDriverInChild<T>(benchFile: string, driver: Driver): Promise<T> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'plenary-bench-result-')), 'result.json');
  const childArgs = [
    `--driver=${driver}`,
    `--out=${out}`,
    ...args.filter((a) => !a.startsWith('--only=')),
  ];
  return new Promise((resolve, reject) => {
    // tsx as a loader of a plain node process: the measured process is the one that runs the code.
    const child = spawn(process.execPath, ['--import', 'tsx', benchFile, ...childArgs], {
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`the ${driver} run exited with code ${code}`);
        resolve(JSON.parse(readFileSync(out, 'utf8')) as T);
      } catch (error) {
        reject(error);
      } finally {
        rmSync(path.dirname(out), { recursive: true, force: true });
      }
    });
  });
}
