/**
 * Loads the Seoul 2013 demo (seoul-2013.data.ts) into the database: on first start, or again
 * with `reset`, which first empties every table. One transaction, one audit event.
 */
import { randomUUID } from 'node:crypto';
import { eq, getTableName, is, type SQL, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../../db/connection.js';
import * as schema from '../../../db/schema.js';
import {
  categories,
  delegations,
  documents,
  documentVersions,
  editions,
  organisations,
  participants,
  rooms,
  series,
  sessionRoles,
  sessions,
  statements,
  themes,
  users,
} from '../../../db/schema.js';
import { systemActor } from '../../accounts/actor.js';
import { hashPassword } from '../../accounts/passwords.js';
import { recordAudit } from '../../audit/audit.js';
import { buildSearchText } from '../../statements/search-text.js';
import { insertDemoBilaterals } from './seoul-2013.bilaterals.js';
import {
  buildDemo,
  DEMO_EDITION_CODE,
  DEMO_SERIES_CODE,
  type DemoData,
} from './seoul-2013.data.js';
import { DEMO_DOCUMENTS } from './seoul-2013.documents.js';
import { DEMO_ROOMS, DEMO_SESSIONS, seoulInstant } from './seoul-2013.programme.js';
import { DEMO_STATEMENTS, DEMO_THEMES } from './seoul-2013.statements.js';

export interface DemoCounts {
  series: number;
  editions: number;
  categories: number;
  organisations: number;
  delegations: number;
  participants: number;
  users: number;
}

export interface LoadDemoOptions {
  /** Empty every table first (all data, not only the demo's) and load again. */
  reset: boolean;
  /** The moment written on the audit event. */
  now: Date;
  /** Password hashing; argon2id by default. Tests pass a fast stand-in. */
  hash?: (password: string) => Promise<string>;
}

/** Rows per INSERT: large enough to be fast, small enough to stay under the bind-parameter limit. */
const CHUNK = 500;

/**
 * Tables a reset keeps: the installation's own values (the key that signs badges) are not demo
 * data, and regenerating them would invalidate every badge printed by this installation.
 */
const KEPT_ON_RESET = new Set(['installation']);

export async function loadDemo(
  db: Db,
  options: LoadDemoOptions,
): Promise<{ loaded: boolean; counts: DemoCounts }> {
  if (!options.reset && (await demoPresent(db))) {
    return { loaded: false, counts: await countRows(db) };
  }
  const data = buildDemo();
  // Hash before the transaction opens, so that it stays short.
  const hash = options.hash ?? hashPassword;
  const hashes = await Promise.all(data.users.map((u) => hash(u.password)));
  const counts = await db.transaction(async (tx) => {
    if (options.reset) await emptyAllTables(tx);
    return insertDemo(tx, data, hashes, options.now);
  });
  return { loaded: true, counts };
}

async function demoPresent(db: Db): Promise<boolean> {
  const rows = await db
    .select({ id: series.id })
    .from(series)
    .where(eq(series.slug, DEMO_SERIES_CODE));
  return rows.length > 0;
}

/**
 * Every table of the schema, found from the schema module itself so that tables added later are
 * emptied too. TRUNCATE … CASCADE takes them all in one statement, so foreign-key order does
 * not matter (and the circular delegations ⇄ participants reference is no obstacle).
 */
async function emptyAllTables(tx: Tx): Promise<void> {
  const names = Object.values(schema as Record<string, unknown>)
    .flatMap((value) => (is(value, PgTable) ? [getTableName(value)] : []))
    .filter((name) => !KEPT_ON_RESET.has(name));
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  await tx.execute(sql`truncate table ${list} restart identity cascade`);
}

async function insertChunked<T>(
  rows: T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

function need<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined)
    throw new Error(`Demo data refers to an unknown ${what} "${String(key)}".`);
  return value;
}

