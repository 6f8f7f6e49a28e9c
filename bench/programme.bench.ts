/**
 * The public programme, hall screens and statement search under load, on both drivers.
 *
 *   npm run bench:programme                 full run (~4-5 min on 2 cores)
 *   npm run bench:programme -- --quick      short smoke run (prints only, leaves the Markdown alone)
 *   … -- --only=pglite | --only=postgres    one driver
 *   … -- --profile                          CPU-profile the server during the page runs and the
 *                                           searches, and print the functions that cost most (self time)
 *   … -- --search-only                      only the search (no server, no screens)
 *   … -- --explain                          also print EXPLAIN ANALYZE of the search's candidate query
 *
 * 1. Throughput: the programme JSON (GET /api/editions/seoul-2013/programme) and HTML
 *    (GET /editions/seoul-2013/programme) against a bare route on the same Fastify instance
 *    (GET /bench/constant → {"ok":true}), same connections, same duration, interleaved in rounds.
 * 2. Hall-screen fan-out: N screens follow one list of speakers over SSE; the secretariat gives
 *    commands through the API; the time from a command's send to each screen receiving the new view.
 *    On PostgreSQL also with the screens on a second server process (LISTEN/NOTIFY).
 * 3. Search: `statements.search(...)` over 10,000 generated statements in six languages.
 *
 * It prints figures, never asserts. Each driver runs in its own child process (this file with
 * --driver=…); the load generator and the hall screens run in a further child process (this file
 * with --role=…), so that they do not share the server's event loop. All traffic goes to 127.0.0.1.
 *
 * PLENARY_BENCH_DATABASE_URL overrides the PostgreSQL admin URL; the bench creates a database
 * plenary_bench_<random> there and drops it at the end. An unreachable server is skipped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import net from 'node:net';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../src/db/connection.js';
import { delegations, editions, type Localized, statements } from '../src/db/schema.js';
import { loadDemo } from '../src/features/conferences/demo/demo.loader.js';
import { buildSearchText } from '../src/features/statements/search-text.js';
import { buildApp } from '../src/server/app.js';
import { createServices, shareProgrammeCaches } from '../src/server/services.js';
import {
  benchArgs,
  type Driver,
  flag,
  log,
  markdownTable,
  ms,
  openForBench,
  option,
  rng,
  runDriverInChild,
  type Stats,
  stats,
  textTable,
  thousands,
} from './harness.js';

const THIS_FILE = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOC_FILE = fileURLToPath(new URL('../docs/benchmarks-programme.md', import.meta.url));
const SLUG = 'seoul-2013';
const SESSION = 'plenary-1';
const SECRETARIAT = { email: 'secretariat@plenary.example', password: 'seoul-2013-secretariat' };
const HOST = '127.0.0.1';
const SEED = 20_131_017;

interface Scale {
  connections: number;
  durationS: number;
  rounds: number;
  warmUpS: number;
  screens: number;
  changes: number;
  statements: number;
  searchRounds: number;
  searchBudgetMs: number;
}

const SCALE: Scale = flag('quick')
  ? {
      connections: 32,
      durationS: 2,
      rounds: 1,
      warmUpS: 1,
      screens: 200,
      changes: 5,
      statements: 2_000,
      searchRounds: 10,
      searchBudgetMs: 10_000,
    }
  : {
      connections: 32,
      durationS: 8,
      rounds: 2,
      warmUpS: 2,
      screens: 1_000,
      changes: 20,
      statements: 10_000,
      searchRounds: 40,
      searchBudgetMs: 40_000,
    };

// ---------------------------------------------------------------------------------------------
// Small tools

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Load generator (child process, --role=load): keep-alive connections on raw sockets, one request
// in flight on each, a request sent again as soon as the answer's last byte has arrived. Raw
// sockets rather than http.request: Node's HTTP client would cost more CPU than the server's bare
// route on this 2-core machine and so flatter the pages' ratio.

interface LoadFigures {
  path: string;
  requests: number;
  seconds: number;
  bytes: number;
  errors: number;
  statuses: Record<string, number>;
  latency: Stats;
}

function loadRun(
  port: number,
  target: string,
  connections: number,
  durationMs: number,
  extraHeaders: Record<string, string> = {},
): Promise<LoadFigures> {
  const request = Buffer.from(
    `GET ${target} HTTP/1.1\r\nHost: ${HOST}:${port}\r\nAccept: */*\r\n${Object.entries(
      extraHeaders,
    )
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n`,
  );
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let requests = 0;
  let bytes = 0;
  let errors = 0;
  const started = performance.now();
  const end = started + durationMs;
  const one = () =>
    new Promise<void>((resolve) => {
      const socket = net.connect(port, HOST);
      socket.setNoDelay(true);
      let buf: Buffer = Buffer.alloc(0);
      let need = -1;
      let sentAt = 0;
      const send = () => {
        sentAt = performance.now();
        socket.write(request);
      };
      socket.on('connect', send);
      socket.on('data', (chunk: Buffer) => {
        buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
        while (true) {
          if (need < 0) {
            const headerEnd = buf.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const head = buf.subarray(0, headerEnd).toString('latin1');
            const status = head.slice(9, 12);
            statuses[status] = (statuses[status] ?? 0) + 1;
            const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
            if (!length) {
              if (status !== '304' && status !== '204') {
                errors++;
                socket.destroy();
                return;
              }
            }
            need = headerEnd + 4 + Number(length?.[1] ?? 0);
          }
          if (buf.length < need) return;
          bytes += need;
          buf = buf.subarray(need);
          need = -1;
          const now = performance.now();
          latencies.push(now - sentAt);
          requests++;
          if (now >= end) {
            socket.end();
            return;
          }
          send();
        }
      });
      socket.on('error', () => {
        errors++;
      });
      socket.on('close', () => resolve());
    });
  return Promise.all(Array.from({ length: connections }, one)).then(() => ({
    path: target,
    requests,
    seconds: (performance.now() - started) / 1000,
    bytes,
    errors,
    statuses,
    latency: stats(latencies),
  }));
}

// ---------------------------------------------------------------------------------------------
// Hall screens (child process, --role=screens): N SSE streams on one server, commands on another
// (or the same); delivery = time from the command's send to a screen having the new view.

interface FanOutFigures {
  screens: number;
  connected: number;
  connectMs: number;
  changes: number;
  delivery: Stats;
  /** Per change, the slowest screen. */
  lastScreen: Stats;
  /** The command's own HTTP answer time. */
  command: Stats;
  missed: number;
  sseBytesPerView: number;
}

interface Screen {
  version: number;
  receivedAt: number;
  bytes: number;
  views: number;
}

function openScreen(port: number, target: string, onView: () => void): Promise<Screen> {
  return new Promise((resolve, reject) => {
    const screen: Screen = { version: -1, receivedAt: 0, bytes: 0, views: 0 };
    const req = http.request(
      {
        host: HOST,
        port,
        path: target,
        agent: false,
        headers: { accept: 'text/event-stream' },
      },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`screen: HTTP ${res.statusCode}`));
          res.resume();
          return;
        }
        res.setEncoding('utf8');
        let text = '';
        let first = true;
        res.on('data', (chunk: string) => {
          text += chunk;
          screen.bytes += Buffer.byteLength(chunk);
          while (true) {
            const at = text.indexOf('event: view\ndata: ');
            if (at < 0) {
              if (text.length > 64) text = text.slice(-64);
              return;
            }
            const end = text.indexOf('\n\n', at);
            if (end < 0) return;
            const idAt = text.lastIndexOf('id: ', at);
            const version = Number(text.slice(idAt + 4, text.indexOf('\n', idAt)));
            text = text.slice(end + 2);
            screen.version = version;
            screen.receivedAt = performance.now();
            screen.views++;
            onView();
            if (first) {
              first = false;
              resolve(screen);
            }
          }
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function fanOut(
  ssePort: number,
  commandPort: number,
  screens: number,
  changes: number,
): Promise<FanOutFigures> {
  const eventsPath = `/api/editions/${SLUG}/sessions/${SESSION}/speakers/events`;
  let waiting: { version: number; left: number; done: () => void } | null = null;
  const all: Screen[] = [];
  const onView = () => {
    if (!waiting) return;
    // Counted in the check loop below; here only wake it when the last screen has arrived.
    waiting.left--;
    if (waiting.left <= 0) waiting.done();
  };
  const t0 = performance.now();
  for (let i = 0; i < screens; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, screens - i) }, () =>
        openScreen(ssePort, eventsPath, onView),
      ),
    );
    all.push(...batch);
  }
  const connectMs = performance.now() - t0;
  log(`${all.length} screens connected in ${(connectMs / 1000).toFixed(1)} s`);

  // The secretariat signs in on the command server.
  const signIn = await fetch(`http://${HOST}:${commandPort}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(SECRETARIAT),
  });
  if (!signIn.ok) throw new Error(`sign-in: HTTP ${signIn.status} ${await signIn.text()}`);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const command = (body: unknown) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = http.request(
        {
          host: HOST,
          port: commandPort,
          method: 'POST',
          path: `/api/editions/${SLUG}/sessions/${SESSION}/speakers`,
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            cookie,
            'x-csrf-token': csrfToken,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            text += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  // Tell the server the changes begin, so that it can profile them alone.
  process.stdout.write(`${JSON.stringify({ next: 'fan-out' })}\n`);
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const deliveries: number[] = [];
  const lastScreens: number[] = [];
  const commandTimes: number[] = [];
  let missed = 0;
  let bytesPerView = 0;
  for (let i = 0; i < changes; i++) {
    await sleep(150);
    const before = Math.max(...all.map((s) => s.version));
    for (const s of all) s.receivedAt = 0;
    // A different speaking time each time: every command changes the list.
    const body = {
      type: 'list.configure',
      settings: { speakingTimeSeconds: 60 + (i % 2) * 30 + i },
    };
    const arrived = new Promise<void>((resolve) => {
      waiting = { version: before, left: all.length, done: resolve };
    });
    const bytesBefore = all.reduce((n, s) => n + s.bytes, 0);
    const sentAt = performance.now();
    const answer = await command(body);
    commandTimes.push(performance.now() - sentAt);
    if (answer.status !== 200) throw new Error(`command: HTTP ${answer.status} ${answer.text}`);
    const version = (JSON.parse(answer.text) as { version: number }).version;
    await Promise.race([arrived, sleep(10_000)]);
    waiting = null;
    const times: number[] = [];
    for (const s of all) {
      if (s.version >= version && s.receivedAt > 0) times.push(s.receivedAt - sentAt);
      else missed++;
    }
    deliveries.push(...times);
    lastScreens.push(Math.max(0, ...times));
    bytesPerView = (all.reduce((n, s) => n + s.bytes, 0) - bytesBefore) / all.length;
  }
  agent.destroy();
  return {
    screens,
    connected: all.length,
    connectMs,
    changes,
    delivery: stats(deliveries),
    lastScreen: stats(lastScreens),
    command: stats(commandTimes),
    missed,
    sseBytesPerView: bytesPerView,
  };
}

async function runRole(role: string): Promise<unknown> {
  if (role === 'load') {
    const port = Number(option('port'));
    const paths = (option('paths') ?? '').split(',');
    const headers = JSON.parse(option('headers') ?? '{}') as Record<string, Record<string, string>>;
    const results: LoadFigures[][] = [];
    // Warm-up: every path once, untimed, so the first round does not pay for the first render.
    for (const p of paths)
      await loadRun(port, p, SCALE.connections, SCALE.warmUpS * 1000, headers[p] ?? {});
    for (let round = 0; round < SCALE.rounds; round++) {
      const figures: LoadFigures[] = [];
      for (const p of paths)
        figures.push(
          await loadRun(port, p, SCALE.connections, SCALE.durationS * 1000, headers[p] ?? {}),
        );
      results.push(figures);
    }
    // With --profile, one more untimed run of each path while the server profiles it: the
    // sampling profiler slows the server, so its runs are not among the measured ones.
    if (flag('profile')) {
      for (const p of paths) {
        process.stdout.write(`${JSON.stringify({ next: p })}\n`);
        await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
        await loadRun(port, p, SCALE.connections, SCALE.durationS * 1000, headers[p] ?? {});
      }
      process.stdout.write(`${JSON.stringify({ next: null })}\n`);
      await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
    }
    return results;
  }
  if (role === 'screens') {
    return fanOut(
      Number(option('sse-port')),
      Number(option('command-port')),
      SCALE.screens,
      SCALE.changes,
    );
  }
  throw new Error(`unknown role ${role}`);
}

/** Runs this file in a child process with a role; its last stdout line is the JSON result. */
function spawnRole<T>(
  roleArgs: string[],
  onLine?: (line: Record<string, unknown>, child: ChildProcess) => Promise<void>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        THIS_FILE,
        ...roleArgs,
        ...benchArgs.filter((a) => a === '--quick' || a === '--profile'),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let out = '';
    let result: T | undefined;
    let chain = Promise.resolve();
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      let nl = out.indexOf('\n');
      while (nl >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        nl = out.indexOf('\n');
        if (!line.trim()) continue;
        const parsed = JSON.parse(line) as { result?: T } & Record<string, unknown>;
        if ('result' in parsed) result = parsed.result as T;
        else if (onLine) chain = chain.then(() => onLine(parsed, child));
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      void chain.then(() => {
        if (code !== 0 || result === undefined)
          reject(new Error(`bench role ${roleArgs.join(' ')} exited with code ${code}`));
        else resolve(result);
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Statements for the search (deterministic)

const BANK: Record<string, readonly string[]> = {
  en: [
    'We must strengthen international cooperation to keep cyberspace open and secure.',
    'Capacity building for developing countries remains a priority for our delegation.',
    'Cybercrime crosses borders, and so must our response to it.',
    'The free flow of information is essential to economic growth and development in cyberspace.',
    'Norms of responsible state behaviour in cyberspace should build on existing international law.',
    'Human rights apply online as they do offline.',
    'The multi-stakeholder approach has served internet governance well.',
    'We support the work of the group of governmental experts at the United Nations.',
    'Confidence-building measures can reduce the risk of conflict between states.',
    'Critical infrastructure must be protected against malicious activity.',
    'Bridging the digital divide requires investment in skills and networks.',
    'Our government adopted a national cyber security strategy this year.',
    'Public and private partners should share information about threats and incidents.',
    'State sovereignty applies to information and communications technologies.',
    "We welcome the chair's proposal and look forward to the next meeting in this series.",
  ],
  ja: [
    'サイバー空間の開放性と安全性を確保するため、国際協力を強化すべきである。',
    'サイバー犯罪は国境を越えるため、各国の連携が不可欠である。',
    '途上国に対する能力構築支援は引き続き重要な課題である。',
    '情報の自由な流通は経済成長と発展の基盤である。',
    '既存の国際法はサイバー空間にも適用される。',
    'オンラインにおいても人権は保護されなければならない。',
    '重要インフラの防護に向けて官民の情報共有を進める。',
    '我が国は本年、新たなサイバーセキュリティ戦略を策定した。',
    '信頼醸成措置は国家間の緊張を緩和する上で有益である。',
    '情報格差の解消には人材育成と通信網への投資が必要である。',
  ],
  zh: [
    '我们必须加强国际合作，维护网络空间的和平与安全。',
    '网络犯罪是各国面临的共同挑战。',
    '各国应尊重网络主权，不干涉他国内政。',
    '联合国应在制定网络空间国际规则方面发挥主导作用。',
    '发展中国家的能力建设需要国际社会的支持。',
    '信息安全国际行为准则值得各方认真讨论。',
  ],
  fr: [
    'Nous devons renforcer la coopération internationale pour un cyberespace ouvert et sûr.',
    'La cybercriminalité ne connaît pas de frontières.',
    'Le renforcement des capacités des pays en développement reste une priorité.',
    "Les droits de l'homme s'appliquent en ligne comme hors ligne.",
  ],
  es: [
    'Debemos fortalecer la cooperación internacional en el ciberespacio.',
    'La ciberdelincuencia es un desafío común para todos los Estados.',
    'El fomento de la capacidad es esencial para reducir la brecha digital.',
  ],
  ko: [
    '사이버 공간의 개방성과 안전성을 확보하기 위해 국제 협력을 강화해야 합니다.',
    '사이버 범죄는 국경을 넘는 문제입니다.',
    '개발도상국의 역량 강화를 지원해야 합니다.',
  ],
};
/** Original languages, weighted: half English, a fifth Japanese, then Chinese, French, Spanish, Korean. */
const ORIGINALS = ['en', 'en', 'en', 'en', 'en', 'ja', 'ja', 'zh', 'fr', 'es', 'ko'] as const;
const RARE = 'The quokka clause was mentioned once more.';
const RARE_EVERY = 2_000;

function statementTexts(random: ReturnType<typeof rng>, i: number) {
  const original = random.pick(ORIGINALS);
  const paragraph = (lang: string) =>
    Array.from({ length: 3 + random.int(4) }, () => random.pick(BANK[lang]!)).join(
      lang === 'ja' || lang === 'zh' ? '' : ' ',
    );
  const texts: Record<string, string> = { [original]: paragraph(original) };
  if (original !== 'en') texts.en = paragraph('en');
  if (original !== 'ja' && random.int(10) < 3) texts.ja = paragraph('ja');
  if (i % RARE_EVERY === 7) texts.en = `${texts.en ?? ''} ${RARE}`;
  return { original, texts };
}

/** Reader's queries: [label, query, reader's language]. */
const QUERIES: [string, string, string][] = [
  ['common word', 'cyberspace', 'en'],
  ['two words (AND)', 'capacity building', 'en'],
  ['English phrase', '"international cooperation"', 'en'],
  ['three words', 'critical infrastructure protected', 'en'],
  ['rare word', 'quokka', 'en'],
  ['no match', 'xyzzy', 'en'],
  ['ja phrase サイバー犯罪', 'サイバー犯罪', 'ja'],
  ['ja 2-char 犯罪', '犯罪', 'ja'],
  ['ja 2-char 人権', '人権', 'ja'],
  ['ja half-width ｻｲﾊﾞｰ', 'ｻｲﾊﾞｰ', 'ja'],
  ['zh 网络犯罪', '网络犯罪', 'zh'],
  ['zh 网络主权', '网络主权', 'zh'],
  ['ko 사이버 범죄', '사이버 범죄', 'ko'],
  ['fr cybercriminalité', 'cybercriminalité', 'fr'],
];

// ---------------------------------------------------------------------------------------------
// CPU profiles (--profile): self time per function while the server answers one path

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

function summariseProfile(profile: { nodes: ProfileNode[] }, top = 14): string[] {
  const byFrame = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += hits;
      continue;
    }
    const file = url.replace(/^file:\/\//, '').replace(ROOT, '');
    const where = file ? `${file.replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    byFrame.set(key, (byFrame.get(key) ?? 0) + hits);
  }
  const busy = Math.max(1, total - idle);
  return [
    `busy ${(((total - idle) / Math.max(1, total)) * 100).toFixed(0)} % of the samples; shares below are of the busy ones`,
    ...[...byFrame]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, hits]) => `${((hits / busy) * 100).toFixed(1).padStart(5)} %  ${key}`),
  ];
}

// ---------------------------------------------------------------------------------------------
// One driver (child process)

interface Throughput {
  path: string;
  label: string;
  reqPerS: number;
  bytesPerResponse: number;
  latency: Stats;
  errors: number;
  statuses: Record<string, number>;
  /** Each round's req/s, to show the spread. */
  rounds: number[];
}

interface SearchFigures {
  explain?: string[];
  statements: number;
  insertMs: number;
  all: Stats;
  byQuery: { label: string; query: string; stats: Stats; hits: number; more: boolean }[];
}

interface DriverResult {
  driver: Driver;
  skipped?: string;
  quick: boolean;
  setupMs: number;
  throughput: Throughput[];
  profiles: Record<string, string[]>;
  fanOut: { sameProcess: FanOutFigures | null; crossProcess: FanOutFigures | null };
  search: SearchFigures | null;
  load: [number, number];
}

/** A second Plenary server on the same PostgreSQL database: `plenary serve --port 0 --no-demo`. */
function spawnSecondServer(databaseUrl: string): Promise<{ port: number; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin/plenary.mjs'), 'serve', '--port', '0', '--host', HOST, '--no-demo'],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl, PLENARY_LOG: 'off' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    const timer = setTimeout(() => reject(new Error('the second server did not start')), 60_000);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const match = /serving http:\/\/localhost:(\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve({
          port: Number(match[1]),
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!/serving/.test(out)) reject(new Error(`the second server exited with code ${code}`));
    });
  });
}

async function runDriver(driver: Driver): Promise<DriverResult> {
  const result: DriverResult = {
    driver,
    quick: flag('quick'),
    setupMs: 0,
    throughput: [],
    profiles: {},
    fanOut: { sameProcess: null, crossProcess: null },
    search: null,
    load: [loadavg()[0] ?? 0, 0],
  };
  const t0 = performance.now();
  const opened = await openForBench(driver, 'programme bench');
  if (typeof opened === 'string') return { ...result, skipped: opened };
  const { database } = opened;
  try {
    await database.migrate();
    await loadDemo(database.db, { reset: false, now: new Date() });
    const services = createServices(database);
    // As `plenary serve` does on PostgreSQL: other processes' changes drop this one's caches.
    if (driver === 'postgres') await shareProgrammeCaches(services);
    const app = await buildApp(services, { web: false });
    app.get('/bench/constant', async () => ({ ok: true }));
    // The fix proposed for the programme JSON, measured beside it: the programme service returns
    // the same view object until the programme changes, so its serialised text is kept per object.
    const bodies = new WeakMap<object, string>();
    app.get('/bench/programme-serialised-once', async (_request, reply) => {
      const view = await services.programme.view(SLUG);
      let body = bodies.get(view);
      if (body === undefined) {
        body = JSON.stringify(view);
        bodies.set(view, body);
      }
      return reply
        .header('cache-control', 'public, max-age=30')
        .type('application/json; charset=utf-8')
        .send(body);
    });
    await app.listen({ port: 0, host: HOST });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    result.setupMs = performance.now() - t0;
    log(`${driver}: database, demo and server ready in ${(result.setupMs / 1000).toFixed(1)} s`);

    if (!flag('search-only')) {
      // 1. Throughput
      const targets: [string, string][] = [
        ['/bench/constant', 'bare route {"ok":true}'],
        [`/api/editions/${SLUG}/programme`, 'programme JSON'],
        [`/editions/${SLUG}/programme`, 'programme HTML'],
        ['/bench/programme-serialised-once', 'programme JSON, serialised once (proposed fix)'],
      ];
      let profiler: Session | null = null;
      if (flag('profile')) {
        profiler = new Session();
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
      }
      let profiling: string | null = null;
      const stopProfile = async () => {
        if (!profiler || !profiling) return;
        const { profile } = (await profiler.post('Profiler.stop')) as unknown as {
          profile: { nodes: ProfileNode[] };
        };
        if (!result.profiles[profiling]) result.profiles[profiling] = summariseProfile(profile);
        profiling = null;
      };
      const rounds = await spawnRole<LoadFigures[][]>(
        [`--role=load`, `--port=${port}`, `--paths=${targets.map(([p]) => p).join(',')}`],
        async (line, child) => {
          await stopProfile();
          if (profiler && typeof line.next === 'string' && !result.profiles[line.next]) {
            await profiler.post('Profiler.start');
            profiling = line.next;
          }
          child.stdin!.write('go\n');
        },
      );
      await stopProfile();
      for (const [p, label] of targets) {
        const runs = rounds.map((r) => r.find((f) => f.path === p)!);
        const requests = runs.reduce((n, f) => n + f.requests, 0);
        const seconds = runs.reduce((n, f) => n + f.seconds, 0);
        const statuses: Record<string, number> = {};
        for (const f of runs)
          for (const [s, n] of Object.entries(f.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
        result.throughput.push({
          path: p,
          label,
          reqPerS: requests / seconds,
          bytesPerResponse: runs.reduce((n, f) => n + f.bytes, 0) / Math.max(1, requests),
          // The rounds' latencies pooled approximately: the worst round's p99, the median round's p50.
          latency: {
            n: requests,
            p50: stats(runs.map((f) => f.latency.p50)).p50,
            p99: Math.max(...runs.map((f) => f.latency.p99)),
            mean: runs.reduce((n, f) => n + f.latency.mean * f.requests, 0) / Math.max(1, requests),
            max: Math.max(...runs.map((f) => f.latency.max)),
          },
          errors: runs.reduce((n, f) => n + f.errors, 0),
          statuses,
          rounds: runs.map((f) => f.requests / f.seconds),
        });
        log(`${label}: ${Math.round(requests / seconds)} req/s`);
      }

      // 2. Hall-screen fan-out
      const go = async (_line: Record<string, unknown>, child: ChildProcess) => {
        child.stdin!.write('go\n');
      };
      result.fanOut.sameProcess = await spawnRole<FanOutFigures>(
        ['--role=screens', `--sse-port=${port}`, `--command-port=${port}`],
        async (line, child) => {
          if (profiler) {
            await profiler.post('Profiler.start');
            profiling = `fan-out (${SCALE.screens} screens, ${SCALE.changes} changes)`;
          }
          await go(line, child);
        },
      );
      await stopProfile();
      profiler?.disconnect();
      log(
        `fan-out, same process: p50 ${result.fanOut.sameProcess.delivery.p50.toFixed(1)} ms, p99 ${result.fanOut.sameProcess.delivery.p99.toFixed(1)} ms`,
      );
      if (driver === 'postgres' && opened.url) {
        const second = await spawnSecondServer(opened.url);
        try {
          result.fanOut.crossProcess = await spawnRole<FanOutFigures>(
            ['--role=screens', `--sse-port=${second.port}`, `--command-port=${port}`],
            go,
          );
          log(
            `fan-out, second process: p50 ${result.fanOut.crossProcess.delivery.p50.toFixed(1)} ms, p99 ${result.fanOut.crossProcess.delivery.p99.toFixed(1)} ms`,
          );
        } finally {
          await second.stop();
        }
      }
    }
    await app.close();

    // 3. Search
    result.search = await searchBench(database, services, flag('profile') ? result.profiles : null);
    await services.live.close();
    result.load[1] = loadavg()[0] ?? 0;
    return result;
  } finally {
    await opened.cleanUp();
  }
}

async function searchBench(
  database: Database,
  services: ReturnType<typeof createServices>,
  profiles: Record<string, string[]> | null,
): Promise<SearchFigures> {
  const db = database.db;
  const [edition] = await db.select().from(editions).where(eq(editions.slug, SLUG));
  const delegationIds = (
    await db
      .select({ id: delegations.id })
      .from(delegations)
      .where(eq(delegations.editionId, edition!.id))
  ).map((d) => d.id);
  const random = rng(SEED);
  const start = Date.parse('2013-10-17T00:00:00Z');
  const t0 = performance.now();
  const CHUNK = 250;
  for (let i = 0; i < SCALE.statements; i += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, SCALE.statements - i) }, (_, k) => {
      const { original, texts } = statementTexts(random, i + k);
      return {
        editionId: edition!.id,
        delegationId: random.pick(delegationIds),
        deliveredAt: new Date(start + random.int(2 * 86_400) * 1000),
        originalLanguage: original,
        texts: texts as Localized,
        published: random.int(20) !== 0,
        searchText: buildSearchText(texts),
      };
    });
    await db.insert(statements).values(rows);
  }
  await db.execute(sql`analyze statements`);
  const insertMs = performance.now() - t0;
  log(`${SCALE.statements} statements inserted in ${(insertMs / 1000).toFixed(1)} s`);

  const search = services.statements;
  // Warm-up: every query twice.
  for (let r = 0; r < 2; r++)
    for (const [, q, lang] of QUERIES) await search.search(SLUG, q, { lang });
  if (profiles) {
    // Where a search's time goes: the same query mix, profiled, apart from the timed rounds.
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    for (let r = 0; r < 5; r++)
      for (const [, q, lang] of QUERIES) await search.search(SLUG, q, { lang });
    const { profile } = (await session.post('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[] };
    };
    profiles.search = summariseProfile(profile, 20);
    session.disconnect();
  }
  let explain: string[] | undefined;
  if (flag('explain')) {
    // The candidates query as the service builds it (search_text LIKE each word; the phrase
    // without spaces), without the ranking around it.
    explain = [];
    const shapes: [string, string[], string | null, boolean?][] = [
      ['rare word', ['quokka'], null],
      ['rare word, without LIMIT', ['quokka'], null, true],
      ['no match', ['xyzzy'], null],
      ['common word', ['cyberspace'], null],
      ['ja 2-char', ['犯罪'], null],
      ['ja phrase', ['サイバー', '犯罪'], 'サイバー犯罪'],
    ];
    for (const [label, words, phrase, noLimit] of shapes) {
      const conditions = [
        ...words.map((w) => sql`search_text like ${`%${w}%`}`),
        ...(phrase ? [sql`replace(search_text, ' ', '') like ${`%${phrase}%`}`] : []),
      ];
      const query = sql`explain (analyze, buffers, costs off) select id from statements where edition_id = ${edition!.id} and published = true and ${sql.join(conditions, sql` and `)} ${noLimit ? sql`` : sql`limit 100`}`;
      const rows = ((await db.execute(query)) as unknown as { rows: Record<string, string>[] })
        .rows;
      explain.push(`-- ${label}\n${rows.map((row) => Object.values(row)[0]).join('\n')}`);
      if (label === 'rare word') {
        // Whether the trigram index is usable at all, and what it would cost, when the planner
        // prefers scanning the table.
        const forced = await db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_seqscan = off`);
          return ((await tx.execute(query)) as unknown as { rows: Record<string, string>[] }).rows;
        });
        explain.push(
          `-- ${label}, enable_seqscan = off\n${forced.map((row) => Object.values(row)[0]).join('\n')}`,
        );
      }
    }
  }
  const all: number[] = [];
  const per = new Map<string, number[]>();
  const found = new Map<string, { hits: number; more: boolean }>();
  const began = performance.now();
  for (let r = 0; r < SCALE.searchRounds; r++) {
    if (performance.now() - began > SCALE.searchBudgetMs) break;
    for (const [label, q, lang] of QUERIES) {
      const t = performance.now();
      const answer = await search.search(SLUG, q, { lang });
      const ms = performance.now() - t;
      all.push(ms);
      per.set(label, [...(per.get(label) ?? []), ms]);
      found.set(label, { hits: answer.items.length, more: answer.more });
    }
  }
  return {
    ...(explain ? { explain } : {}),
    statements: SCALE.statements,
    insertMs,
    all: stats(all),
    byQuery: QUERIES.map(([label, query]) => ({
      label,
      query,
      stats: stats(per.get(label) ?? []),
      hits: found.get(label)?.hits ?? 0,
      more: found.get(label)?.more ?? false,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Presenting

const mark = (ok: boolean) => (ok ? ' ✓' : ' ✗');

function rowsFor(results: DriverResult[]): [string, ...string[]][] {
  const ran = results.filter((r) => !r.skipped);
  const row = (label: string, value: (r: DriverResult) => string): [string, ...string[]] => [
    label,
    ...ran.map(value),
  ];
  const tp = (r: DriverResult, i: number) => r.throughput[i];
  const ratio = (r: DriverResult, i: number) =>
    (tp(r, i)?.reqPerS ?? 0) / Math.max(1, tp(r, 0)?.reqPerS ?? 1);
  const rows: [string, ...string[]][] = [
    row('setup: open, migrate, demo, listen (s)', (r) => (r.setupMs / 1000).toFixed(1)),
  ];
  const labels = ran[0]?.throughput.map((t) => t.label) ?? [];
  labels.forEach((label, i) => {
    rows.push(
      row(`${label}: req/s (rounds)`, (r) => {
        const t = tp(r, i);
        return t
          ? `${thousands(t.reqPerS)} (${t.rounds.map(thousands).join(', ')})${t.errors ? ` ${t.errors} errors` : ''}`
          : '–';
      }),
    );
    if (i > 0)
      rows.push(
        row('  ratio to the bare route (target ≥ 50 %)', (r) => {
          const x = ratio(r, i);
          return `${(x * 100).toFixed(0)} %${mark(x >= 0.5)}`;
        }),
      );
    rows.push(
      row('  response bytes; latency p50 / p99 (ms)', (r) => {
        const t = tp(r, i);
        return t
          ? `${thousands(t.bytesPerResponse)}; ${ms(t.latency.p50)} / ${ms(t.latency.p99)}`
          : '–';
      }),
    );
  });
  const fan = (f: FanOutFigures | null) =>
    f
      ? `${ms(f.delivery.p50)} / ${ms(f.delivery.p99)} / ${ms(f.delivery.max)}${mark(f.delivery.p99 < 200)}${f.missed ? ` (${f.missed} missed)` : ''}`
      : '–';
  const screens = ran[0]?.fanOut.sameProcess?.connected ?? SCALE.screens;
  const changes = ran[0]?.fanOut.sameProcess?.changes ?? SCALE.changes;
  rows.push(
    row(
      `fan-out, ${thousands(screens)} screens × ${changes} changes, same process: p50 / p99 / max (ms, target p99 < 200)`,
      (r) => fan(r.fanOut.sameProcess),
    ),
    row('  slowest screen per change p50 / max; command answer p50 (ms)', (r) => {
      const f = r.fanOut.sameProcess;
      return f ? `${ms(f.lastScreen.p50)} / ${ms(f.lastScreen.max)}; ${ms(f.command.p50)}` : '–';
    }),
    row('  connecting the screens (s); bytes per view per screen', (r) => {
      const f = r.fanOut.sameProcess;
      return f ? `${(f.connectMs / 1000).toFixed(1)}; ${thousands(f.sseBytesPerView)}` : '–';
    }),
    row('fan-out, screens on a second server process: p50 / p99 / max (ms)', (r) =>
      fan(r.fanOut.crossProcess),
    ),
    row('  slowest screen per change p50 / max; command answer p50 (ms)', (r) => {
      const f = r.fanOut.crossProcess;
      return f ? `${ms(f.lastScreen.p50)} / ${ms(f.lastScreen.max)}; ${ms(f.command.p50)}` : '–';
    }),
  );
  rows.push(
    row('search: statements; insert time (s)', (r) =>
      r.search
        ? `${thousands(r.search.statements)}; ${(r.search.insertMs / 1000).toFixed(1)}`
        : '–',
    ),
    row('search p50 / p99 / max, all queries (ms, target p99 < 30)', (r) =>
      r.search
        ? `${ms(r.search.all.p50)} / ${ms(r.search.all.p99)} / ${ms(r.search.all.max)}${mark(r.search.all.p99 < 30)} (n=${r.search.all.n})`
        : '–',
    ),
  );
  const queries = ran[0]?.search?.byQuery ?? [];
  queries.forEach((q, i) => {
    rows.push(
      row(`  ${q.label}: p50 / p99 (ms); results`, (r) => {
        const f = r.search?.byQuery[i];
        return f ? `${ms(f.stats.p50)} / ${ms(f.stats.p99)}; ${f.hits}${f.more ? '+' : ''}` : '–';
      }),
    );
  });
  rows.push(
    row('machine load average, start / end', (r) => r.load.map((l) => l.toFixed(1)).join(' / ')),
  );
  return rows;
}

function markdown(results: DriverResult[], wallSeconds: number, load: [number, number]): string {
  const ran = results.filter((r) => !r.skipped);
  const header = [
    '',
    ...ran.map((r) => (r.driver === 'pglite' ? 'PGlite (data folder)' : 'PostgreSQL 15')),
  ];
  const skipped = results.filter((r) => r.skipped).map((r) => `- ${r.driver}: ${r.skipped}`);
  const profiles = ran.flatMap((r) =>
    Object.entries(r.profiles).map(
      ([p, lines]) =>
        `\n${r.driver}, \`${p}\` (self time):\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`,
    ),
  );
  return `## The public programme, hall screens and search under load

\`npm run bench:programme\` (\`bench/programme.bench.ts\`; \`-- --quick\` for a smoke run, \`-- --profile\` for CPU profiles).
Run on ${new Date().toISOString().slice(0, 10)}, whole run ${wallSeconds.toFixed(0)} s; machine load average (1 min) ${load[0].toFixed(1)} at the start, ${load[1].toFixed(1)} at the end.

**Machine.** ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; PGlite with its data folder in a
temporary directory; PostgreSQL 15 on the same machine (127.0.0.1, pool of 10). Each driver runs in its
own child process (server and database); the load generator and the hall screens run in a further
child process, so they compete with the server for the same two cores but not for its event loop.
The per-driver load average is in the last row: above 2, other work was competing for the cores.

**Data.** The Seoul 2013 demo (\`loadDemo\`), served by \`buildApp(services, { web: false })\` on 127.0.0.1,
as \`plenary serve\` does (on PostgreSQL with \`shareProgrammeCaches\`).

**What is timed.**
- *Throughput*: ${SCALE.connections} keep-alive connections (raw sockets, one request in flight on each, the next sent
  when the last byte of the answer has arrived), ${SCALE.durationS} s per path, the paths interleaved in ${SCALE.rounds} round(s)
  after a ${SCALE.warmUpS} s untimed warm-up of each; req/s is all answers over all rounds' time. The bare route is
  \`app.get('/bench/constant', async () => ({ ok: true }))\` on the same Fastify instance, so it passes the same
  hooks (helmet's headers, the auth plugin — no cookie, so no session lookup —, language negotiation); the ratio shows the
  cost of the programme routes themselves. No \`If-None-Match\`: every answer is a full 200.
  *Programme JSON, serialised once* is not a Plenary route: it is the fix proposed for the JSON
  route, registered by the bench on the same instance (\`services.programme.view(slug)\`, whose cached
  object is the key of a \`WeakMap\` holding its \`JSON.stringify\` text, sent as a string with
  \`content-type: application/json\`, so Fastify does not serialise it again).
- *Fan-out*: ${SCALE.screens} SSE connections to \`GET /api/editions/${SLUG}/sessions/${SESSION}/speakers/events\` (public),
  each waiting for its first \`view\` event; the secretariat signs in (\`POST /api/auth/sign-in\`) and sends
  ${SCALE.changes} \`list.configure\` commands (a new speaking time each), one at a time with 150 ms between them, to
  \`POST /api/editions/${SLUG}/sessions/${SESSION}/speakers\` with the CSRF header. Delivery = from just before the
  command is written to the moment a screen's stream holds the complete \`view\` event with the new version
  (measured in the screens' process, so it includes that process's own queueing of ${SCALE.screens} sockets).
  On PostgreSQL the screens are then connected to a second server, \`node bin/plenary.mjs serve --port 0 --no-demo\`
  on the same database, while the commands still go to the first: delivery through LISTEN/NOTIFY.
- *Search*: ${thousands(SCALE.statements)} statements generated (seeded) in en/ja/zh/fr/es/ko (original + English translation,
  30 % with a Japanese one; 5 % unpublished; \`search_text\` from \`buildSearchText\`, as the service writes it),
  inserted ${250} rows a statement, then \`ANALYZE statements\`. Timed: \`services.statements.search(slug, q, { lang })\`
  (default limit 20, with presentation and snippets), the ${QUERIES.length} queries below in turn, ${SCALE.searchRounds} rounds, after two untimed rounds.

With \`--profile\`, the CPU profiles below come from an extra, untimed run of each path (pages), five
untimed rounds of the queries (search), and the measured changes themselves (fan-out: the sampler adds
a little to those delivery times); shares are of the samples in which the server was busy.

✗ marks a missed target (ratio ≥ 50 %, fan-out p99 < 200 ms, search p99 < 30 ms).

${markdownTable(header, rowsFor(results))}
${skipped.length > 0 ? `\nSkipped:\n${skipped.join('\n')}\n` : ''}${profiles.join('')}`;
}

// ---------------------------------------------------------------------------------------------
// Entry points

const runChild = (driver: Driver) => runDriverInChild<DriverResult>(THIS_FILE, driver);

async function main() {
  const role = option('role');
  if (role) {
    const result = await runRole(role);
    process.stdout.write(`${JSON.stringify({ result })}\n`);
    process.exit(0);
  }
  const driver = option('driver') as Driver | undefined;
  if (driver) {
    const result = await runDriver(driver);
    writeFileSync(option('out') ?? '/dev/stdout', JSON.stringify(result));
    return;
  }
  const started = performance.now();
  const startLoad = loadavg()[0] ?? 0;
  const only = option('only');
  const drivers = (['pglite', 'postgres'] as const).filter((d) => !only || d === only);
  console.log(
    `Programme bench: ${SCALE.connections} connections × ${SCALE.durationS} s × ${SCALE.rounds} rounds, ${SCALE.screens} screens × ${SCALE.changes} changes, ${thousands(SCALE.statements)} statements${flag('quick') ? ' (quick)' : ''}`,
  );
  const results: DriverResult[] = [];
  for (const d of drivers) {
    console.log(`\n${d}:`);
    let result: DriverResult;
    try {
      result = await runChild(d);
    } catch (error) {
      // One driver failing must not lose the other's figures.
      result = {
        driver: d,
        skipped: `the run failed: ${(error as Error).message}`,
        quick: flag('quick'),
        setupMs: 0,
        throughput: [],
        profiles: {},
        fanOut: { sameProcess: null, crossProcess: null },
        search: null,
        load: [0, 0],
      };
    }
    results.push(result);
    if (result.skipped) console.log(`  ${result.skipped}`);
    else console.log(textTable(['', d], rowsFor([result])));
    for (const [p, lines] of Object.entries(result.profiles))
      console.log(`\nCPU profile of the server, ${d}, ${p} (self time):\n${lines.join('\n')}`);
    for (const plan of result.search?.explain ?? []) console.log(`\n${plan}`);
  }
  const ran = results.filter((r) => !r.skipped);
  if (ran.length > 1) {
    console.log(
      `\nSide by side:\n${textTable(['', ...ran.map((r) => r.driver)], rowsFor(results))}`,
    );
  }
  const wall = (performance.now() - started) / 1000;
  // A smoke run or a partial one must not replace the recorded figures.
  if (flag('quick') || flag('search-only')) {
    console.log(
      `\nWhole run ${wall.toFixed(0)} s (${flag('quick') ? 'quick' : 'partial'} run: ${path.relative(process.cwd(), DOC_FILE)} left as it was)`,
    );
    return;
  }
  writeFileSync(DOC_FILE, markdown(results, wall, [startLoad, loadavg()[0] ?? 0]));
  console.log(
    `\nWhole run ${wall.toFixed(0)} s; figures written to ${path.relative(process.cwd(), DOC_FILE)}`,
  );
}

await main();
