import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SQL, sql, TransactionRollbackError } from 'drizzle-orm';
import { copyRows, encodeCopyBinary } from '../src/db/bulk.js';
import type { Database } from '../src/db/connection.js';
import {
  categories,
  delegations,
  editions,
  type Localized,
  type OrganisationKind,
  organisations,
  REGISTRATION_CATEGORIES,
  type RegistrationCategory,
  series,
  users,
} from '../src/db/schema.js';
import { actorFor } from '../src/features/accounts/accounts.service.js';
import { systemActor } from '../src/features/accounts/actor.js';
import { hashPassword } from '../src/features/accounts/passwords.js';
import {
  IMPORT_COLUMNS,
  importRecord,
  QUEUE_COUNT_CAP,
  SEARCH_COUNT_CAP,
} from '../src/features/accreditation/accreditation.service.js';
import { parseParticipantFile } from '../src/features/accreditation/participant-import.js';
import { allIso3 } from '../src/platform/countries.js';
import { encodeCursor } from '../src/platform/cursor.js';
import { increasingUuids } from '../src/platform/ids.js';
import { buildApp } from '../src/server/app.js';
import { createServices } from '../src/server/services.js';
import {
  type Driver,
  flag,
  log,
  markdownTable,
  ms,
  openForBench,
  option,
  type Rng,
  rng,
  runDriverInChild,
  type Stats,
  select,
  stats,
  textTable,
  thousands,
} from './harness.js';

const THIS_FILE = fileURLToPath(import.meta.url);
const DOC_FILE = fileURLToPath(new URL('../docs/benchmarks-accreditation.md', import.meta.url));
const SLUG = 'cop-bench';
const PASSWORD = 'bench password, not secret';
const SEED = 20_260_301;

interface Scale {
  delegations: number;
  rowsPerDelegation: number;
  bigFileRows: number;
  samples: number;
  warmUp: number;
  /** Time allowed to one series of latency samples. */
  budgetMs: number;
}

const SCALE: Scale = flag('quick')
  ? {
      delegations: 20,
      rowsPerDelegation: 500,
      bigFileRows: 2_000,
      samples: 200,
      warmUp: 20,
      budgetMs: 10_000,
    }
  : {
      delegations: 200,
      rowsPerDelegation: 500,
      bigFileRows: 20_000,
      samples: 500,
      warmUp: 50,
      budgetMs: 25_000,
    };

// ---------------------------------------------------------------------------------------------
// Deterministic data

const FAMILY = [
  'Abe',
  'Adeyemi',
  'Almeida',
  'Andersson',
  'Bakker',
  'Banerjee',
  'Barros',
  'Becker',
  'Bianchi',
  'Chen',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fernandes',
  'Fischer',
  'Garcia',
  'Gonzalez',
  'Haddad',
  'Hansen',
  'Hernandez',
  'Ibrahim',
  'Ivanova',
  'Jansen',
  'Kariuki',
  'Khan',
  'Kim',
  'Kowalski',
  'Lee',
  'Lindqvist',
  'Lopez',
  'Martin',
  'Mensah',
  'Moreau',
  'Muller',
  'Nakamura',
  'Nguyen',
  'Novak',
  'Okafor',
  'Olsen',
  'Park',
  'Petrov',
  'Rahman',
  'Rossi',
  'Santos',
  'Schmidt',
  'Silva',
  'Singh',
  'Smith',
  'Suzuki',
  'Tanaka',
  'Traore',
  'Vargas',
  'Wang',
  'Watanabe',
  'Wilson',
  'Yamamoto',
  'Yilmaz',
  'Zhang',
  "O'Neill",
  'Van der Berg',
] as const;
const GIVEN = [
  'Aiko',
  'Amara',
  'Ana',
  'Anders',
  'Chen',
  'Daniel',
  'Elena',
  'Fatima',
  'Hiroshi',
  'Ingrid',
  'Jae-won',
  'Jean-Pierre',
  'Kofi',
  'Laura',
  'Leila',
  'Lucas',
  'Maria',
  'Mateo',
  'Mei',
  'Mohammed',
  'Nadia',
  'Norio',
  'Olga',
  'Omar',
  'Priya',
  'Rafael',
  'Sara',
  'Sipho',
  'Tomás',
  'Yuki',
] as const;
/** Rows with Japanese names too: family, given, in Latin letters and in kanji. */
const JAPANESE = [
  ['Tanaka', 'Hiroshi', '田中', '博'],
  ['Suzuki', 'Yuki', '鈴木', '由紀'],
  ['Watanabe', 'Aiko', '渡辺', '愛子'],
  ['Nakamura', 'Norio', '中村', '憲生'],
  ['Yamamoto', 'Kenji', '山本', '健二'],
  ['Mitsuya', 'Norio', '三ッ矢', '憲生'],
] as const;
const TITLES = [
  ['Delegate', ''],
  ['Adviser', '顧問'],
  ['Negotiator, Climate Finance', ''],
  ['Director, Global Environment Division', '地球環境課長'],
  ['Counsellor, Permanent Mission', ''],
  ['Senior Technical Expert', ''],
] as const;
const QUEUE_VARIANTS = ['page', 'delegation', 'category', 'all', 'search'] as const;
const SEARCHES = ['tanaka', 'sson', 'Ivanova', 'moreau', 'park', '田中', 'jean', 'xyzzy'] as const;

interface DelegationSpec {
  code: string;
  kind: OrganisationKind;
  iso3: string | null;
  name: string;
  categories: readonly RegistrationCategory[];
}