async function insertDemo(
  tx: Tx,
  data: DemoData,
  passwordHashes: string[],
  now: Date,
): Promise<DemoCounts> {
  const seriesId = randomUUID();
  await tx.insert(series).values({
    id: seriesId,
    slug: data.series.code,
    name: data.series.name,
    description: data.series.description,
  });

  const editionIds = new Map(data.editions.map((e) => [e.code, randomUUID()]));
  await tx.insert(editions).values(
    data.editions.map((e) => ({
      id: need(editionIds, e.code, 'edition'),
      seriesId,
      slug: e.code,
      ordinal: e.ordinal,
      name: e.name,
      hostIso3: e.hostIso3,
      host: e.host,
      chair: e.chair,
      city: e.city,
      venue: e.venue,
      timeZone: e.timeZone,
      startDate: e.startDate,
      endDate: e.endDate,
      theme: e.theme,
      status: e.status,
      reportedCountries: e.reportedCountries,
      reportedParticipants: e.reportedParticipants,
      outcomeSummary: e.outcomeSummary,
      settings: e.settings,
    })),
  );

  await tx.insert(categories).values(
    data.categories.map((c) => ({
      editionId: need(editionIds, c.edition, 'edition'),
      code: c.code,
      name: c.name,
      colour: c.colour,
      deadline: c.deadline ? new Date(c.deadline) : null,
      reopenedUntil: c.reopenedUntil ? new Date(c.reopenedUntil) : null,
    })),
  );

  const organisationIds = new Map(data.organisations.map((o) => [o.code, randomUUID()]));
  await insertChunked(data.organisations, (chunk) =>
    tx.insert(organisations).values(
      chunk.map((o) => ({
        id: need(organisationIds, o.code, 'organisation'),
        kind: o.kind,
        iso3: o.iso3,
        code: o.code,
        name: o.name,
        acronym: o.acronym,
        fictional: o.fictional,
      })),
    ),
  );

  // Delegations first without their heads: the head must exist as a participant first.
  const delegationKey = (edition: string, code: string) => `${edition}/${code}`;
  const delegationIds = new Map(
    data.delegations.map((d) => [delegationKey(d.edition, d.code), randomUUID()]),
  );
  await insertChunked(data.delegations, (chunk) =>
    tx.insert(delegations).values(
      chunk.map((d) => ({
        id: need(delegationIds, delegationKey(d.edition, d.code), 'delegation'),
        editionId: need(editionIds, d.edition, 'edition'),
        organisationId: need(organisationIds, d.code, 'organisation'),
        code: d.code,
        composition: d.composition,
        reopenedUntil: d.reopenedUntil ? new Date(d.reopenedUntil) : null,
      })),
    ),
  );

  // The secretariat user decided the demo's nominations; its id is known before it exists.
  const userIds = data.users.map(() => randomUUID());
  const secretariatIndex = data.users.findIndex((u) => u.role === 'secretariat');
  const decidedBy = secretariatIndex >= 0 ? (userIds[secretariatIndex] ?? null) : null;

  const participantIds = new Map(data.participants.map((p) => [p.key, randomUUID()]));
  await insertChunked(data.participants, (chunk) =>
    tx.insert(participants).values(
      chunk.map((p) => ({
        id: need(participantIds, p.key, 'participant'),
        editionId: need(editionIds, p.edition, 'edition'),
        delegationId: need(delegationIds, delegationKey(p.edition, p.delegation), 'delegation'),
        familyName: p.familyName,
        givenName: p.givenName,
        title: p.title,
        rank: p.rank,
        category: p.category,
        email: p.email,
        gender: p.gender,
        nationality: p.nationality,
        dateOfBirth: p.dateOfBirth,
        passportNumber: p.passportNumber,
        status: p.status,
        decisionReason: p.decisionReason,
        decidedAt: p.decidedAt ? new Date(p.decidedAt) : null,
        decidedBy: p.decidedAt ? decidedBy : null,
        consentToPublish: p.consentToPublish,
        fictional: p.fictional,
        createdAt: new Date(p.nominatedAt),
        updatedAt: new Date(p.decidedAt ?? p.nominatedAt),
      })),
    ),
  );

  // Heads, in one statement.
  const heads: SQL[] = data.delegations.map(
    (d) =>
      sql`(${need(delegationIds, delegationKey(d.edition, d.code), 'delegation')}::uuid, ${need(participantIds, d.head, 'participant')}::uuid)`,
  );
  if (heads.length > 0) {
    await tx.execute(sql`
      update delegations as d set head_participant_id = v.head
      from (values ${sql.join(heads, sql`, `)}) as v(id, head)
      where d.id = v.id`);
  }

  await tx.insert(users).values(
    data.users.map((u, i) => ({
      id: userIds[i]!,
      email: u.email,
      displayName: u.displayName,
      passwordHash: passwordHashes[i] ?? null,
      role: u.role,
      delegationId: u.delegation
        ? need(delegationIds, delegationKey(DEMO_EDITION_CODE, u.delegation), 'delegation')
        : null,
      participantId: u.participant ? need(participantIds, u.participant, 'participant') : null,
    })),
  );

  const sessionIds = await insertDemoProgramme(
    tx,
    need(editionIds, DEMO_EDITION_CODE, 'edition'),
    participantIds,
    now,
  );
  await insertDemoStatements(
    tx,
    need(editionIds, DEMO_EDITION_CODE, 'edition'),
    data,
    { sessionIds, participantIds, delegationIds },
    now,
  );
  // Japan's four bilaterals (confirmed, final) and ~60 fictional requests left to plan.
  await insertDemoBilaterals(tx, need(editionIds, DEMO_EDITION_CODE, 'edition'), now);
  // The chair's statement and its annex, the Seoul Framework (seoul-2013.documents.ts).
  await insertDemoDocuments(tx, need(editionIds, DEMO_EDITION_CODE, 'edition'), sessionIds, now);

  const counts: DemoCounts = {
    series: 1,
    editions: data.editions.length,
    categories: data.categories.length,
    organisations: data.organisations.length,
    delegations: data.delegations.length,
    participants: data.participants.length,
    users: data.users.length,
  };
  const seoulId = need(editionIds, DEMO_EDITION_CODE, 'edition');
  await recordAudit(tx, now, {
    actor: systemActor('system'),
    action: 'demo.load',
    entityType: 'edition',
    entityId: seoulId,
    editionId: seoulId,
    after: counts,
  });
  return counts;
}

