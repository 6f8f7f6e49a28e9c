/**
 * PGlite has no lock between processes: a second process on the same data folder writes rows
 * the first never sees. So the embedded data folder is held through a lock file naming its
 * holder; a second Plenary process stops with a clear message instead.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PlenaryError } from '../platform/errors.js';

export interface DataFolderLock {
  readonly file: string;
  release(): void;
}

interface LockHolder {
  pid: number;
  purpose: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

export function lockDataFolder(dataDir: string, purpose: string): DataFolderLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'plenary.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      const holder: LockHolder = { pid: process.pid, purpose, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        // A process that opens and closes many folders (tests, the CLI) keeps no listener behind.
        process.removeListener('exit', release);
        if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { file, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new PlenaryError(
          'data_folder_locked',
          `The data folder ${dataDir} is in use by another Plenary process ` +
            `(pid ${holder.pid}, ${holder.purpose}, since ${holder.since}). ` +
            'Stop that process first, or point PLENARY_DATA_DIR at another folder. ' +
            'PGlite cannot be shared between processes: a second writer would lose data.',
        );
      }
      // The holder is gone (or wrote nothing readable): the lock is stale.
      rmSync(file, { force: true });
    }
  }
  throw new PlenaryError('data_folder_locked', `Could not lock the data folder ${dataDir}.`);
}
