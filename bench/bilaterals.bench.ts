/**
 * Benchmark of the bilateral scheduler (npm run bench:bilaterals).
 *
 * 1. Every public instance in ../shared/bilaterals/instances (or PLENARY_BILATERALS_DIR),
 *    solved with its family's time limit in a child process of its own, so that the peak
 *    memory (maxRSS) is per instance; each solution is verified by check.mjs. Printed:
 *    score, HiGHS's best and bound from reference.json, score ÷ bound, wall time, peak MB.
 * 2. Scaling: generated instances of growing size (src/scheduling/generate.ts), showing how
 *    time and quality (against first-come-first-served and against the sum of priorities)
 *    grow with the number of requests.
 *
 * Options: --only NAME[,NAME] (public instances to run), --no-scaling, --seed N[,N...] (each
 * public instance is solved once per seed), --threads 1|2 (default 2: the solver's face MILP
 * also runs on a helper thread, src/scheduling/milp-helper.ts; one process either way).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateInstance } from '../src/scheduling/generate.js';
import { startMilpHelper } from '../src/scheduling/milp-helper.js';
import { solve } from '../src/scheduling/solve.js';
import type { BilateralInstance } from '../src/scheduling/types.js';

const here = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(here), '..');
const bilateralsDir =
  process.env.PLENARY_BILATERALS_DIR ?? path.resolve(repoRoot, '../shared/bilaterals');
/** Seconds per family: the targets of the task. */
const TIME_LIMITS: Record<string, number> = { seoul: 1, gccs: 5, unga: 10, cop: 30 };

interface WorkerReport {
  score: number;
  feasible: boolean;
  checkedScore: number;
  scheduled: number;
  requests: number;
  maxScore: number;
  bound: number | null;
  seconds: number;
  peakMb: number;
  steps: number;
  stoppedBy: string;
  greedy: number;
  provenOptimal: boolean;
  boundKind: string;
  exact: string;
}

interface Checker {
  check(instance: unknown, solution: unknown): { feasible: boolean; score: number };
}

async function solveAndCheck(
  instance: BilateralInstance,
  timeLimitSeconds: number,
  seed: number,
  threads: number,
): Promise<WorkerReport> {
  const checker = (await import(
    pathToFileURL(path.join(bilateralsDir, 'check.mjs')).href
  )) as Checker;
  const started = performance.now();
  // The helper thread is started inside the timed span: its start-up is the solver's cost.
  const helper = threads > 1 ? startMilpHelper() : null;
  const result = solve(instance, {
    timeLimitMs: timeLimitSeconds * 1000,
    seed,
    now: () => performance.now(),
    helper,
  });
  const seconds = (performance.now() - started) / 1000;
  await helper?.close();
  const report = checker.check(instance, result.solution);
  return {
    score: result.score,
    feasible: report.feasible,
    checkedScore: report.score,
    scheduled: result.stats.scheduled,
    requests: result.stats.requests,
    maxScore: result.stats.maxScore,
    bound: result.bound ?? null,
    seconds,
    peakMb: process.resourceUsage().maxRSS / 1024,
    steps: result.stats.steps,
    stoppedBy: result.stats.stoppedBy,
    greedy: result.stats.greedyScore,
    provenOptimal: result.provenOptimal,
    boundKind: result.stats.boundKind,
    exact: result.stats.exact
      ? `${result.stats.exact.status}, LP ${result.stats.exact.lp?.toFixed(2) ?? '-'} in ` +
        `${(result.stats.exact.lpMs / 1000).toFixed(2)} s, ${result.stats.exact.rounds} rounds` +
        (result.stats.exact.face ? `; face: ${result.stats.exact.face}` : '')
      : '-',
  };
}

