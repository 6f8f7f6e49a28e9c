/**
 * PGlite's data folder (NodeFS), with two answers kept in memory instead of asked of the disk.
 *
 * Both are safe because this process is the data folder's only user (lock.ts): every file in it
 * is created, written and truncated through the Emscripten file system wrapped here.
 *
 * - **Missing free-space maps.** PostgreSQL asks whether a relation's free-space map (`…_fsm`)
 *   exists each time it looks for space: for every new heap page, every B-tree page split and
 *   every new GIN pending-list page. Indexes that only grow never get one, so the answer is "no"
 *   thousands of times per import. On a server that is one failing open(2); through Emscripten's
 *   NODEFS it is a path walk and a Node `lstatSync` that throws, about 30 µs each. Here the first
 *   such open is answered by `existsSync`, and the answer is remembered until the file is
 *   created (Emscripten creates every file through `FS.mknod`, and moves one with `FS.rename`).
 * - **File sizes.** PostgreSQL learns how many blocks a relation has from `lseek(fd, 0,
 *   SEEK_END)`, and its planner asks that of the table and of each of its indexes for every
 *   statement it plans. NODEFS answers each with an `fstatSync`: for the secretariat's queue
 *   (seven relations, two statements) 6 % of an API request's time, and 2 % of a bulk import's
 *   (bench/accreditation.bench.ts). Here a file's size is read once, then kept up to date by the
 *   writes, and forgotten when the file is truncated, reopened or its attributes are set.
 *
 * If PGlite's internals are not as expected, nothing is wrapped and NODEFS works as it did.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

const O_CREAT = 0o100;
const ENOENT = 44; // Emscripten's (WASI) number for ENOENT

const SEEK_END = 2;
const EINVAL = 28; // Emscripten's number

interface EmscriptenNode {
  mode: number;
}
interface EmscriptenStream {
  node: EmscriptenNode;
}
interface StreamOps {
  open: (stream: EmscriptenStream) => void;
  write: (stream: EmscriptenStream, ...rest: [unknown, unknown, unknown, number]) => number;
  llseek: (stream: EmscriptenStream, offset: number, whence: number) => number;
  setattr?: (stream: EmscriptenStream, attr: { size?: number }) => void;
}
interface NodeOps {
  setattr: (node: EmscriptenNode, attr: { size?: number }) => void;
}
interface EmscriptenFS {
  open: (path: unknown, flags: unknown, ...rest: unknown[]) => unknown;
  mknod: (...args: unknown[]) => unknown;
  rename: (...args: unknown[]) => unknown;
  symlink: (...args: unknown[]) => unknown;
  isFile: (mode: number) => boolean;
  ErrnoError?: new (errno: number) => Error;
  root?: {
    mount?: {
      mounts?: {
        mountpoint?: string;
        opts?: { root?: string };
        type?: { stream_ops?: StreamOps; node_ops?: NodeOps };
      }[];
    };
  };
}
type InitOptions = Parameters<NodeFS['init']>[1];

export class DataFolderFS extends NodeFS {
  override async init(pg: PGlite, opts: InitOptions) {
    const result = await super.init(pg, opts);
    const rootDir = this.rootDir;
    const preRun = result.emscriptenOpts.preRun;
    const wrap = (mod: { FS?: EmscriptenFS }) => {
      const FS = mod.FS;
      const mount = FS?.root?.mount?.mounts?.find((m) => m.opts?.root === rootDir);
      if (!FS || !mount?.mountpoint) return;
      answerMissingFsmFromMemory(FS, mount.mountpoint, rootDir);
      const ops = mount.type;
      if (ops?.stream_ops && ops.node_ops) keepFileSizes(FS, ops.stream_ops, ops.node_ops);
    };
    result.emscriptenOpts.preRun = [
      ...(Array.isArray(preRun) ? preRun : preRun ? [preRun] : []),
      wrap,
    ];
    return result;
  }
}

function answerMissingFsmFromMemory(FS: EmscriptenFS, mountpoint: string, rootDir: string): void {
  const ErrnoError = FS.ErrnoError;
  const { open, mknod, rename, symlink } = FS;
  if (!ErrnoError || [open, mknod, rename, symlink].some((f) => typeof f !== 'function')) return;
  const prefix = `${mountpoint}/`;
  const missing = new Set<string>();
  FS.open = function (this: unknown, file: unknown, flags: unknown, ...rest: unknown[]) {
    if (
      typeof file === 'string' &&
      typeof flags === 'number' &&
      (flags & O_CREAT) === 0 &&
      file.endsWith('_fsm') &&
      file.startsWith(prefix)
    ) {
      if (missing.has(file)) throw new ErrnoError(ENOENT);
      if (!existsSync(path.join(rootDir, file.slice(prefix.length)))) {
        missing.add(file);
        throw new ErrnoError(ENOENT);
      }
    }
    return open.call(this, file, flags, ...rest);
  };
  // Every way Emscripten makes a name appear (open with O_CREAT goes through mknod) forgets all
  // the answers: files are created seldom (a new relation, a WAL segment), and a path may be
  // spelt in more than one way.
  const forgetting = <A extends unknown[]>(f: (...args: A) => unknown) =>
    function (this: unknown, ...args: A) {
      missing.clear();
      return f.apply(this, args);
    };
  FS.mknod = forgetting(mknod);
  FS.rename = forgetting(rename);
  FS.symlink = forgetting(symlink);
}

function keepFileSizes(FS: EmscriptenFS, streamOps: StreamOps, nodeOps: NodeOps): void {
  const { open, write, llseek, setattr } = streamOps;
  const setNodeAttr = nodeOps.setattr;
  const ErrnoError = FS.ErrnoError;
  if (!ErrnoError || [open, write, llseek, setNodeAttr].some((f) => typeof f !== 'function'))
    return;
  // Keyed by Emscripten's node of a file: one per path while the file exists (FS.lookupNode
  // caches them), a new one for a file created again after an unlink.
  const sizes = new WeakMap<EmscriptenNode, number>();
  streamOps.open = function (this: unknown, stream) {
    sizes.delete(stream.node); // O_TRUNC, or a file changed while it was closed
    return open.call(this, stream);
  };
  streamOps.write = function (this: unknown, stream, ...rest) {
    let written: number;
    try {
      written = write.call(this, stream, ...rest);
    } catch (error) {
      sizes.delete(stream.node); // what reached the file is unknown
      throw error;
    }
    const known = sizes.get(stream.node);
    const position = rest[3];
    if (known !== undefined) {
      if (typeof position === 'number') sizes.set(stream.node, Math.max(known, position + written));
      else sizes.delete(stream.node);
    }
    return written;
  };
  streamOps.llseek = function (this: unknown, stream, offset, whence) {
    if (whence !== SEEK_END || !FS.isFile(stream.node.mode))
      return llseek.call(this, stream, offset, whence);
    let size = sizes.get(stream.node);
    if (size === undefined) {
      size = llseek.call(this, stream, 0, SEEK_END);
      sizes.set(stream.node, size);
    }
    if (offset + size < 0) throw new ErrnoError(EINVAL);
    return offset + size;
  };
  if (setattr) {
    streamOps.setattr = function (this: unknown, stream, attr) {
      sizes.delete(stream.node);
      return setattr.call(this, stream, attr);
    };
  }
  nodeOps.setattr = function (this: unknown, node, attr) {
    sizes.delete(node);
    return setNodeAttr.call(this, node, attr);
  };
}