/** 200 delegations: mostly Parties, then intergovernmental organisations, NGOs and media. */
function delegationSpecs(n: number): DelegationSpec[] {
  const states = allIso3().filter((c) => c !== 'ATA');
  const specs: DelegationSpec[] = [];
  const parties = Math.round(n * 0.85);
  const igos = Math.round(n * 0.1);
  for (let i = 0; i < n; i++) {
    if (i < parties) {
      const iso3 = states[i]!;
      specs.push({
        code: iso3,
        kind: 'state',
        iso3,
        name: '',
        categories: ['party', 'party', 'party', 'party_overflow'],
      });
    } else if (i < parties + igos) {
      const k = String(i - parties + 1).padStart(3, '0');
      specs.push({
        code: `IGO-${k}`,
        kind: 'international_organisation',
        iso3: null,
        name: `Intergovernmental Organisation ${k}`,
        categories: ['igo'],
      });
    } else {
      const k = String(i - parties - igos + 1).padStart(3, '0');
      const media = i % 3 === 0;
      specs.push({
        code: media ? `MEDIA-${k}` : `NGO-${k}`,
        kind: media ? 'media' : 'civil_society',
        iso3: null,
        name: media ? `News Agency ${k}` : `Civil Society Network ${k}`,
        categories: media ? ['media'] : ['ngo', 'observer'],
      });
    }
  }
  return specs;
}

