import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlenaryError } from '../platform/errors.js';
import { lockDataFolder } from './lock.js';

describe('the data-folder lock', () => {
  it('stops a second process with a clear message while the first holds the folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plenary-lock-'));
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(
        path.join(dir, 'plenary.lock'),
        JSON.stringify({
          pid: holder.pid,
          purpose: 'plenary serve on port 3000',
          since: '2026-01-01T00:00:00Z',
        }),
      );
      let caught: unknown;
      try {
        lockDataFolder(dir, 'test');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(PlenaryError);
      expect((caught as PlenaryError).code).toBe('data_folder_locked');
      expect((caught as Error).message).toContain(`pid ${holder.pid}`);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock whose holder is gone, and releases it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plenary-lock-'));
    writeFileSync(
      path.join(dir, 'plenary.lock'),
      JSON.stringify({ pid: 2 ** 22 + 7, purpose: 'crashed', since: 'x' }),
    );
    const lock = lockDataFolder(dir, 'test');
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(() => readFileSync(lock.file)).toThrow();
  });

  it('leaves no exit listener behind once released', () => {
    const before = process.listenerCount('exit');
    for (let i = 0; i < 3; i++) {
      const lock = lockDataFolder(mkdtempSync(path.join(tmpdir(), 'plenary-lock-')), 'test');
      expect(process.listenerCount('exit')).toBe(before + 1);
      lock.release();
    }
    expect(process.listenerCount('exit')).toBe(before);
  });
});
