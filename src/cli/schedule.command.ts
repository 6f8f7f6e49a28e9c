/**
 * plenary schedule --in instance.json --out solution.json [--time-limit SECONDS] [--seed N]
 *   [--threads 1|2]
 *
 * Reads a bilateral-scheduling instance (FORMAT.md), solves it, writes the solution and
 * prints a one-line summary. Exit codes: 0 solved; 1 no feasible schedule (pinned meetings
 * conflict) or the solution could not be written; 2 unreadable or malformed input; 64 bad
 * flags (usage). Bad input gets one clear line on stderr, never a stack trace.
 *
 * --threads 2 (the default on a machine with two cores or more) runs the solver's face MILP
 * on a second thread as well (milp-helper.ts). A run that ends before its time limit gives
 * the same schedule for the same seed either way unless the second thread found it first.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { SchedulingInputError } from '../scheduling/errors.js';
import { startMilpHelper } from '../scheduling/milp-helper.js';
import { solve } from '../scheduling/solve.js';
import { validateInstance } from '../scheduling/validate.js';

export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const USAGE =
  'usage: plenary schedule --in instance.json --out solution.json ' +
  '[--time-limit SECONDS] [--seed N] [--threads 1|2]\n';
const DEFAULT_TIME_LIMIT_SECONDS = 10;

interface ScheduleFlags {
  input: string;
  output: string;
  timeLimitSeconds: number;
  seed: number;
  threads: number;
}

/** Parses the flags, or returns the reason they are wrong. */
function parseFlags(argv: string[]): ScheduleFlags | string {
  const values = new Map<string, string>();
  const known = new Set(['--in', '--out', '--time-limit', '--seed', '--threads']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!known.has(name)) return `unknown argument ${JSON.stringify(arg)}`;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return `${name} needs a value`;
    if (values.has(name)) return `${name} given twice`;
    values.set(name, value);
  }
  const input = values.get('--in');
  const output = values.get('--out');
  if (!input) return '--in is required';
  if (!output) return '--out is required';
  const limitText = values.get('--time-limit');
  const timeLimitSeconds = limitText === undefined ? DEFAULT_TIME_LIMIT_SECONDS : Number(limitText);
  if (!Number.isFinite(timeLimitSeconds) || timeLimitSeconds <= 0) {
    return `--time-limit must be a positive number of seconds, got ${JSON.stringify(limitText)}`;
  }
  const seedText = values.get('--seed');
  const seed = seedText === undefined ? 1 : Number(seedText);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    return `--seed must be a non-negative integer, got ${JSON.stringify(seedText)}`;
  }
  const threadsText = values.get('--threads');
  const threads =
    threadsText === undefined ? Math.min(2, availableParallelism()) : Number(threadsText);
  if (threads !== 1 && threads !== 2) {
    return `--threads must be 1 or 2, got ${JSON.stringify(threadsText)}`;
  }
  return { input, output, timeLimitSeconds, seed, threads };
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

export async function runSchedule(argv: string[], io: CommandIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const flags = parseFlags(argv);
  if (typeof flags === 'string') {
    io.stderr.write(`plenary schedule: ${flags}\n${USAGE}`);
    return 64;
  }
  let text: string;
  try {
    text = await readFile(flags.input, 'utf8');
  } catch (error) {
    io.stderr.write(`plenary schedule: cannot read ${flags.input} (${reasonOf(error)})\n`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    io.stderr.write(`plenary schedule: ${flags.input} is not valid JSON (${reasonOf(error)})\n`);
    return 2;
  }
  const started = performance.now();
  let result: ReturnType<typeof solve>;
  const helper = flags.threads > 1 ? startMilpHelper() : null;
  try {
    const instance = validateInstance(raw);
    result = solve(instance, {
      timeLimitMs: flags.timeLimitSeconds * 1000,
      seed: flags.seed,
      now: () => performance.now(),
      helper,
    });
  } catch (error) {
    if (!(error instanceof SchedulingInputError)) throw error;
    const what = error.code === 'pinned_conflict' ? 'no feasible schedule' : 'malformed instance';
    io.stderr.write(`plenary schedule: ${what}: ${error.message}\n`);
    return error.code === 'pinned_conflict' ? 1 : 2;
  } finally {
    await helper?.close();
  }
  const seconds = (performance.now() - started) / 1000;
  try {
    await writeFile(flags.output, `${JSON.stringify(result.solution, null, 1)}\n`);
  } catch (error) {
    io.stderr.write(`plenary schedule: cannot write ${flags.output} (${reasonOf(error)})\n`);
    return 1;
  }
  const { stats } = result;
  const bound =
    result.bound === undefined
      ? 'no bound'
      : result.optimal
        ? `bound ${result.bound}, optimal`
        : `bound ${result.bound}, gap ${(100 * (1 - result.score / result.bound)).toFixed(1)}%`;
  io.stdout.write(
    `score ${result.score} (${bound}); ${stats.scheduled}/${stats.requests} requests ` +
      `scheduled; ${seconds.toFixed(2)} s; wrote ${flags.output}\n`,
  );
  return 0;
}