const HEADER =
  'family_name,given_name,family_name_ja,given_name_ja,title,title_ja,rank,category,email,gender,nationality,date_of_birth,passport_number,consent_to_publish';

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A delegation's list as its focal point would export it from a spreadsheet: CSV, UTF-8, CRLF. */
function participantCsv(
  random: Rng,
  spec: DelegationSpec,
  rows: number,
  states: readonly string[],
): Uint8Array {
  const lines = [HEADER];
  const seen = new Set<string>();
  for (let i = 0; i < rows; i++) {
    let family: string;
    let given: string;
    let familyJa = '';
    let givenJa = '';
    if (spec.iso3 === 'JPN' || random.int(20) === 0) {
      [family, given, familyJa, givenJa] = random.pick(JAPANESE);
    } else {
      family = random.pick(FAMILY);
      given = random.pick(GIVEN);
    }
    // The importer refuses the same name and date of birth twice in one file.
    let dateOfBirth: string;
    do {
      const year = 1950 + random.int(50);
      dateOfBirth = `${year}-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`;
    } while (seen.has(`${family}|${given}|${dateOfBirth}`));
    seen.add(`${family}|${given}|${dateOfBirth}`);
    const [title, titleJa] =
      i === 0 ? ['Minister for the Environment', '環境大臣'] : random.pick(TITLES);
    const rank =
      i === 0
        ? 'Minister'
        : i < 3
          ? 'State Minister'
          : i < 8
            ? 'ambassador'
            : random.int(4) === 0
              ? 'delegate'
              : '';
    const category = random.pick(spec.categories);
    const local = `${given}.${family}`.toLowerCase().replace(/[^a-z.]/g, '');
    const email = random.int(10) === 0 ? '' : `${local}${i}@${spec.code.toLowerCase()}.example.org`;
    const nationality = spec.iso3 ?? random.pick(states);
    lines.push(
      [
        family,
        given,
        familyJa,
        givenJa,
        title,
        titleJa,
        rank,
        category,
        email,
        random.pick(['female', 'male', '']),
        nationality,
        dateOfBirth,
        `${String.fromCharCode(65 + random.int(26))}${String.fromCharCode(65 + random.int(26))}${String(1_000_000 + random.int(8_999_999))}`,
        random.pick(['yes', 'no', 'yes', '']),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

// ---------------------------------------------------------------------------------------------
// Measuring

/**
 * Runs `warmUp` untimed calls, then `n` timed ones one after another (as one user clicking).
 * A slow query must not make the run endless: sampling stops after `SCALE.budgetMs`, and the
 * figures say how many samples they rest on.
 */
async function latency<V extends string>(
  n: number,
  warmUp: number,
  call: (i: number) => { variant: V; run: () => Promise<unknown> },
): Promise<{ all: Stats; cpu: Stats; byVariant: Record<string, Stats> }> {
  const warmStart = performance.now();
  for (let i = 0; i < warmUp && performance.now() - warmStart < SCALE.budgetMs / 5; i++)
    await call(-1 - i).run();
  const all: number[] = [];
  const cpu: number[] = [];
  const byVariant = new Map<string, number[]>();
  const start = performance.now();
  for (let i = 0; i < n && performance.now() - start < SCALE.budgetMs; i++) {
    const { variant, run } = call(i);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    all.push(ms);
    const list = byVariant.get(variant) ?? [];
    list.push(ms);
    byVariant.set(variant, list);
  }
  return {
    all: stats(all),
    cpu: stats(cpu),
    byVariant: Object.fromEntries([...byVariant].map(([k, v]) => [k, stats(v)])),
  };
}

/** The heap is sampled (V8 has no high-water mark); RSS comes from the kernel's maxRSS. */
function memoryWatch() {
  let heap = 0;
  let external = 0;
  const sample = () => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    external = Math.max(external, m.external);
  };
  const timer = setInterval(sample, 25);
  timer.unref();
  return {
    peak() {
      sample();
      return {
        maxRssMiB: process.resourceUsage().maxRSS / 1024,
        heapUsedMiB: heap / 2 ** 20,
        externalMiB: external / 2 ** 20,
      };
    },
    stop: () => clearInterval(timer),
  };
}

// ---------------------------------------------------------------------------------------------
// One driver (child process)

interface DriverResult {
  driver: Driver;
  skipped?: string;
  quick: boolean;
  openMs: number;
  delegations: number;
  participants: number;
  import: {
    rows: number;
    files: number;
    ms: number;
    cpuMs: number;
    parseMs: number;
    fileP50Ms: number;
    fileMaxMs: number;
  };
  bigImport: { rows: number; ms: number; parseMs: number };
  /** The 200 files again, two uploads at a time (after everything else). */
  concurrentImport: { rows: number; ms: number };
  /** One COPY of 500 rows already checked and encoded, rolled back: p50 ms per structure set. */
  databaseShare: { participants: number; files: number; ms: Record<string, number> };
  settleMs: number;
  service: {
    members: Stats;
    queue: Stats;
    queueByVariant: Record<string, Stats>;
    membersCpu: Stats;
    queueCpu: Stats;
  };
  http: { members: Stats; queue: Stats; queueByVariant: Record<string, Stats> };
  memory: { afterImport: MemoryFigures; end: MemoryFigures };
  storageMiB: number;
  /** Load average over one minute when the driver's run began and ended: other work on the machine. */
  load: [number, number];
  explain?: string[];
}
type MemoryFigures = ReturnType<ReturnType<typeof memoryWatch>['peak']>;

async function runDriver(driver: Driver): Promise<DriverResult> {
  const memory = memoryWatch();
  const empty = { n: 0, p50: 0, p99: 0, mean: 0, max: 0 };
  const base: DriverResult = {
    driver,
    quick: flag('quick'),
    openMs: 0,
    delegations: 0,
    participants: 0,
    import: { rows: 0, files: 0, ms: 0, cpuMs: 0, parseMs: 0, fileP50Ms: 0, fileMaxMs: 0 },
    bigImport: { rows: 0, ms: 0, parseMs: 0 },
    concurrentImport: { rows: 0, ms: 0 },
    databaseShare: { participants: 0, files: 0, ms: {} },
    settleMs: 0,
    service: {
      members: empty,
      queue: empty,
      queueByVariant: {},
      membersCpu: empty,
      queueCpu: empty,
    },
    http: { members: empty, queue: empty, queueByVariant: {} },
    memory: { afterImport: memory.peak(), end: memory.peak() },
    storageMiB: 0,
    load: [loadavg()[0] ?? 0, 0],
  };
  const t0 = performance.now();
  const opened = await openForBench(driver, 'accreditation bench');
  if (typeof opened === 'string') return { ...base, skipped: opened };
  const { database } = opened;
  try {
    await database.migrate();
    const result: DriverResult = { ...base, openMs: performance.now() - t0 };
    log(`${driver}: opened and migrated in ${(result.openMs / 1000).toFixed(1)} s`);
    const services = createServices(database);
    const db = database.db;
    const random = rng(SEED);

    // The conference: one edition, every category open (no deadline), 200 delegations.
    const specs = delegationSpecs(SCALE.delegations + 1);
    const bigSpec = specs.pop()!;
    const [s] = await db
      .insert(series)
      .values({ slug: 'cop-bench', name: { en: 'Conference of the Parties (bench)' } })
      .returning();
    const [edition] = await db
      .insert(editions)
      .values({
        seriesId: s!.id,
        slug: SLUG,
        ordinal: 1,
        name: { en: 'COP (bench)' },
        hostIso3: 'BRA',
        city: { en: 'Belém' },
        timeZone: 'America/Belem',
        startDate: '2026-11-10',
        endDate: '2026-11-21',
        status: 'open',
      })
      .returning();
    await db.insert(categories).values(
      REGISTRATION_CATEGORIES.map((code) => ({
        editionId: edition!.id,
        code,
        name: { en: code },
        colour: '#1d4ed8',
        deadline: null,
      })),
    );
    const orgs = await db
      .insert(organisations)
      .values(
        [...specs, bigSpec].map((d) => ({
          kind: d.kind,
          iso3: d.iso3,
          code: d.code,
          name: (d.iso3 ? {} : { en: d.name }) as Localized,
        })),
      )
      .returning();
    await db
      .insert(delegations)
      .values(orgs.map((o) => ({ editionId: edition!.id, organisationId: o.id, code: o.code })));
    const [officer] = await db
      .insert(users)
      .values({
        email: 'officer@bench.example',
        displayName: 'Bench Secretariat Officer',
        passwordHash: await hashPassword(PASSWORD),
        role: 'secretariat',
      })
      .returning();
    const secretariat = actorFor({ ...officer!, delegationId: null, participantId: null });
    const importer = systemActor('bench');
    const states = allIso3();

    // 1. Bulk import: every file parsed, validated and inserted by the service, one after another.
    const fileMs: number[] = [];
    let parseMs = 0;
    let cpuMs = 0;
    for (const [index, spec] of specs.entries()) {
      const bytes = participantCsv(random, spec, SCALE.rowsPerDelegation, states);
      const fileName = `${spec.code.toLowerCase()}-participants.csv`;
      // Parsing alone, on the same bytes, to split the import's time (not part of the import figure).
      const p0 = performance.now();
      await parseParticipantFile(bytes, fileName, { defaultCategory: 'party' });
      parseMs += performance.now() - p0;
      const c0 = process.cpuUsage();
      const i0 = performance.now();
      const summary = await services.accreditation.importParticipants(importer, SLUG, spec.code, {
        fileName,
        bytes,
        mode: 'all-or-nothing',
      });
      fileMs.push(performance.now() - i0);
      const cpu = process.cpuUsage(c0);
      cpuMs += (cpu.user + cpu.system) / 1000;
      if (summary.imported !== SCALE.rowsPerDelegation)
        throw new Error(`${spec.code}: imported ${summary.imported}`);
      if ((index + 1) % 50 === 0) log(`${driver}: imported ${index + 1}/${specs.length} files`);
    }
    const importMs = fileMs.reduce((a, b) => a + b, 0);
    const fileStats = stats(fileMs);
    result.import = {
      rows: specs.length * SCALE.rowsPerDelegation,
      files: specs.length,
      ms: importMs,
      cpuMs,
      parseMs,
      fileP50Ms: fileStats.p50,
      fileMaxMs: fileStats.max,
    };
    result.delegations = specs.length;
    result.participants = result.import.rows;
    result.memory.afterImport = memory.peak();
    log(`${driver}: ${result.import.rows} rows in ${(importMs / 1000).toFixed(1)} s`);

    // The statistics the service gathers when imports pause (createAnalyzer), before measuring.
    const s0 = performance.now();
    await services.accreditation.settle();
    result.settleMs = performance.now() - s0;
    // PGlite has no autovacuum: without this its tables keep no visibility map.
    if (flag('vacuum')) await db.execute(sql`vacuum (analyze) participants`);

    // 2. Latency, at exactly the COP scale (the big file comes after).
    const codes = specs.map((d) => d.code);
    const usedCategories = [...new Set(specs.flatMap((d) => d.categories))];
    // Cursors of rows spread over the whole queue, as earlier pages would have handed them out.
    const cursors = (
      await select<{ created_at: string; id: string }>(
        database,
        sql`select created_at::text as created_at, id from participants where status = 'nominated' order by md5(id::text) limit 1000`,
      )
    ).map((row) => encodeCursor({ createdAt: row.created_at, id: row.id }));
    const VARIANTS = QUEUE_VARIANTS;
    // The same request sequence for the service and for HTTP, from its own seeded generator.
    const queueQuery = (r: Rng, i: number) => {
      const variant = VARIANTS[Math.abs(i) % VARIANTS.length]!;
      const query: {
        status: 'nominated' | 'all';
        pageSize: number;
        after?: string;
        before?: string;
        delegation?: string;
        category?: RegistrationCategory;
        q?: string;
      } = {
        status: 'nominated',
        pageSize: 50,
      };
      // A page anywhere in the queue, reached by its cursor: half forward, half back.
      if (variant === 'page') {
        const cursor = r.pick(cursors);
        if (r.int(2) === 0) query.after = cursor;
        else query.before = cursor;
      }
      if (variant === 'delegation') query.delegation = r.pick(codes);
      // Every status at once, anywhere in the list.
      if (variant === 'all') {
        query.status = 'all';
        query.after = r.pick(cursors);
      }
      if (variant === 'category') {
        query.category = r.pick(usedCategories);
        if (r.int(2) === 0) query.after = r.pick(cursors);
      }
      if (variant === 'search') query.q = r.pick(SEARCHES);
      return { variant, query };
    };

    let r = rng(SEED + 1);
    const members = await latency(SCALE.samples, SCALE.warmUp, () => ({
      variant: 'members',
      run: () =>
        services.accreditation.listMembers(
          secretariat,
          SLUG,
          r.pick(codes),
          { page: 1, pageSize: 50 },
          'en',
        ),
    }));
    r = rng(SEED + 2);
    const queue = await latency(SCALE.samples, SCALE.warmUp, (i) => {
      const { variant, query } = queueQuery(r, i);
      return { variant, run: () => services.accreditation.queue(secretariat, SLUG, query, 'en') };
    });
    result.service = {
      members: members.all,
      queue: queue.all,
      queueByVariant: queue.byVariant,
      membersCpu: members.cpu,
      queueCpu: queue.cpu,
    };
    log(`${driver}: service latency measured`);

    const app = await buildApp(services, { web: false });
    try {
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: officer!.email, password: PASSWORD },
      });
      const session = signIn.cookies.find((c) => c.name === 'plenary_session');
      if (signIn.statusCode !== 200 || !session) throw new Error(`sign-in failed: ${signIn.body}`);
      const headers = { cookie: `plenary_session=${session.value}` };
      const get = async (url: string) => {
        const response = await app.inject({ method: 'GET', url, headers });
        if (response.statusCode !== 200)
          throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        return response;
      };
      r = rng(SEED + 1);
      const httpMembers = await latency(SCALE.samples, SCALE.warmUp, () => ({
        variant: 'members',
        run: () =>
          get(`/api/editions/${SLUG}/delegations/${r.pick(codes)}/participants?page=1&pageSize=50`),
      }));
      r = rng(SEED + 2);
      const httpQueue = await latency(SCALE.samples, SCALE.warmUp, (i) => {
        const { variant, query } = queueQuery(r, i);
        const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
        return { variant, run: () => get(`/api/editions/${SLUG}/queue?${search}`) };
      });
      result.http = {
        members: httpMembers.all,
        queue: httpQueue.all,
        queueByVariant: httpQueue.byVariant,
      };
    } finally {
      await app.close();
    }
    log(`${driver}: HTTP latency measured`);

    if (flag('explain')) result.explain = await explainQueries(database, edition!.id, codes);

    // 1b. One big file: 20,000 rows in one upload, to a delegation of its own.
    const bigBytes = participantCsv(random, bigSpec, SCALE.bigFileRows, states);
    const bigName = `${bigSpec.code.toLowerCase()}-participants.csv`;
    const b0 = performance.now();
    await parseParticipantFile(bigBytes, bigName, { defaultCategory: 'party' });
    const bigParseMs = performance.now() - b0;
    const b1 = performance.now();
    const big = await services.accreditation.importParticipants(importer, SLUG, bigSpec.code, {
      fileName: bigName,
      bytes: bigBytes,
      mode: 'all-or-nothing',
    });
    result.bigImport = { rows: big.imported, ms: performance.now() - b1, parseMs: bigParseMs };
    if (big.imported !== SCALE.bigFileRows) throw new Error(`big file: imported ${big.imported}`);
    log(
      `${driver}: big file of ${big.imported} rows in ${(result.bigImport.ms / 1000).toFixed(1)} s`,
    );

    result.storageMiB = await opened.storage();

    // 1c. Two uploads at a time, as when focal points send their lists at once: the same 200
    // delegations, 500 new participants each, two files in flight (each its own transaction).
    const files = specs.map((spec) => ({
      spec,
      bytes: participantCsv(random, spec, SCALE.rowsPerDelegation, states),
    }));
    let nextFile = 0;
    const uploader = async () => {
      for (let f = files[nextFile++]; f; f = files[nextFile++]) {
        const done = await services.accreditation.importParticipants(importer, SLUG, f.spec.code, {
          fileName: `${f.spec.code.toLowerCase()}-more.csv`,
          bytes: f.bytes,
          mode: 'all-or-nothing',
        });
        if (done.imported !== SCALE.rowsPerDelegation)
          throw new Error(`${f.spec.code}: imported ${done.imported}`);
      }
    };
    const u0 = performance.now();
    await Promise.all([uploader(), uploader()]);
    result.concurrentImport = {
      rows: files.length * SCALE.rowsPerDelegation,
      ms: performance.now() - u0,
    };
    log(
      `${driver}: ${result.concurrentImport.rows} rows, two files at a time, in ${(result.concurrentImport.ms / 1000).toFixed(1)} s`,
    );
    // 1d. The database's share of an import: the same COPY without this process's work.
    const delegationIds = new Map(
      (
        await select<{ code: string; id: string }>(
          database,
          sql`select code, id from delegations where edition_id = ${edition!.id}`,
        )
      ).map((d) => [d.code, d.id]),
    );
    result.databaseShare = await databaseShare(
      database,
      edition!.id,
      specs.slice(0, SHARE_FILES).map((spec) => ({
        delegationId: delegationIds.get(spec.code)!,
        bytes: participantCsv(random, spec, SCALE.rowsPerDelegation, states),
      })),
    );
    log(`${driver}: the database's share of an import measured`);
    result.load[1] = loadavg()[0] ?? 0;
    result.memory.end = memory.peak();
    return result;
  } finally {
    memory.stop();
    await opened.cleanUp();
  }
}

