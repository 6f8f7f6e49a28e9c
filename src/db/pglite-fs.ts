/**
 * PGlite's data folder (NodeFS), with cheap answers for missing free-space maps.
 *
 * PostgreSQL asks whether a relation's free-space map (`…_fsm`) exists each time it looks for
 * space: for every new heap page, every B-tree page split and every new GIN pending-list page.
 * Indexes that only grow never get one, so the answer is "no" thousands of times per import.
 * On a server that is one failing open(2); through PGlite's Emscripten NODEFS it is a path walk
 * and a Node `lstatSync` that throws, about 30 µs each: ~5 % of a bulk import
 * (bench/accreditation.bench.ts). Here such an open is answered by `existsSync` (no exception)
 * before Emscripten walks the path. Only opens of `_fsm` files without O_CREAT are touched, the
 * answer is the same ENOENT, and if PGlite's internals are not as expected nothing is wrapped.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

const O_CREAT = 0o100;
const ENOENT = 44; // Emscripten's (WASI) number for ENOENT

interface EmscriptenFS {
  open: (path: unknown, flags: unknown, ...rest: unknown[]) => unknown;
  ErrnoError?: new (errno: number) => Error;
  root?: { mount?: { mounts?: { mountpoint?: string; opts?: { root?: string } }[] } };
}
type InitOptions = Parameters<NodeFS['init']>[1];

export class DataFolderFS extends NodeFS {
  override async init(pg: PGlite, opts: InitOptions) {
    const result = await super.init(pg, opts);
    const rootDir = this.rootDir;
    const preRun = result.emscriptenOpts.preRun;
    const answerMissingFsmQuickly = (mod: { FS?: EmscriptenFS }) => {
      const FS = mod.FS;
      const ErrnoError = FS?.ErrnoError;
      const mount = FS?.root?.mount?.mounts?.find((m) => m.opts?.root === rootDir);
      if (!FS || typeof FS.open !== 'function' || !ErrnoError || !mount?.mountpoint) return;
      const prefix = `${mount.mountpoint}/`;
      const open = FS.open;
      FS.open = function (this: unknown, file: unknown, flags: unknown, ...rest: unknown[]) {
        if (
          typeof file === 'string' &&
          typeof flags === 'number' &&
          (flags & O_CREAT) === 0 &&
          file.endsWith('_fsm') &&
          file.startsWith(prefix) &&
          !existsSync(path.join(rootDir, file.slice(prefix.length)))
        ) {
          throw new ErrnoError(ENOENT);
        }
        return open.call(this, file, flags, ...rest);
      };
    };
    result.emscriptenOpts.preRun = [
      ...(Array.isArray(preRun) ? preRun : preRun ? [preRun] : []),
      answerMissingFsmQuickly,
    ];
    return result;
  }
}
