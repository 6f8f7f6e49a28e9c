/**
 * `plenary schedule` on the exchange format: the solution it writes passes the independent
 * checker; bad input is one clear line and an exit code, never a stack trace.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plenary } from '../../test/support/cli.js';
import { bilateralsDir } from '../scheduling/fixtures.test-support.js';

const dir = mkdtempSync(path.join(tmpdir(), 'plenary-schedule-'));

describe('plenary schedule', () => {
  it('writes a solution of seoul-1 that the independent checker accepts, the same for a seed', async () => {
    const instance = path.join(bilateralsDir, 'instances', 'seoul-1.json');
    const first = path.join(dir, 'a.json');
    const second = path.join(dir, 'b.json');
    const result = await plenary(
      'schedule',
      '--in',
      instance,
      '--out',
      first,
      '--time-limit',
      '1',
      '--seed',
      '7',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/score/i);
    const checked = execFileSync(
      process.execPath,
      [path.join(bilateralsDir, 'check.mjs'), instance, first],
      { encoding: 'utf8' },
    );
    const verdict = JSON.parse(checked.trim().split('\n').pop()!);
    expect(verdict.feasible).toBe(true);
    expect(verdict.score).toBeGreaterThanOrEqual(157); // never below first-come-first-served
    await plenary(
      'schedule',
      '--in',
      instance,
      '--out',
      second,
      '--time-limit',
      '1',
      '--seed',
      '7',
    );
    expect(JSON.parse(readFileSync(second, 'utf8')).meetings.length).toBe(
      JSON.parse(readFileSync(first, 'utf8')).meetings.length,
    );
  });

  it('answers a malformed instance, a missing file and bad flags with a message and an exit code', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'plenary.bilaterals/1',
        name: 'x',
        slots: [],
        rooms: [],
        delegations: [],
        requests: [{ id: 'r', parties: ['NOWHERE', 'ELSE'] }],
      }),
    );
    const malformed = await plenary('schedule', '--in', bad, '--out', path.join(dir, 'o.json'));
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).not.toMatch(/\n\s+at /);
    const missing = await plenary(
      'schedule',
      '--in',
      path.join(dir, 'nope.json'),
      '--out',
      path.join(dir, 'o.json'),
    );
    expect(missing.code).toBe(2);
    const flags = await plenary('schedule', '--in');
    expect(flags.code).toBe(64);
    const threads = await plenary('schedule', '--in', bad, '--out', 'o.json', '--threads', '3');
    expect(threads.code).toBe(64);
    expect(threads.stderr).toMatch(/--threads must be 1 or 2/);
  });

  it('proves the optimum of gccs-1 with its helper thread', async () => {
    const instance = path.join(bilateralsDir, 'instances', 'gccs-1.json');
    const out = path.join(dir, 'gccs-1.json');
    const args = ['--in', instance, '--out', out, '--time-limit', '30', '--threads', '2'];
    const result = await plenary('schedule', ...args);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^score 851 \(bound 851, optimal\)/);
  });
});
