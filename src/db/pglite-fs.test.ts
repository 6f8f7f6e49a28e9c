import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFolderFS } from './pglite-fs.js';

/** The parts of Emscripten's FS the tests drive (the same calls PostgreSQL's syscalls make). */
interface Stream {
  fd: number;
}
interface FS {
  open(path: string, flags: string): Stream;
  close(stream: Stream): void;
  write(stream: Stream, data: Uint8Array, offset: number, length: number, position: number): number;
  llseek(stream: Stream, offset: number, whence: number): number;
  ftruncate(fd: number, length: number): void;
  truncate(path: string, length: number): void;
  unlink(path: string): void;
  rename(from: string, to: string): void;
  root: { mount: { mounts: { mountpoint: string; opts: { root?: string } }[] } };
}
const SEEK_END = 2;

describe('the data folder’s file system (sizes and missing free-space maps kept in memory)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plenary-pglite-fs-'));
  const pgdata = path.join(dir, 'pgdata');
  let pg: PGlite;
  let fs: FS;
  let mountpoint: string;
  const onDisk = (name: string) => path.join(pgdata, name);
  const sizeOnDisk = (name: string) => statSync(onDisk(name)).size;
  const end = (stream: Stream) => fs.llseek(stream, 0, SEEK_END);

  beforeAll(async () => {
    mkdirSync(pgdata, { recursive: true });
    pg = await PGlite.create(pgdata, { fs: new DataFolderFS(pgdata) });
    fs = (pg as unknown as { Module: { FS: FS } }).Module.FS;
    const mount = fs.root.mount.mounts.find((m) => m.opts.root === pgdata);
    if (!mount) throw new Error('the data folder is not mounted');
    mountpoint = mount.mountpoint;
  });
  afterAll(async () => {
    await pg?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers SEEK_END with the size the file has after every kind of change', () => {
    const file = `${mountpoint}/sizes`;
    const a = fs.open(file, 'w+');
    const b = fs.open(file, 'r+');
    try {
      const bytes = new Uint8Array(5000).fill(7);
      fs.write(a, bytes, 0, 1000, 0);
      expect(end(a)).toBe(1000);
      fs.write(a, bytes, 0, 10, 5000); // past the end: a hole, then 10 bytes
      expect(end(a)).toBe(5010);
      fs.write(a, bytes, 0, 100, 200); // inside: no growth
      expect(end(a)).toBe(5010);
      fs.write(b, bytes, 0, 50, 6000); // through another descriptor of the same file
      expect(end(a)).toBe(6050);
      fs.ftruncate(a.fd, 300);
      expect(end(b)).toBe(300);
      fs.truncate(file, 100); // by path
      expect(end(a)).toBe(100);
      expect(fs.llseek(a, -40, SEEK_END)).toBe(60);
      expect(() => fs.llseek(a, -101, SEEK_END)).toThrow();
      expect(sizeOnDisk('sizes')).toBe(100);
    } finally {
      fs.close(a);
      fs.close(b);
    }
    // Opened again with O_TRUNC ('w'), and made anew after an unlink.
    const c = fs.open(file, 'w');
    expect(end(c)).toBe(0);
    fs.close(c);
    fs.unlink(file);
    const d = fs.open(file, 'w+');
    fs.write(d, new Uint8Array(42), 0, 42, 0);
    expect(end(d)).toBe(42);
    fs.close(d);
    expect(sizeOnDisk('sizes')).toBe(42);
  });

  it('says a free-space map is missing until it is created, renamed into place or not', () => {
    const fsm = `${mountpoint}/base/99999_fsm`;
    mkdirSync(onDisk('base'), { recursive: true });
    expect(() => fs.open(fsm, 'r')).toThrow();
    expect(() => fs.open(fsm, 'r')).toThrow(); // the remembered answer
    fs.close(fs.open(fsm, 'w')); // created (O_CREAT)
    fs.close(fs.open(fsm, 'r'));
    fs.unlink(fsm);
    expect(() => fs.open(fsm, 'r')).toThrow();
    fs.close(fs.open(`${mountpoint}/base/elsewhere`, 'w'));
    fs.rename(`${mountpoint}/base/elsewhere`, fsm);
    fs.close(fs.open(fsm, 'r'));
  });

  it('keeps PostgreSQL’s relations whole: growth, free space reused, tails truncated, reopened', async () => {
    await pg.exec(`create table t (n integer, pad text);
      insert into t select g, repeat('x', 200) from generate_series(1, 20000) g;`);
    const relation = async () => {
      const r = await pg.query<{ file: string; bytes: number; fsm: number }>(
        `select pg_relation_filepath('t') as file, pg_relation_size('t')::int as bytes,
                pg_relation_size('t', 'fsm')::int as fsm`,
      );
      return r.rows[0]!;
    };
    const grown = await relation();
    expect(grown.bytes).toBeGreaterThan(4_000_000);
    expect(sizeOnDisk(grown.file)).toBe(grown.bytes);
    // The map is created by VACUUM after its absence was remembered; new rows reuse the space.
    await pg.exec('delete from t where n % 2 = 0');
    await pg.exec('vacuum t');
    await pg.exec(`insert into t select g, repeat('x', 200) from generate_series(1, 10000) g`);
    const reused = await relation();
    expect(reused.fsm).toBeGreaterThan(0);
    expect(reused.bytes).toBe(grown.bytes);
    // VACUUM cuts off an empty tail (ftruncate); later rows extend the shorter file.
    await pg.exec(`delete from t where ctid >= '(100, 0)'`);
    await pg.exec('vacuum t');
    const cut = await relation();
    expect(cut.bytes).toBeLessThan(grown.bytes / 2);
    expect(sizeOnDisk(cut.file)).toBe(cut.bytes);
    await pg.exec(`insert into t select g, repeat('y', 200) from generate_series(1, 20000) g`);
    await pg.exec('checkpoint');
    const regrown = await relation();
    expect(sizeOnDisk(regrown.file)).toBe(regrown.bytes);
    const before = await pg.query<{ n: number; sum: string }>(
      'select count(*)::int as n, sum(n)::text as sum from t',
    );
    await pg.close();
    pg = await PGlite.create(pgdata, { fs: new DataFolderFS(pgdata) });
    fs = (pg as unknown as { Module: { FS: FS } }).Module.FS;
    const after = await pg.query<{ n: number; sum: string }>(
      'select count(*)::int as n, sum(n)::text as sum from t',
    );
    expect(after.rows).toEqual(before.rows);
    expect((await relation()).bytes).toBe(regrown.bytes);
  });
});