/** The structures whose upkeep an import pays for, each left out in turn by `databaseShare`. */
const STRUCTURES: readonly (readonly [label: string, ddl: string | null])[] = [
  ['every index and key', null],
  ['without the trigram index (name search)', 'drop index participants_name_search'],
  ['without the email index', 'drop index participants_email'],
  ['without the queue-by-category index', 'drop index participants_queue_category'],
  ['without the queue index', 'drop index participants_queue'],
  ['without the delegation index', 'drop index participants_delegation'],
  [
    'without the delegation–edition foreign key',
    'alter table participants drop constraint participants_delegation_edition_fk',
  ],
];
const SHARE_FILES = 12;
const COMMITTED = 'the same COPY committed: BEGIN to COMMIT (these rows stay)';

/**
 * What an import costs the database alone: one COPY of a file's rows, already checked and
 * encoded (the encoding is timed apart and taken off), in a transaction that is rolled back, with
 * every structure and then without each (DDL is transactional, so nothing stays dropped). It
 * bounds what any import can reach, whatever this process does. The order of the structure sets
 * turns with each file, so that none is always first.
 */
async function databaseShare(
  database: Database,
  editionId: string,
  files: { delegationId: string; bytes: Uint8Array }[],
): Promise<DriverResult['databaseShare']> {
  const [row] = await select<{ n: number }>(
    database,
    sql`select count(*)::int as n from participants`,
  );
  const samples = new Map<string, number[]>(STRUCTURES.map(([label]) => [label, []]));
  samples.set(COMMITTED, []);
  for (const [round, file] of files.entries()) {
    const parsed = await parseParticipantFile(file.bytes, 'share.csv', {
      defaultCategory: 'party',
    });
    const now = new Date();
    const keys = increasingUuids(parsed.rows.length);
    const records = parsed.rows.map((row, k) =>
      importRecord(row, keys[k]!, editionId, file.delegationId, now),
    );
    const e0 = performance.now();
    encodeCopyBinary(IMPORT_COLUMNS, records);
    const encodeMs = performance.now() - e0;
    for (let k = 0; k < STRUCTURES.length; k++) {
      const [label, ddl] = STRUCTURES[(k + round) % STRUCTURES.length]!;
      await database.db
        .transaction(async (tx) => {
          if (ddl) await tx.execute(sql.raw(ddl));
          const t0 = performance.now();
          await copyRows(tx, 'participants', IMPORT_COLUMNS, records);
          samples.get(label)!.push(performance.now() - t0 - encodeMs);
          tx.rollback();
        })
        .catch((error) => {
          if (!(error instanceof TransactionRollbackError)) throw error;
        });
    }
    // Once more, committed (new keys; these rows stay): the transaction and the WAL flush too.
    const kept = increasingUuids(parsed.rows.length);
    const keptRecords = parsed.rows.map((row, k) =>
      importRecord(row, kept[k]!, editionId, file.delegationId, now),
    );
    const c0 = performance.now();
    await database.db.transaction((tx) =>
      copyRows(tx, 'participants', IMPORT_COLUMNS, keptRecords),
    );
    samples.get(COMMITTED)!.push(performance.now() - c0 - encodeMs);
  }
  return {
    participants: row?.n ?? 0,
    files: files.length,
    ms: Object.fromEntries([...samples].map(([label, ms]) => [label, stats(ms).p50])),
  };
}

