/**
 * Work due at a moment, kept in the `jobs` table so that it survives a restart: the server runs
 * `runDueJobs` once when it starts (a deadline passed while it was down is honoured then) and
 * every few seconds after. Due jobs are claimed with FOR UPDATE SKIP LOCKED, so that several
 * processes on one PostgreSQL never run the same job twice; each handler is idempotent anyway.
 */
import { and, asc, eq, isNull, lt, lte, notInArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { documents, jobs, silenceObjections } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { systemActor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.js';

export const SILENCE_DEADLINE_JOB = 'silence.deadline';

/** After this many failures a job is left for a person to look at (`last_error`). */
const MAX_ATTEMPTS = 5;

type Handler = (tx: Tx, payload: Record<string, unknown>, now: Date) => Promise<unknown>;

/** At a silence deadline: adopts the document if silence held (no objection before the deadline). */
export async function adoptBySilence(
  tx: Tx,
  payload: { documentId: string; deadline: string },
  now: Date,
): Promise<'adopted' | 'skipped'> {
  const [row] = await tx
    .select()
    .from(documents)
    .where(eq(documents.id, payload.documentId))
    .for('update');
  const deadline = new Date(payload.deadline);
  // Idempotent: only the round this job was made for, still unbroken, is adopted.
  if (
    row?.status !== 'under_negotiation' ||
    row.silenceBrokenAt !== null ||
    row.silenceDeadline?.getTime() !== deadline.getTime() ||
    now.getTime() < deadline.getTime()
  )
    return 'skipped';
  const objections = await tx
    .select({ at: silenceObjections.at })
    .from(silenceObjections)
    .where(eq(silenceObjections.documentId, row.id));
  if (objections.some((o) => o.at.getTime() < deadline.getTime())) return 'skipped';
  await tx
    .update(documents)
    .set({
      status: 'adopted',
      adoptedAt: deadline,
      adoptionMethod: 'silence',
      version: sql`${documents.version} + 1`,
      updatedAt: now,
    })
    .where(eq(documents.id, row.id));
  await recordAudit(tx, now, {
    actor: systemActor('silence procedure'),
    action: 'document.adopt',
    entityType: 'document',
    entityId: row.id,
    editionId: row.editionId,
    before: { status: row.status },
    after: { status: 'adopted', method: 'silence', deadline: payload.deadline },
  });
  return 'adopted';
}

const handlers: Record<string, Handler> = {
  [SILENCE_DEADLINE_JOB]: async (tx, payload, now) => {
    const { documentId, deadline } = payload;
    if (typeof documentId !== 'string' || typeof deadline !== 'string')
      throw new Error('silence.deadline needs documentId and deadline');
    return adoptBySilence(tx, { documentId, deadline }, now);
  },
};

export interface JobsRun {
  done: number;
  failed: number;
}

/** Claims and runs every job due at `now`, one transaction per job. */
export async function runDueJobs(db: Db, now: Date): Promise<JobsRun> {
  const tried: string[] = [];
  const result: JobsRun = { done: 0, failed: 0 };
  for (;;) {
    const outcome = await db.transaction(async (tx) => {
      const [job] = await tx
        .select()
        .from(jobs)
        .where(
          and(
            isNull(jobs.doneAt),
            lte(jobs.runAt, now),
            lt(jobs.attempts, MAX_ATTEMPTS),
            tried.length > 0 ? notInArray(jobs.id, tried) : undefined,
          ),
        )
        .orderBy(asc(jobs.runAt), asc(jobs.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!job) return null;
      tried.push(job.id);
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
        // A savepoint: a failing handler's writes are undone, the failure is still recorded.
        await tx.transaction(async (inner) => {
          await handler(inner, job.payload, now);
        });
        await tx
          .update(jobs)
          .set({ doneAt: now, attempts: job.attempts + 1, lastError: null })
          .where(eq(jobs.id, job.id));
        return 'done' as const;
      } catch (error) {
        await tx
          .update(jobs)
          .set({
            attempts: job.attempts + 1,
            lastError: error instanceof Error ? error.message : String(error),
          })
          .where(eq(jobs.id, job.id));
        return 'failed' as const;
      }
    });
    if (outcome === null) return result;
    result[outcome]++;
  }
}

/**
 * Runs due jobs now and every `intervalMs`; `stop` waits for a run in progress, so that the
 * database is not closed under it.
 */
export function startJobRunner(
  db: Db,
  clock: Clock,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): { runNow(): Promise<void>; stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const runNow = () => {
    if (stopped) return Promise.resolve();
    running ??= runDueJobs(db, clock.now())
      .then(() => undefined)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void runNow(), options.intervalMs ?? 5_000);
  timer.unref();
  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