/** Runs one solve in a fresh child process, so that its memory peak is its own. */
function inChild(args: string[]): WorkerReport {
  const out = execFileSync(process.execPath, ['--import', 'tsx', here, '--worker', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as WorkerReport;
}

const pad = (value: unknown, width: number): string => String(value).padStart(width);

async function main(argv: string[]): Promise<void> {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seeds = (flag('--seed') ?? '1').split(',').map(Number);
  const seed = seeds[0]!;
  const threads = Number(flag('--threads') ?? '2');
  if (argv[0] === '--worker') {
    const [, kind, what, limit] = argv;
    const instance =
      kind === 'file'
        ? (JSON.parse(readFileSync(what!, 'utf8')) as BilateralInstance)
        : generateInstance(JSON.parse(what!));
    const report = await solveAndCheck(instance, Number(limit), seed, threads);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }

  const reference = JSON.parse(readFileSync(path.join(bilateralsDir, 'reference.json'), 'utf8'))
    .instances as Record<string, { family: string; best: number; bound: number; greedy: number }>;
  const only = flag('--only')?.split(',');
  const names = readdirSync(path.join(bilateralsDir, 'instances'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .filter((name) => !only || only.includes(name));
  const family = (name: string) => reference[name]?.family ?? name.split('-')[0]!;
  const familyOrder = Object.keys(TIME_LIMITS);
  names.sort(
    (a, b) => familyOrder.indexOf(family(a)) - familyOrder.indexOf(family(b)) || a.localeCompare(b),
  );

  console.log(
    `Public instances (${bilateralsDir}), seed ${seeds.join(',')}, ${threads} thread(s), ` +
      `Node ${process.version}`,
  );
  console.log(
    'instance  seed  limit  score  greedy  best  bound  score/bound  own bound  proven  feasible   secs  peak MB  exact route',
  );
  for (const name of names) {
    for (const runSeed of seeds) {
      const ref = reference[name];
      const limit = TIME_LIMITS[family(name)] ?? 10;
      const file = path.join(bilateralsDir, 'instances', `${name}.json`);
      const r = inChild([
        'file',
        file,
        String(limit),
        '--seed',
        String(runSeed),
        '--threads',
        String(threads),
      ]);
      const pct = ref ? `${((100 * r.score) / ref.bound).toFixed(2)}%` : '-';
      console.log(
        `${name.padEnd(9)} ${pad(runSeed, 4)} ${pad(`${limit}s`, 6)} ${pad(r.score, 6)} ${pad(r.greedy, 7)} ` +
          `${pad(ref?.best ?? '-', 5)} ${pad(ref?.bound ?? '-', 6)} ${pad(pct, 12)} ` +
          `${pad(r.bound ?? '-', 10)} ${pad(r.provenOptimal ? 'yes' : 'no', 7)} ` +
          `${pad(r.feasible && r.checkedScore === r.score, 9)} ` +
          `${pad(r.seconds.toFixed(2), 6)} ${pad(r.peakMb.toFixed(0), 8)}  ${r.exact}`,
      );
    }
  }

  if (argv.includes('--no-scaling')) return;
  console.log('\nScaling: generated instances (src/scheduling/generate.ts), 18 slots a day');
  console.log(
    'requests  delegations  days  rooms  limit  score  greedy  maxScore  score/greedy  ' +
      'score/max  own bound   secs  steps  stopped  peak MB',
  );
  for (const requests of [100, 200, 400, 800, 1600, 3200, 6400]) {
    const scale = requests / 400;
    const options = {
      seed: 11,
      requests,
      delegations: Math.round(90 * Math.sqrt(scale)),
      days: Math.max(1, Math.round(3 * Math.sqrt(scale))),
      slotsPerDay: 18,
      rooms: Math.max(2, Math.round(10 * Math.sqrt(scale))),
      zones: 3,
    };
    const limit = Math.min(30, Math.max(2, Math.round(requests / 200)));
    const r = inChild([
      'generated',
      JSON.stringify(options),
      String(limit),
      '--seed',
      String(seed),
      '--threads',
      String(threads),
    ]);
    console.log(
      `${pad(requests, 8)} ${pad(options.delegations, 12)} ${pad(options.days, 5)} ` +
        `${pad(options.rooms, 6)} ${pad(`${limit}s`, 6)} ${pad(r.score, 6)} ${pad(r.greedy, 7)} ` +
        `${pad(r.maxScore, 9)} ${pad(`${((100 * r.score) / r.greedy).toFixed(1)}%`, 13)} ` +
        `${pad(`${((100 * r.score) / r.maxScore).toFixed(1)}%`, 10)} ${pad(r.bound ?? '-', 10)} ` +
        `${pad(r.seconds.toFixed(2), 6)} ${pad(r.steps, 6)} ${pad(r.stoppedBy, 8)} ` +
        `${pad(r.peakMb.toFixed(0), 8)}`,
    );
  }
}

await main(process.argv.slice(2));
