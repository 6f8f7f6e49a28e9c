import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { desc, eq } from 'drizzle-orm';
import {
  delegations,
  editions,
  PARTICIPANT_STATUSES,
  type ParticipantStatus,
} from '../db/schema.js';
import { systemActor } from '../features/accounts/actor.js';
import type { ImportMode } from '../features/accreditation/accreditation.service.js';
import { PlenaryError } from '../platform/errors.js';
import { type Io, UsageError } from './main.js';
import { openServices } from './open.js';
import { parseOptions } from './options.js';

const ACTOR = systemActor('plenary CLI');

export async function runImport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    delegation: { type: 'string' },
    edition: { type: 'string' },
    mode: { type: 'string' },
  });
  const [what, file] = positionals;
  if (what !== 'participants' || !file)
    throw new UsageError('import participants FILE --delegation CODE');
  if (!values.delegation)
    throw new UsageError('--delegation CODE is required (e.g. --delegation JPN).');
  const mode = (values.mode ?? 'all-or-nothing') as ImportMode;
  if (!['validate', 'all-or-nothing', 'valid-rows'].includes(mode))
    throw new UsageError('--mode is validate, all-or-nothing or valid-rows.');
  const bytes = new Uint8Array(await readFile(file));
  const services = await openServices('plenary import');
  try {
    const slug =
      values.edition ?? (await latestEditionWith(services, values.delegation.toUpperCase()));
    const bar = new cliProgress.SingleBar(
      { stream: io.stderr, format: 'importing [{bar}] {value}/{total} rows', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    try {
      const result = await services.accreditation.importParticipants(
        ACTOR,
        slug,
        values.delegation,
        { fileName: path.basename(file), bytes, mode },
        (done, total) => {
          if (!started) {
            bar.start(total, 0);
            started = true;
          }
          bar.update(done);
        },
      );
      if (started) bar.stop();
      for (const e of result.errors.slice(0, 100))
        io.stderr.write(`line ${e.line ?? '?'}: ${e.field ?? ''}: ${e.message} [${e.code}]\n`);
      if (result.errors.length > 100)
        io.stderr.write(`… and ${result.errors.length - 100} more errors\n`);
      io.stdout.write(
        `${result.imported} of ${result.total} rows imported into ${values.delegation.toUpperCase()} at ${slug}; ${result.errors.length} error(s).\n`,
      );
      return result.errors.length > 0 && mode === 'validate' ? 65 : 0;
    } finally {
      if (started) bar.stop();
    }
  } finally {
    await services.database.close();
  }
}

export async function runExport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string' },
    edition: { type: 'string' },
    status: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals[0] !== 'participants')
    throw new UsageError('export participants --format csv|xlsx');
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--format is csv or xlsx.');
  if (values.status && !PARTICIPANT_STATUSES.includes(values.status as ParticipantStatus)) {
    throw new UsageError(`--status is one of ${PARTICIPANT_STATUSES.join(', ')}.`);
  }
  if (format === 'xlsx' && !values.out) throw new UsageError('XLSX is binary: give --out FILE.');
  const services = await openServices('plenary export');
  try {
    const slug = values.edition ?? (await latestEdition(services));
    const file = await services.accreditation.exportParticipants(
      ACTOR,
      slug,
      format,
      { status: values.status as ParticipantStatus | undefined },
      'en',
    );
    if (values.out) {
      await writeFile(values.out, file.body);
      io.stderr.write(`Wrote ${values.out} (${file.body.byteLength} bytes).\n`);
    } else {
      io.stdout.write(file.body);
    }
    return 0;
  } finally {
    await services.database.close();
  }
}

type Opened = Awaited<ReturnType<typeof openServices>>;

async function latestEdition(services: Opened): Promise<string> {
  const [row] = await services.database.db
    .select({ slug: editions.slug })
    .from(editions)
    .innerJoin(delegations, eq(delegations.editionId, editions.id))
    .orderBy(desc(editions.startDate))
    .limit(1);
  if (!row)
    throw new PlenaryError(
      'edition_not_found',
      'No edition has delegations yet; give --edition SLUG.',
    );
  return row.slug;
}

async function latestEditionWith(services: Opened, code: string): Promise<string> {
  const [row] = await services.database.db
    .select({ slug: editions.slug })
    .from(delegations)
    .innerJoin(editions, eq(editions.id, delegations.editionId))
    .where(eq(delegations.code, code))
    .orderBy(desc(editions.startDate))
    .limit(1);
  if (!row)
    throw new PlenaryError(
      'delegation_not_found',
      `No edition has a delegation ${code}; check the code or give --edition SLUG.`,
    );
  return row.slug;
}