/** Rooms, sessions and who chairs or speaks in them (seoul-2013.programme.ts). */
async function insertDemoProgramme(
  tx: Tx,
  editionId: string,
  participantIds: Map<string, string>,
  now: Date,
) {
  const roomIds = new Map(DEMO_ROOMS.map((r) => [r.code, randomUUID()]));
  await tx
    .insert(rooms)
    .values(DEMO_ROOMS.map((r) => ({ ...r, id: need(roomIds, r.code, 'room'), editionId })));
  const sessionIds = new Map(DEMO_SESSIONS.map((s) => [s.code, randomUUID()]));
  await tx.insert(sessions).values(
    DEMO_SESSIONS.map((s) => ({
      id: need(sessionIds, s.code, 'session'),
      editionId,
      code: s.code,
      kind: s.kind,
      title: s.title,
      theme: s.theme,
      roomId: need(roomIds, s.room, 'room'),
      startsAt: seoulInstant(s.day, s.start),
      endsAt: seoulInstant(s.day, s.end),
      languages: s.languages,
      status: 'published' as const,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const roles = DEMO_SESSIONS.flatMap((s) =>
    s.people.map((p, position) => ({
      sessionId: need(sessionIds, s.code, 'session'),
      participantId: need(participantIds, p.participant, 'participant'),
      role: p.role,
      attendance: p.attendance ?? ('present' as const),
      mediaUrl: p.mediaUrl ?? null,
      position,
    })),
  );
  if (roles.length > 0) await tx.insert(sessionRoles).values(roles);
  return sessionIds;
}

/** The themes and the statements the seed reports (seoul-2013.statements.ts), searchable. */
async function insertDemoStatements(
  tx: Tx,
  editionId: string,
  data: DemoData,
  ids: {
    sessionIds: Map<string, string>;
    participantIds: Map<string, string>;
    delegationIds: Map<string, string>;
  },
  now: Date,
) {
  await tx.insert(themes).values(DEMO_THEMES.map((t) => ({ ...t, editionId })));
  const participantByKey = new Map(data.participants.map((p) => [p.key, p]));
  const headOf = new Map(
    data.delegations.filter((d) => d.edition === DEMO_EDITION_CODE).map((d) => [d.code, d.head]),
  );
  await tx.insert(statements).values(
    DEMO_STATEMENTS.map((s, i) => {
      const key =
        'participant' in s.speaker
          ? s.speaker.participant
          : need(headOf, s.speaker.headOf, 'delegation');
      const speaker = need(participantByKey, key, 'participant');
      return {
        editionId,
        sessionId: need(ids.sessionIds, s.session, 'session'),
        delegationId: need(
          ids.delegationIds,
          `${DEMO_EDITION_CODE}/${speaker.delegation}`,
          'delegation',
        ),
        participantId: need(ids.participantIds, key, 'participant'),
        attendance: s.attendance,
        originalLanguage: s.originalLanguage,
        texts: s.texts,
        isSummary: s.isSummary,
        positions: s.positions,
        searchText: buildSearchText(s.texts),
        // A millisecond apart, so that "as recorded" keeps the seed's order within a session.
        createdAt: new Date(now.getTime() + i),
      };
    }),
  );
}

/** The demo's documents, published, each with its one version; annexes point at their document. */
async function insertDemoDocuments(
  tx: Tx,
  editionId: string,
  sessionIds: Map<string, string>,
  now: Date,
) {
  const documentIds = new Map(DEMO_DOCUMENTS.map((d) => [d.code, randomUUID()]));
  await tx.insert(documents).values(
    DEMO_DOCUMENTS.map((d) => ({
      id: need(documentIds, d.code, 'document'),
      editionId,
      code: d.code,
      kind: d.kind,
      title: d.title,
      status: d.status,
      annexToId: d.annexTo ? need(documentIds, d.annexTo, 'document') : null,
      sessionId: d.session ? need(sessionIds, d.session, 'session') : null,
      currentVersion: 1,
      publishedAt: d.status === 'published' ? now : null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await tx.insert(documentVersions).values(
    DEMO_DOCUMENTS.map((d) => ({
      documentId: need(documentIds, d.code, 'document'),
      number: 1,
      label: d.versionLabel,
      content: d.content as unknown as Record<string, unknown>,
      createdAt: now,
    })),
  );
}

/** What the database holds, table by table, in the demo's terms. */
export async function countRows(db: Db | Tx): Promise<DemoCounts> {
  const count = async (table: PgTable): Promise<number> => {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    return Number(row?.n ?? 0);
  };
  return {
    series: await count(series),
    editions: await count(editions),
    categories: await count(categories),
    organisations: await count(organisations),
    delegations: await count(delegations),
    participants: await count(participants),
    users: await count(users),
  };
}