/**
 * The plans of the measured queries, in the shape the service's Drizzle queries take
 * (accreditation.service.ts: listMembers, queue), for finding why one is slow.
 */
async function explainQueries(
  database: Database,
  editionId: string,
  codes: string[],
): Promise<string[]> {
  const delegationId = async (code: string) =>
    (
      await select<{ id: string }>(
        database,
        sql`select id from delegations where edition_id = ${editionId} and code = ${code}`,
      )
    )[0]!.id;
  const columns = sql.raw(
    'p.*, d.code as delegation_code, o.kind as org_kind, o.iso3 as org_iso3, o.name as org_name, o.code as org_code',
  );
  const credentials = sql.raw(
    `exists (select 1 from files f where f.delegation_id = d.id and f.kind = 'credentials')`,
  );
  const from = sql.raw(
    'participants p join delegations d on d.id = p.delegation_id join organisations o on o.id = d.organisation_id',
  );
  const member = await delegationId(codes[Math.floor(codes.length / 2)]!);
  // The queue's own queries (accreditation.service.ts queue): the page's keys by keyset, the
  // capped count, then the page's rows joined (the service sends the last two as one statement).
  const queueWhere = sql`p.edition_id = ${editionId} and p.status = 'nominated'`;
  // Half-way down the queue (row 50,000 at COP scale; a quick run has fewer).
  const middleRow = Math.floor((SCALE.delegations * SCALE.rowsPerDelegation) / 2);
  const [middle] = await select<{ created_at: string; id: string }>(
    database,
    sql`select created_at::text as created_at, id from participants p where ${queueWhere} order by created_at, id limit 1 offset ${middleRow}`,
  );
  const deep = sql`(p.created_at, p.id) > (${middle!.created_at}::timestamptz, ${middle!.id}::uuid)`;
  const keys = (where: SQL) =>
    sql`select p.id, p.created_at::text from participants p where ${where} order by p.created_at, p.id limit 51`;
  const capped = (where: SQL, cap = QUEUE_COUNT_CAP) =>
    sql`select count(*) from (select 1 from participants p where ${where} limit ${cap + 1}) capped`;
  const named = (q: string) => sql`${queueWhere} and p.name_search like ${`%${q}%`}`;
  const queries: [string, SQL][] = [
    [
      'listMembers: page 1 as one JSON document, with the count',
      sql`select coalesce(json_agg(page order by page.created_at, page.id), '[]')::text, (select count(*)::int from participants p where p.delegation_id = ${member}) from (select * from participants p where p.delegation_id = ${member} order by p.created_at, p.id limit 50 offset 0) page`,
    ],
    [
      `queue: keys of a page after row ${thousands(middleRow)}`,
      keys(sql`${queueWhere} and ${deep}`),
    ],
    ['queue: capped count', capped(queueWhere)],
    [
      'queue: the page joined, as one JSON document',
      sql`select coalesce(json_agg(page order by page.created_at, page.id), '[]')::text from (select ${columns}, ${credentials} from ${from} where p.id in (select p.id from participants p where ${queueWhere} and ${deep} order by p.created_at, p.id limit 50)) page`,
    ],
    [
      'queue: keys by delegation',
      keys(sql`${queueWhere} and p.delegation_id = ${await delegationId(codes[3]!)}`),
    ],
    ['queue: keys by category (observer)', keys(sql`${queueWhere} and p.category = 'observer'`)],
    [
      'queue: capped count by category (observer)',
      capped(sql`${queueWhere} and p.category = 'observer'`),
    ],
    ['queue: keys of search "sson"', keys(named('sson'))],
    ['queue: capped count of search "sson"', capped(named('sson'), SEARCH_COUNT_CAP)],
    ['queue: keys of search "田中" (no trigram)', keys(named('田中'))],
    ['queue: capped count of search "田中"', capped(named('田中'), SEARCH_COUNT_CAP)],
  ];
  const plans: string[] = [];
  for (const [title, query] of queries) {
    const rows = await select<Record<string, string>>(
      database,
      sql`explain (analyze, buffers, costs off) ${query}`,
    );
    plans.push(`-- ${title}\n${rows.map((row) => Object.values(row)[0]).join('\n')}`);
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Presenting

const rate = (rows: number, millis: number) =>
  millis > 0 ? thousands((rows / millis) * 1000) : '–';

function rowsFor(results: DriverResult[]): [string, ...string[]][] {
  const ran = results.filter((r) => !r.skipped);
  const row = (label: string, value: (r: DriverResult) => string): [string, ...string[]] => [
    label,
    ...ran.map(value),
  ];
  // The sample count is shown when the time budget cut a series short.
  const lat = (s: Stats, expected = SCALE.samples) =>
    `${ms(s.p50)} / ${ms(s.p99)}${s.n < expected ? ` (n=${s.n})` : ''}`;
  const target = (s: Stats) => (s.p99 < 20 ? '' : ' ✗');
  const rows: [string, ...string[]][] = [
    row('participants / delegations', (r) => `${thousands(r.participants)} / ${r.delegations}`),
    row('open + migrate (s)', (r) => (r.openMs / 1000).toFixed(1)),
    row(
      `import, ${ran[0]?.import.files ?? 0} files of ${SCALE.rowsPerDelegation} rows: rows/s (target ≥ 20,000)`,
      (r) =>
        `${rate(r.import.rows, r.import.ms)}${(r.import.rows / r.import.ms) * 1000 >= 20_000 ? '' : ' ✗'}`,
    ),
    row('  total time (s)', (r) => (r.import.ms / 1000).toFixed(1)),
    row('  CPU time of this process (s)', (r) => (r.import.cpuMs / 1000).toFixed(1)),
    row(
      '  of which parse + validate (s; rows/s)',
      (r) => `${(r.import.parseMs / 1000).toFixed(1)}; ${rate(r.import.rows, r.import.parseMs)}`,
    ),
    row(
      '  per file p50 / max (ms)',
      (r) => `${ms(r.import.fileP50Ms)} / ${ms(r.import.fileMaxMs)}`,
    ),
    row('  statistics after the import (ANALYZE, ms)', (r) => ms(r.settleMs)),
    row(
      `import, one file of ${thousands(ran[0]?.bigImport.rows ?? 0)} rows: rows/s`,
      (r) =>
        `${rate(r.bigImport.rows, r.bigImport.ms)}${(r.bigImport.rows / r.bigImport.ms) * 1000 >= 20_000 ? '' : ' ✗'}`,
    ),
    row(
      '  time (s); of which parse + validate (s)',
      (r) => `${(r.bigImport.ms / 1000).toFixed(2)}; ${(r.bigImport.parseMs / 1000).toFixed(2)}`,
    ),
    row(
      `import, the ${ran[0]?.import.files ?? 0} files again, two at a time: rows/s`,
      (r) =>
        `${rate(r.concurrentImport.rows, r.concurrentImport.ms)}${(r.concurrentImport.rows / r.concurrentImport.ms) * 1000 >= 20_000 ? '' : ' ✗'}`,
    ),
    row(
      `the database alone: COPY of ${SCALE.rowsPerDelegation} encoded rows, rolled back (p50 of ${ran[0]?.databaseShare.files ?? 0}; at ${thousands(ran[0]?.databaseShare.participants ?? 0)} participants): rows/s`,
      (r) => shareRate(r, STRUCTURES[0]![0]),
    ),
    ...[...STRUCTURES.slice(1).map(([label]) => label), COMMITTED].map((label) =>
      row(`  ${label}`, (r) => shareRate(r, label)),
    ),
    row(
      'listMembers p50 / p99 (ms), service',
      (r) => lat(r.service.members) + target(r.service.members),
    ),
    row('listMembers p50 / p99 (ms), HTTP', (r) => lat(r.http.members) + target(r.http.members)),
    row(
      'queue p50 / p99 (ms), service, all',
      (r) => lat(r.service.queue) + target(r.service.queue),
    ),
  ];
  for (const variant of QUEUE_VARIANTS) {
    rows.push(
      row(`  ${variantLabel(variant)}`, (r) =>
        r.service.queueByVariant[variant]
          ? lat(r.service.queueByVariant[variant], SCALE.samples / QUEUE_VARIANTS.length)
          : '–',
      ),
    );
  }
  rows.push(
    row(
      'CPU of this process per call p50 / p99 (ms): members; queue',
      (r) => `${lat(r.service.membersCpu)}; ${lat(r.service.queueCpu)}`,
    ),
  );
  rows.push(
    row('queue p50 / p99 (ms), HTTP, all', (r) => lat(r.http.queue) + target(r.http.queue)),
  );
  for (const variant of QUEUE_VARIANTS) {
    rows.push(
      row(`  ${variantLabel(variant)}`, (r) =>
        r.http.queueByVariant[variant]
          ? lat(r.http.queueByVariant[variant], SCALE.samples / QUEUE_VARIANTS.length)
          : '–',
      ),
    );
  }
  rows.push(
    row(
      'peak RSS after import / at end (MiB)',
      (r) => `${r.memory.afterImport.maxRssMiB.toFixed(0)} / ${r.memory.end.maxRssMiB.toFixed(0)}`,
    ),
    row('peak heap used (MiB, sampled)', (r) => r.memory.end.heapUsedMiB.toFixed(0)),
    row('peak external incl. WASM memory (MiB)', (r) => r.memory.end.externalMiB.toFixed(0)),
    row('data on disk before the two-at-a-time import (MiB)', (r) => r.storageMiB.toFixed(0)),
    row('machine load average, start / end', (r) => r.load.map((l) => l.toFixed(1)).join(' / ')),
  );
  return rows;
}

function shareRate(r: DriverResult, label: string): string {
  const p50 = r.databaseShare.ms[label];
  return p50 ? rate(SCALE.rowsPerDelegation, p50) : '–';
}

function variantLabel(variant: string): string {
  return (
    {
      page: 'a page anywhere in all 100,000, by cursor',
      delegation: 'filter by delegation, page 1',
      category: 'filter by category, page 1 or by cursor',
      search: 'name search, page 1',
      all: 'every status, by cursor',
    }[variant] ?? variant
  );
}

function markdown(results: DriverResult[], wallSeconds: number): string {
  const ran = results.filter((r) => !r.skipped);
  const header = [
    '',
    ...ran.map((r) => (r.driver === 'pglite' ? 'PGlite (data folder)' : 'PostgreSQL 15')),
  ];
  const skipped = results.filter((r) => r.skipped).map((r) => `- ${r.driver}: ${r.skipped}`);
  const n = ran[0]?.delegations ?? SCALE.delegations;
  return `## Accreditation at COP scale

\`npm run bench:accreditation\` (\`bench/accreditation.bench.ts\`; \`-- --quick\` for 10,000 participants).
Run on ${new Date().toISOString().slice(0, 10)}, ${flag('quick') ? '**quick run**, ' : ''}${flag('vacuum') ? '`VACUUM (ANALYZE) participants` after the import, ' : ''}whole run ${wallSeconds.toFixed(0)} s.

**Machine.** 2 cores, Node ${process.version}; PGlite ${pgliteVersion()} with its data folder in a temporary
directory (as production uses it, not in memory); PostgreSQL 15 on the same machine (127.0.0.1, pool of 10).
Each driver runs in its own child process, so memory peaks are separate. The machine's one-minute
load average during each driver's run is in the last row: above 2, other work was competing for the two
cores and every figure is pessimistic by roughly that factor.

**Data.** One edition, all nine registration categories open, ${n} delegations (85 % Parties named by ISO
3166 codes, 10 % intergovernmental organisations, the rest NGOs and media), ${SCALE.rowsPerDelegation} participants
each: ${thousands(n * SCALE.rowsPerDelegation)} participants, all \`nominated\` (the queue's worst case). Seeded, so every run
imports the same files: CSV in UTF-8 with CRLF, all 14 columns, about 5 % of rows with Japanese names,
a head of delegation, state ministers and ambassadors by label (\`Minister\`, \`State Minister\`), emails,
passport numbers, dates of birth unique per name within a file.

**What is timed.**
- *Import*: \`services.accreditation.importParticipants(systemActor, slug, code, { fileName, bytes, mode: 'all-or-nothing' })\`
  for each file, one after another; the time covers everything the service does: the delegation lookup,
  decoding, CSV parsing, validation, duplicate detection, the category checks, the inserts
  (one binary COPY per file with UUIDv7 keys made by the service, one transaction per file) and the audit event. The rows
  are checked 100 at a time and each batch is sent as soon as it is checked: a PostgreSQL server inserts it while the next
  is checked; PGlite gets them in one blob (5,000 rows at most), since it runs in this thread. The service gathers
  table statistics (ANALYZE) when imports pause, not inside one; the bench waits for that
  (\`settle()\`, timed as "statistics after the import") before measuring latency. Generating the CSV is not
  timed. "Parse + validate" is \`parseParticipantFile\` alone on the same bytes, timed separately, to
  split the figure. The ${thousands(SCALE.bigFileRows)}-row file goes to a delegation of its own *after* the
  latency measurements, so those see exactly ${thousands(n * SCALE.rowsPerDelegation)} participants.
  Last, the ${n} delegations each send ${SCALE.rowsPerDelegation} more participants, two uploads in flight at a time (as when
  focal points send their lists at once; each file its own transaction; timed from the first to the last). On
  PostgreSQL one file's parsing overlaps the other's COPY on the server; PGlite runs in this process's one thread, so
  its two uploads take turns.
- *The database alone*: after everything else, ${SHARE_FILES} more files are checked and encoded (untimed) and each is
  sent in one COPY inside a transaction that is then rolled back, so the table does not grow; the time of encoding
  the rows is measured apart and taken off. That is the database's own share of an import, a bound on what any
  import can reach however little this process does. The same COPY is then timed with each index, and the foreign
  key, dropped inside the transaction (DDL rolls back too); the order turns with each file. Last, each file is
  copied once more and committed, timed from BEGIN to COMMIT: the transaction and the flush of its WAL
  included. Figures are the p50 of the ${SHARE_FILES} files as rows/s.
- *Latency*: ${SCALE.samples} sequential calls after ${SCALE.warmUp} untimed warm-up calls, as the secretariat officer;
  a series stops after ${SCALE.budgetMs / 1000} s so that a slow query cannot make the run endless, and then shows its sample count (n).
  \`listMembers\`: page 1, 50 a page, of a random delegation. \`queue\`: status \`nominated\`, 50 a page, the
  samples rotating over five shapes (so ${SCALE.samples / QUEUE_VARIANTS.length} each): a page anywhere in the whole queue, reached by
  the cursor of a random row (the queue pages by keyset: \`after\` or \`before\` a row, half each), filtered by a
  random delegation (first page), by a random category (first page, or after a random cursor), every
  status at once (after a random cursor), and a name search (\`q\` among ${SEARCHES.map((q) => `"${q}"`).join(', ')}). "HTTP" is the same sequence through
  \`app.inject\` (\`buildApp(services, { web: false })\`, session cookie): routing, the session lookup, schema
  validation and serialisation included; no network.
- *Memory*: \`process.resourceUsage().maxRSS\` (kernel high-water mark of the Node process; PGlite's WASM
  heap lives inside it, PostgreSQL's server processes do not) after the import and at the end; heap used
  sampled every 25 ms. "CPU of this process" is \`process.cpuUsage()\` around each call: with PGlite the database
  runs on the same thread, so it approximates the latency on an idle machine; with PostgreSQL it leaves out
  the server's own work. Data on disk: the PGlite data folder, or \`pg_database_size\`.

Latencies are p50 / p99 in milliseconds; ✗ marks a missed target (import ≥ 20,000 rows/s, p99 < 20 ms).

${markdownTable(header, rowsFor(results))}
${skipped.length > 0 ? `\nSkipped:\n${skipped.join('\n')}\n` : ''}`;
}

function pgliteVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(
        fileURLToPath(
          new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url),
        ),
        'utf8',
      ),
    );
    return String(pkg.version);
  } catch {
    return '0.5';
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points

const runChild = (driver: Driver) => runDriverInChild<DriverResult>(THIS_FILE, driver);

async function main() {
  const driver = option('driver') as Driver | undefined;
  if (driver) {
    const result = await runDriver(driver);
    writeFileSync(option('out') ?? '/dev/stdout', JSON.stringify(result));
    return;
  }
  const started = performance.now();
  const only = option('only');
  const drivers = (['pglite', 'postgres'] as const).filter((d) => !only || d === only);
  console.log(
    `Accreditation bench: ${SCALE.delegations} delegations × ${SCALE.rowsPerDelegation} participants${flag('quick') ? ' (quick)' : ''}`,
  );
  const results: DriverResult[] = [];
  for (const d of drivers) {
    console.log(`\n${d}:`);
    const result = await runChild(d);
    results.push(result);
    if (result.skipped) console.log(`  ${result.skipped}`);
    else console.log(textTable(['', d], rowsFor([result])));
    for (const plan of result.explain ?? []) console.log(`\n${plan}`);
  }
  const ran = results.filter((r) => !r.skipped);
  if (ran.length > 1) {
    console.log(
      `\nSide by side:\n${textTable(['', ...ran.map((r) => r.driver)], rowsFor(results))}`,
    );
  }
  const wall = (performance.now() - started) / 1000;
  // A smoke run must not replace the recorded COP-scale figures.
  if (flag('quick')) {
    console.log(
      `\nWhole run ${wall.toFixed(0)} s (quick run: ${path.relative(process.cwd(), DOC_FILE)} left as it was)`,
    );
    return;
  }
  writeFileSync(DOC_FILE, markdown(results, wall));
  console.log(
    `\nWhole run ${wall.toFixed(0)} s; figures written to ${path.relative(process.cwd(), DOC_FILE)}`,
  );
}

await main();
