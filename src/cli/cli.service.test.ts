/**
 * The plenary command on an embedded data folder: the same services as the server, clear
 * messages and exit codes for bad input, and never a second writer on a held folder.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plenary } from '../../test/support/cli.js';
import { EXIT } from './main.js';

let dir: string;
const savedEnv = { ...process.env };

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'plenary-cli-'));
  delete process.env.DATABASE_URL;
  process.env.PLENARY_DATA_DIR = path.join(dir, 'data');
});
afterAll(() => {
  process.env = savedEnv;
  rmSync(dir, { recursive: true, force: true });
});

describe('plenary on the embedded database', () => {
  it('migrates, loads the demo once, and says so the second time', async () => {
    expect((await plenary('migrate')).code).toBe(EXIT.ok);
    const first = await plenary('demo');
    expect(first.code).toBe(EXIT.ok);
    expect(first.stdout).toContain('secretariat@plenary.example');
    const second = await plenary('demo');
    expect(second.stdout).toContain('loaded already');
  });

  it('exports participants as CSV and XLSX', async () => {
    const csv = await plenary('export', 'participants', '--format', 'csv', '--status', 'approved');
    expect(csv.code).toBe(EXIT.ok);
    const lines = csv.stdout.trim().split('\n');
    expect(lines.length).toBe(1601);
    expect(csv.stdout).toContain('三ツ矢');
    const out = path.join(dir, 'list.xlsx');
    expect((await plenary('export', 'participants', '--format', 'xlsx', '--out', out)).code).toBe(
      EXIT.ok,
    );
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('imports nothing from a file with errors, reporting each by line, unless asked for the valid rows', async () => {
    const file = path.join(dir, 'members.csv');
    writeFileSync(
      file,
      'family_name,given_name,rank,category\nKato,Yui,delegate,party\n,Nobody,delegate,party\n',
    );
    const strict = await plenary('import', 'participants', file, '--delegation', 'JPN');
    expect(strict.code).toBe(EXIT.dataError);
    expect(strict.stderr).toMatch(/line 3: family_name/);
    const before = (await plenary('export', 'participants')).stdout;
    expect(before).not.toContain('Kato');
    const lenient = await plenary(
      'import',
      'participants',
      file,
      '--delegation',
      'JPN',
      '--mode',
      'valid-rows',
    );
    expect(lenient.code).toBe(EXIT.ok);
    expect(lenient.stdout).toContain('1 of 2 rows imported');
    expect((await plenary('export', 'participants')).stdout).toContain('Kato');
  });

  it('answers bad usage and missing files with a message and an exit code, no stack trace', async () => {
    const unknown = await plenary('frobnicate');
    expect(unknown.code).toBe(EXIT.usage);
    const missing = await plenary(
      'import',
      'participants',
      path.join(dir, 'nope.csv'),
      '--delegation',
      'JPN',
    );
    expect(missing.code).toBe(EXIT.noInput);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const noDelegation = await plenary('import', 'participants', path.join(dir, 'members.csv'));
    expect(noDelegation.code).toBe(EXIT.usage);
    const badDelegation = await plenary(
      'import',
      'participants',
      path.join(dir, 'members.csv'),
      '--delegation',
      'ZZZ',
    );
    expect(badDelegation.code).toBe(EXIT.noInput);
  });

  it('refuses to write while another process holds the data folder', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(
        path.join(dir, 'data', 'plenary.lock'),
        JSON.stringify({ pid: holder.pid, purpose: 'plenary serve on port 3000', since: 'now' }),
      );
      const blocked = await plenary('demo', '--reset');
      expect(blocked.code).toBe(EXIT.tempFail);
      expect(blocked.stderr).toContain(`pid ${holder.pid}`);
      expect(blocked.stderr).toContain('Stop that process first');
    } finally {
      holder.kill();
      rmSync(path.join(dir, 'data', 'plenary.lock'), { force: true });
    }
  });
});
