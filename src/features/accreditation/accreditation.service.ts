import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  type SQL,
  sql,
} from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { type CopyColumn, type CopyValue, openCopy } from '../../db/bulk.js';
import type { Db } from '../../db/connection.js';
import { columnsWithout, jsonAgg, readJsonRows } from '../../db/json-rows.js';
import { createAnalyzer } from '../../db/maintenance.js';
import {
  auditEvents,
  categories,
  delegations,
  editions,
  files,
  type Localized,
  type OrganisationKind,
  organisations,
  PARTICIPANT_STATUSES,
  type ParticipantStatus,
  participants,
  type Rank,
  type RegistrationCategory,
} from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { isIso3 } from '../../platform/countries.js';
import { decodeCursor, encodeCursor, type RowKey } from '../../platform/cursor.js';
import { type ErrorDetail, forbidden, PlenaryError } from '../../platform/errors.js';
import { checkUpload } from '../../platform/file-sniff.js';
import { increasingUuids } from '../../platform/ids.js';
import { pick } from '../../platform/localized.js';
import type { Actor } from '../accounts/actor.js';
import { recordAudit, recordAuditMany } from '../audit/audit.js';
import { storeFile } from '../audit/stored-files.js';
import { organisationName } from '../conferences/organisation-name.js';
import { accreditationPolicy as policy } from './accreditation.policy.js';
import { type ExportColumn, participantsCsv, participantsXlsx } from './participant-export.js';
import { type ImportRow, readParticipantFile } from './participant-import.js';
import { displayName, presentParticipant } from './participants.presenter.js';
import { type Decision, decisionRefusal, nominationOpen, statusAfterEdit } from './rules.js';

type ParticipantRow = typeof participants.$inferSelect;
type DelegationRow = typeof delegations.$inferSelect;

export interface ParticipantFields {
  familyName: Localized;
  givenName?: Localized;
  title?: Localized;
  rank: Rank;
  category: RegistrationCategory;
  email?: string | null;
  gender?: string | null;
  nationality?: string | null;
  dateOfBirth?: string | null;
  passportNumber?: string | null;
  consentToPublish?: boolean;
}

export type ImportMode = 'validate' | 'all-or-nothing' | 'valid-rows';

export interface Page {
  page?: number;
  pageSize?: number;
}

const MAX_PAGE_SIZE = 200;
/**
 * The queue counts its rows up to this many and then says "more than": counting every row of a
 * 100,000-row queue cost more than the page itself (the delegations page has exact counts).
 */
export const QUEUE_COUNT_CAP = 1_000;
/**
 * A name search counts fewer: its matches are checked row by row (a one- or two-character
 * fragment, such as 田中, has no trigram to look up), and past a hundred hits the useful answer
 * is "refine the search", not a number.
 */
export const SEARCH_COUNT_CAP = 100;
const rowKey = sql`(${participants.createdAt}, ${participants.id})`;

/** What this service needs of an edition (a wider select costs every call that resolves one). */
const EDITION_KEY = { id: editions.id, slug: editions.slug };

/** What a page of participants selects: every column but the generated search text. */
const PAGE_COLUMNS = columnsWithout(participants, 'nameSearch');
/** The list order, in the page subquery's own names. */
const PAGE_ORDER = sql`page.created_at, page.id`;

/** A page of the queue: the participant, its key as text (for cursors), its delegation. */
const QUEUE_FIELDS = {
  ...PAGE_COLUMNS,
  rowKey: sql<string>`${participants.createdAt}::text`.as('row_key'),
  delegationCode: sql<string>`${delegations.code}`.as('delegation_code'),
  orgKind: sql<OrganisationKind>`${organisations.kind}`.as('org_kind'),
  orgIso3: sql<string | null>`${organisations.iso3}`.as('org_iso3'),
  orgName: sql<Localized>`${organisations.name}`.as('org_name'),
  orgCode: sql<string>`${organisations.code}`.as('org_code'),
  hasCredentials:
    sql<boolean>`exists (select 1 from ${files} where ${files.delegationId} = ${delegations.id} and ${files.kind} = 'credentials')`.as(
      'has_credentials',
    ),
};

export interface QueuePage {
  items: (ReturnType<typeof presentParticipant> & {
    delegationName: string;
    hasCredentials: boolean;
  })[];
  /** Rows matching the filters, counted up to QUEUE_COUNT_CAP (SEARCH_COUNT_CAP for a search). */
  total: number;
  /** True when there are more than `total` rows. */
  totalCapped: boolean;
  pageSize: number;
  /** Cursor of the next page, or null on the last. */
  next: string | null;
  /** Cursor of the previous page, or null on the first. */
  previous: string | null;
}

function paging(input: Page) {
  const pageSize = Math.min(Math.max(input.pageSize ?? 50, 1), MAX_PAGE_SIZE);
  const page = Math.max(input.page ?? 1, 1);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Only fields that mean something to a reviewer go into the audit log. */
function auditView(p: ParticipantRow) {
  return {
    familyName: p.familyName,
    givenName: p.givenName,
    title: p.title,
    rank: p.rank,
    category: p.category,
    email: p.email,
    nationality: p.nationality,
    dateOfBirth: p.dateOfBirth,
    passportNumber: p.passportNumber,
    status: p.status,
    decisionReason: p.decisionReason,
    photoFileId: p.photoFileId,
    consentToPublish: p.consentToPublish,
    version: p.version,
  };
}

function checkFields(input: Partial<ParticipantFields>, now: Date): void {
  const details: ErrorDetail[] = [];
  if (input.familyName !== undefined && !input.familyName.en?.trim()) {
    details.push({
      field: 'familyName.en',
      code: 'required',
      message: 'The family name in English (Latin letters) is required.',
    });
  }
  if (input.nationality && !isIso3(input.nationality)) {
    details.push({
      field: 'nationality',
      code: 'invalid_country',
      message: `${input.nationality} is not an ISO 3166 alpha-3 code.`,
    });
  }
  if (input.dateOfBirth) {
    const born = new Date(`${input.dateOfBirth}T00:00:00Z`);
    if (Number.isNaN(born.getTime()) || born > now || born.getUTCFullYear() < 1900) {
      details.push({
        field: 'dateOfBirth',
        code: 'invalid_date',
        message: 'The date of birth is not a plausible date.',
      });
    }
  }
  if (details.length > 0) {
    throw new PlenaryError('validation_failed', details.map((d) => d.message).join(' '), {
      details,
    });
  }
}

function normalise(input: ParticipantFields) {
  return {
    familyName: input.familyName,
    givenName: input.givenName ?? {},
    title: input.title ?? {},
    rank: input.rank,
    category: input.category,
    email: input.email?.trim() || null,
    gender: input.gender?.trim() || null,
    nationality: input.nationality || null,
    dateOfBirth: input.dateOfBirth || null,
    passportNumber: input.passportNumber?.trim().toUpperCase() || null,
    consentToPublish: input.consentToPublish ?? false,
  };
}

/**
 * Rows checked and sent to the database at a time by an import: a server inserts one batch while
 * the next is checked, so the smaller the batch, the more of the checking is hidden behind the
 * server's work (each batch costs one CopyData message).
 */
const IMPORT_BATCH = 100;

/** The columns an import writes, with their types (bulk.ts sends them in COPY's binary format). */
export const IMPORT_COLUMNS: readonly CopyColumn[] = [
  ['id', 'uuid'],
  ['edition_id', 'uuid'],
  ['delegation_id', 'uuid'],
  ['family_name', 'jsonb'],
  ['given_name', 'jsonb'],
  ['title', 'jsonb'],
  ['rank', 'text'],
  ['category', 'text'],
  ['email', 'text'],
  ['gender', 'text'],
  ['nationality', 'text'],
  ['date_of_birth', 'date'],
  ['passport_number', 'text'],
  ['consent_to_publish', 'boolean'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

/** A checked row as the values of IMPORT_COLUMNS, with its key, edition, delegation and time. */
export function importRecord(
  row: ImportRow,
  key: string,
  editionId: string,
  delegationId: string,
  now: Date,
): CopyValue[] {
  const p = normalise(row.input);
  return [
    key,
    editionId,
    delegationId,
    p.familyName,
    p.givenName,
    p.title,
    p.rank,
    p.category,
    p.email,
    p.gender,
    p.nationality,
    p.dateOfBirth,
    p.passportNumber,
    p.consentToPublish,
    now,
    now,
  ];
}

export function createAccreditationService({ db, clock }: { db: Db; clock: Clock }) {
  const analyzer = createAnalyzer(db, 'participants', { everyRows: 20_000 });
  async function findEdition(slug: string) {
    const [row] = await db.select(EDITION_KEY).from(editions).where(eq(editions.slug, slug));
    if (!row) throw new PlenaryError('edition_not_found', `There is no edition "${slug}".`);
    return row;
  }

  /** The edition and, if there is one, its delegation with this code, in one query. */
  async function lookUpDelegation(slug: string, code: string) {
    const [row] = await db
      .select({ edition: EDITION_KEY, delegation: delegations })
      .from(editions)
      .leftJoin(
        delegations,
        and(eq(delegations.editionId, editions.id), eq(delegations.code, code.toUpperCase())),
      )
      .where(eq(editions.slug, slug));
    if (!row) throw new PlenaryError('edition_not_found', `There is no edition "${slug}".`);
    return row;
  }

  /**
   * The queue's statement of a shape, built by Drizzle once (its values are placeholders) rather
   * than on every call: building the text took a tenth of a call's time and a fifth of what it
   * allocated on the embedded database. It is not a named statement on a server: every call is
   * planned for its own values (a rare search term wants another plan than a common one).
   *
   * The page is chosen on the participants' index alone (one row more than the page tells
   * whether there is another page in that direction); only its rows are joined, and they come
   * back as one JSON document (db/json-rows.ts), with the capped count when asked for.
   */
  const queueStatements = new Map<string, ReturnType<typeof buildQueueStatement>>(); // ≤ 576 shapes
  function queueStatement(shape: QueueShape) {
    const key = JSON.stringify(shape);
    let statement = queueStatements.get(key);
    if (!statement) {
      statement = buildQueueStatement(shape);
      queueStatements.set(key, statement);
    }
    return statement;
  }
  function buildQueueStatement(shape: QueueShape) {
    const value = sql.placeholder;
    const conditions: SQL[] = [eq(participants.editionId, value('edition'))];
    if (!shape.allStatuses) conditions.push(eq(participants.status, value('status')));
    if (shape.category) conditions.push(eq(participants.category, value('category')));
    // Filter on the participant's own column, which its index serves, not through a join.
    if (shape.delegation) conditions.push(eq(participants.delegationId, value('delegation')));
    if (shape.hasPhoto !== undefined)
      conditions.push(
        shape.hasPhoto ? isNotNull(participants.photoFileId) : isNull(participants.photoFileId),
      );
    if (shape.search) conditions.push(searchMatches(shape.search, value('term')));
    const where = and(...conditions)!;
    const order = shape.direction === 'after' ? asc : desc;
    const cursor = sql`(${value('keyAt')}::timestamptz, ${value('keyId')}::uuid)`;
    const beyond = shape.fromKey
      ? and(
          where,
          shape.direction === 'after' ? sql`${rowKey} > ${cursor}` : sql`${rowKey} < ${cursor}`,
        )
      : where;
    // The page's keys in list order, from the paging indexes. Every status at once is a merge
    // of one index walk per status (the indexes lead with the status), not a sort of them all.
    const walk = (extra?: SQL) =>
      db
        .select({ id: participants.id, createdAt: participants.createdAt })
        .from(participants)
        .where(extra ? and(beyond, extra) : beyond)
        .orderBy(order(participants.createdAt), order(participants.id))
        .limit(value('limit'));
    const merge = () => {
      const walks = PARTICIPANT_STATUSES.map((s) => walk(eq(participants.status, s)));
      return unionAll(walks[0]!, walks[1]!, ...walks.slice(2))
        .orderBy(order(sql`created_at`), order(sql`id`))
        .limit(value('limit'));
    };
    const keys = (shape.allStatuses ? merge() : walk()).as('k');
    const page = db
      .select(QUEUE_FIELDS)
      .from(participants)
      .innerJoin(delegations, eq(delegations.id, participants.delegationId))
      .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
      .where(inArray(participants.id, db.select({ id: sql<string>`k.id` }).from(keys)))
      .as('page');
    const counting = db
      .select({ n: count() })
      .from(
        db.select({ one: sql`1` }).from(participants).where(where).limit(value('cap')).as('capped'),
      );
    // From the start of the list, a page that is not full holds every match: its own row
    // count is the total, and the capped count (a second walk, the whole queue for a rare
    // search term) is not run (PostgreSQL evaluates the subquery only if CASE reaches it).
    const total =
      !shape.fromKey && shape.direction === 'after'
        ? sql<number>`(case when count(*) <= ${value('pageSize')} then count(*) else (${counting}) end)::int`
        : sql<number>`(${counting})::int`;
    return db
      .select({
        rows: jsonAgg('page', PAGE_ORDER),
        counted: shape.withCount ? total : sql<number>`0`,
      })
      .from(page)
      .prepare(undefined as unknown as string); // no name, as Drizzle's own execute() prepares
  }

  /** The edition and its delegation (every delegation-scoped call starts here). */
  async function findDelegation(slug: string, code: string) {
    const { edition, delegation } = await lookUpDelegation(slug, code);
    if (!delegation)
      throw new PlenaryError('delegation_not_found', `There is no delegation ${code} at ${slug}.`);
    return { edition, delegation };
  }

  /** Resolves a delegation and checks the policy before anything of it is read. */
  async function delegationFor(
    actor: Actor,
    slug: string,
    code: string,
    allowed: (actor: Actor, delegationId: string) => boolean,
  ) {
    const found = await findDelegation(slug, code);
    if (!allowed(actor, found.delegation.id)) {
      throw forbidden('You may act only for your own delegation.');
    }
    return found;
  }

  /** Finds a participant the actor may see; others' participants are "not found", never leaked. */
  async function participantFor(actor: Actor, id: string, write = false) {
    if (!/^[0-9a-f-]{36}$/i.test(id))
      throw new PlenaryError('participant_not_found', 'No such participant.');
    const [owner] = await db
      .select({ id: participants.id, delegationId: participants.delegationId })
      .from(participants)
      .where(eq(participants.id, id));
    const allowed =
      owner &&
      (write
        ? policy.manageMembers(actor, owner.delegationId)
        : policy.viewParticipant(actor, owner));
    if (!owner || !allowed) throw new PlenaryError('participant_not_found', 'No such participant.');
    const [row] = await db
      .select({ participant: participants, delegationCode: delegations.code, slug: editions.slug })
      .from(participants)
      .innerJoin(delegations, eq(delegations.id, participants.delegationId))
      .innerJoin(editions, eq(editions.id, participants.editionId))
      .where(eq(participants.id, id));
    return row!;
  }

  async function assertNominationOpen(
    actor: Actor,
    edition: { id: string },
    delegation: DelegationRow,
    category: RegistrationCategory,
    now: Date,
  ) {
    const [cat] = await db
      .select()
      .from(categories)
      .where(and(eq(categories.editionId, edition.id), eq(categories.code, category)));
    if (!cat) {
      throw new PlenaryError(
        'validation_failed',
        `The category "${category}" is not offered at this conference.`,
        {
          details: [{ field: 'category', code: 'invalid_category', message: 'Not offered here.' }],
        },
      );
    }
    if (policy.bypassDeadline(actor)) return;
    const open = nominationOpen(
      {
        deadline: cat.deadline,
        categoryReopenedUntil: cat.reopenedUntil,
        delegationReopenedUntil: delegation.reopenedUntil,
      },
      now,
    );
    if (!open) {
      throw new PlenaryError(
        'nomination_after_deadline',
        `Nominations in the category "${category}" closed on ${cat.deadline?.toISOString()}. ` +
          'Ask the secretariat to reopen them.',
        { extra: { deadline: cat.deadline?.toISOString() } },
      );
    }
  }

  async function counts(delegationId: string) {
    const rows = await db
      .select({ status: participants.status, n: count() })
      .from(participants)
      .where(eq(participants.delegationId, delegationId))
      .groupBy(participants.status);
    const out: Record<ParticipantStatus, number> = {
      nominated: 0,
      approved: 0,
      rejected: 0,
      withdrawn: 0,
    };
    for (const row of rows) out[row.status] = Number(row.n);
    return out;
  }

  async function describeDelegation(
    actor: Actor,
    edition: { slug: string },
    delegation: DelegationRow,
    lang: string,
  ) {
    const [org] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.id, delegation.organisationId));
    const head = delegation.headParticipantId
      ? (
          await db
            .select()
            .from(participants)
            .where(eq(participants.id, delegation.headParticipantId))
        )[0]
      : undefined;
    const credentials = await db
      .select({
        id: files.id,
        fileName: files.fileName,
        mediaType: files.mediaType,
        byteSize: files.byteSize,
        uploadedAt: files.createdAt,
      })
      .from(files)
      .where(and(eq(files.delegationId, delegation.id), eq(files.kind, 'credentials')))
      .orderBy(desc(files.createdAt));
    return {
      code: delegation.code,
      editionSlug: edition.slug,
      name: organisationName(org!, lang),
      kind: org!.kind,
      iso3: org!.iso3,
      head: head
        ? presentParticipant(head, { actor, lang, delegationCode: delegation.code })
        : null,
      composition: pick(delegation.composition, lang),
      reopenedUntil: delegation.reopenedUntil?.toISOString() ?? null,
      credentials: credentials.map((c) => ({ ...c, uploadedAt: c.uploadedAt.toISOString() })),
      counts: await counts(delegation.id),
    };
  }

  return {
    /** Waits for statistics scheduled after imports (before closing the database). */
    settle: () => analyzer.settle(),

    async delegation(actor: Actor, slug: string, code: string, lang: string) {
      const { edition, delegation } = await delegationFor(actor, slug, code, policy.viewDelegation);
      return describeDelegation(actor, edition, delegation, lang);
    },

    async listDelegations(actor: Actor, slug: string, lang: string) {
      const edition = await findEdition(slug);
      const conditions: SQL[] = [eq(delegations.editionId, edition.id)];
      if (!policy.listAllDelegations(actor)) {
        if (actor.kind === 'user' && actor.role === 'focal_point') {
          conditions.push(eq(delegations.id, actor.delegationId));
        } else {
          throw forbidden('Only the secretariat and focal points see delegations.');
        }
      }
      const rows = await db
        .select({
          delegation: delegations,
          org: organisations,
          nominated: sql<number>`count(${participants.id}) filter (where ${participants.status} = 'nominated')`,
          approved: sql<number>`count(${participants.id}) filter (where ${participants.status} = 'approved')`,
          rejected: sql<number>`count(${participants.id}) filter (where ${participants.status} = 'rejected')`,
          withdrawn: sql<number>`count(${participants.id}) filter (where ${participants.status} = 'withdrawn')`,
          hasCredentials: sql<boolean>`exists (select 1 from ${files} where ${files.delegationId} = ${delegations.id} and ${files.kind} = 'credentials')`,
        })
        .from(delegations)
        .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
        .leftJoin(participants, eq(participants.delegationId, delegations.id))
        .where(and(...conditions))
        .groupBy(delegations.id, organisations.id)
        .orderBy(asc(delegations.code));
      const heads = new Map<string, ParticipantRow>();
      const headIds = rows
        .map((r) => r.delegation.headParticipantId)
        .filter((x): x is string => !!x);
      if (headIds.length > 0) {
        for (const head of await db
          .select()
          .from(participants)
          .where(inArray(participants.id, headIds))) {
          heads.set(head.id, head);
        }
      }
      return {
        items: rows.map((r) => {
          const head = r.delegation.headParticipantId
            ? heads.get(r.delegation.headParticipantId)
            : undefined;
          return {
            code: r.delegation.code,
            name: organisationName(r.org, lang),
            kind: r.org.kind,
            head: head ? { name: displayName(head, lang), title: pick(head.title, lang) } : null,
            counts: {
              nominated: Number(r.nominated),
              approved: Number(r.approved),
              rejected: Number(r.rejected),
              withdrawn: Number(r.withdrawn),
            },
            hasCredentials: Boolean(r.hasCredentials),
            reopenedUntil: r.delegation.reopenedUntil?.toISOString() ?? null,
          };
        }),
      };
    },

    async listMembers(
      actor: Actor,
      slug: string,
      code: string,
      filters: Page & { status?: ParticipantStatus; q?: string },
      lang: string,
    ) {
      const { delegation } = await delegationFor(actor, slug, code, policy.viewDelegation);
      const { page, pageSize, offset } = paging(filters);
      const conditions: SQL[] = [eq(participants.delegationId, delegation.id)];
      if (filters.status) conditions.push(eq(participants.status, filters.status));
      if (filters.q?.trim()) conditions.push(nameMatches(filters.q));
      const where = and(...conditions);
      // The page and the count in one statement, the page as one JSON document (db/json-rows.ts).
      // A page that is not full ends the list, so the total is known without counting (most
      // delegations fit on one page); the count runs only when CASE reaches it.
      const listed = db
        .select(PAGE_COLUMNS)
        .from(participants)
        .where(where)
        .orderBy(asc(participants.createdAt), asc(participants.id))
        .limit(pageSize)
        .offset(offset)
        .as('page');
      const [result] = await db
        .select({
          rows: jsonAgg('page', PAGE_ORDER),
          total: sql<number>`(case
            when count(*) < ${pageSize} and (count(*) > 0 or ${offset} = 0) then ${offset} + count(*)
            else (select count(*) from ${participants} where ${where}) end)::int`,
        })
        .from(listed);
      return {
        items: readJsonRows(result!.rows, PAGE_COLUMNS).map((row) =>
          presentParticipant(row, { actor, lang, delegationCode: delegation.code }),
        ),
        total: result!.total,
        page,
        pageSize,
      };
    },

    async nominate(
      actor: Actor,
      slug: string,
      code: string,
      input: ParticipantFields,
      lang: string,
    ) {
      const { edition, delegation } = await delegationFor(actor, slug, code, policy.manageMembers);
      const now = clock.now();
      checkFields(input, now);
      await assertNominationOpen(actor, edition, delegation, input.category, now);
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(participants)
          .values({
            ...normalise(input),
            editionId: edition.id,
            delegationId: delegation.id,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await recordAudit(tx, now, {
          actor,
          action: 'participant.nominate',
          entityType: 'participant',
          entityId: created!.id,
          editionId: edition.id,
          delegationId: delegation.id,
          after: auditView(created!),
        });
        return created!;
      });
      return presentParticipant(row, { actor, lang, delegationCode: delegation.code });
    },

    async participant(actor: Actor, id: string, lang: string) {
      const found = await participantFor(actor, id);
      return presentParticipant(found.participant, {
        actor,
        lang,
        delegationCode: found.delegationCode,
      });
    },

    async update(
      actor: Actor,
      id: string,
      change: Partial<ParticipantFields> & { version: number },
      lang: string,
    ) {
      const found = await participantFor(actor, id, true);
      const now = clock.now();
      checkFields(change, now);
      const before = found.participant;
      if (before.status === 'withdrawn') {
        throw new PlenaryError(
          'already_decided',
          'A withdrawn nomination cannot be edited; nominate again.',
        );
      }
      if (change.category && change.category !== before.category) {
        const [delegation] = await db
          .select()
          .from(delegations)
          .where(eq(delegations.id, before.delegationId));
        await assertNominationOpen(
          actor,
          { id: before.editionId },
          delegation!,
          change.category,
          now,
        );
      }
      const { version, ...fields } = change;
      const merged = normalise({ ...before, ...fields } as ParticipantFields);
      const row = await db.transaction(async (tx) => {
        const nextStatus = policy.decide(actor) ? before.status : statusAfterEdit(before.status);
        const reviewAgain = nextStatus !== before.status;
        const [after] = await tx
          .update(participants)
          .set({
            ...merged,
            status: nextStatus,
            ...(reviewAgain
              ? {
                  decisionReason: null,
                  decidedAt: null,
                  decidedBy: null,
                  badgeSerial: before.badgeSerial + 1,
                }
              : {}),
            version: before.version + 1,
            updatedAt: now,
          })
          .where(and(eq(participants.id, id), eq(participants.version, version)))
          .returning();
        if (!after) {
          throw new PlenaryError(
            'version_conflict',
            'Someone changed this nomination meanwhile. Reload it and apply your change again.',
          );
        }
        await recordAudit(tx, now, {
          actor,
          action: 'participant.update',
          entityType: 'participant',
          entityId: id,
          editionId: before.editionId,
          delegationId: before.delegationId,
          before: auditView(before),
          after: auditView(after),
        });
        return after;
      });
      return presentParticipant(row, { actor, lang, delegationCode: found.delegationCode });
    },

    async withdraw(actor: Actor, id: string, lang: string) {
      const found = await participantFor(actor, id, true);
      const before = found.participant;
      if (before.status === 'withdrawn')
        throw new PlenaryError('already_decided', 'This nomination is withdrawn already.');
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [after] = await tx
          .update(participants)
          .set({
            status: 'withdrawn',
            version: before.version + 1,
            updatedAt: now,
            badgeSerial: before.badgeSerial + 1,
          })
          .where(and(eq(participants.id, id), eq(participants.version, before.version)))
          .returning();
        if (!after)
          throw new PlenaryError('version_conflict', 'Someone changed this nomination meanwhile.');
        await tx
          .update(delegations)
          .set({ headParticipantId: null })
          .where(
            and(eq(delegations.id, before.delegationId), eq(delegations.headParticipantId, id)),
          );
        await recordAudit(tx, now, {
          actor,
          action: 'participant.withdraw',
          entityType: 'participant',
          entityId: id,
          editionId: before.editionId,
          delegationId: before.delegationId,
          before: { status: before.status },
          after: { status: after.status },
        });
        return after;
      });
      return presentParticipant(row, { actor, lang, delegationCode: found.delegationCode });
    },

    async setPhoto(
      actor: Actor,
      id: string,
      upload: { fileName: string; bytes: Uint8Array },
      lang: string,
    ) {
      const found = await participantFor(actor, id, true);
      const sniffed = checkUpload(upload.bytes, 'photo');
      const before = found.participant;
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const file = await storeFile(tx, {
          editionId: before.editionId,
          delegationId: before.delegationId,
          kind: 'photo',
          fileName: upload.fileName,
          bytes: upload.bytes,
          mediaType: sniffed.mediaType,
          actor,
        });
        // A new photo after approval is checked again.
        const nextStatus = policy.decide(actor) ? before.status : statusAfterEdit(before.status);
        const [after] = await tx
          .update(participants)
          .set({
            photoFileId: file.id,
            status: nextStatus,
            ...(nextStatus !== before.status
              ? {
                  decisionReason: null,
                  decidedAt: null,
                  decidedBy: null,
                  badgeSerial: before.badgeSerial + 1,
                }
              : {}),
            version: before.version + 1,
            updatedAt: now,
          })
          .where(eq(participants.id, id))
          .returning();
        await recordAudit(tx, now, {
          actor,
          action: 'participant.photo',
          entityType: 'participant',
          entityId: id,
          editionId: before.editionId,
          delegationId: before.delegationId,
          before: { photoFileId: before.photoFileId, status: before.status },
          after: {
            photoFileId: file.id,
            status: after!.status,
            mediaType: sniffed.mediaType,
            width: sniffed.width,
            height: sniffed.height,
          },
        });
        return after!;
      });
      return presentParticipant(row, { actor, lang, delegationCode: found.delegationCode });
    },

    async photo(actor: Actor, id: string) {
      const found = await participantFor(actor, id);
      if (!found.participant.photoFileId)
        throw new PlenaryError('file_not_found', 'This participant has no photo on file.');
      const [file] = await db
        .select()
        .from(files)
        .where(eq(files.id, found.participant.photoFileId));
      if (!file) throw new PlenaryError('file_not_found', 'This participant has no photo on file.');
      return { mediaType: file.mediaType, bytes: file.bytes, fileName: file.fileName };
    },

    async uploadCredentials(
      actor: Actor,
      slug: string,
      code: string,
      upload: { fileName: string; bytes: Uint8Array },
    ) {
      const { edition, delegation } = await delegationFor(actor, slug, code, policy.manageMembers);
      const sniffed = checkUpload(upload.bytes, 'pdf');
      const now = clock.now();
      return db.transaction(async (tx) => {
        const file = await storeFile(tx, {
          editionId: edition.id,
          delegationId: delegation.id,
          kind: 'credentials',
          fileName: upload.fileName,
          bytes: upload.bytes,
          mediaType: sniffed.mediaType,
          actor,
        });
        await recordAudit(tx, now, {
          actor,
          action: 'delegation.credentials_upload',
          entityType: 'file',
          entityId: file.id,
          editionId: edition.id,
          delegationId: delegation.id,
          after: { fileName: file.fileName, byteSize: file.byteSize },
        });
        return {
          id: file.id,
          fileName: file.fileName,
          mediaType: file.mediaType,
          byteSize: file.byteSize,
          uploadedAt: file.createdAt.toISOString(),
        };
      });
    },

    async file(actor: Actor, id: string) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new PlenaryError('file_not_found', 'No such file.');
      const [owner] = await db
        .select({ delegationId: files.delegationId })
        .from(files)
        .where(eq(files.id, id));
      if (!owner || !policy.viewDelegation(actor, owner.delegationId))
        throw new PlenaryError('file_not_found', 'No such file.');
      const [file] = await db.select().from(files).where(eq(files.id, id));
      return file!;
    },

    async setHead(actor: Actor, slug: string, code: string, participantId: string, lang: string) {
      const { edition, delegation } = await delegationFor(actor, slug, code, policy.manageMembers);
      const [member] = await db
        .select()
        .from(participants)
        .where(
          and(eq(participants.id, participantId), eq(participants.delegationId, delegation.id)),
        );
      if (!member || member.status === 'withdrawn' || member.status === 'rejected') {
        throw new PlenaryError(
          'participant_not_found',
          'The head of delegation must be a current member of it.',
        );
      }
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .update(delegations)
          .set({ headParticipantId: member.id })
          .where(eq(delegations.id, delegation.id));
        await recordAudit(tx, now, {
          actor,
          action: 'delegation.set_head',
          entityType: 'delegation',
          entityId: delegation.id,
          editionId: edition.id,
          delegationId: delegation.id,
          before: { headParticipantId: delegation.headParticipantId },
          after: { headParticipantId: member.id },
        });
      });
      return describeDelegation(
        actor,
        edition,
        { ...delegation, headParticipantId: member.id },
        lang,
      );
    },

    async reopenDelegation(
      actor: Actor,
      slug: string,
      code: string,
      until: string | null,
      lang: string,
    ) {
      if (!policy.reopen(actor)) throw forbidden('Only the secretariat reopens nominations.');
      const { edition, delegation } = await findDelegation(slug, code);
      const now = clock.now();
      const reopenedUntil = until === null ? null : new Date(until);
      await db.transaction(async (tx) => {
        await tx
          .update(delegations)
          .set({ reopenedUntil })
          .where(eq(delegations.id, delegation.id));
        await recordAudit(tx, now, {
          actor,
          action: 'delegation.reopen',
          entityType: 'delegation',
          entityId: delegation.id,
          editionId: edition.id,
          delegationId: delegation.id,
          before: { reopenedUntil: delegation.reopenedUntil },
          after: { reopenedUntil },
        });
      });
      return describeDelegation(actor, edition, { ...delegation, reopenedUntil }, lang);
    },

    /**
     * Bulk nomination from CSV or XLSX. Nothing is imported from a file with errors unless the
     * user chooses to import the valid rows.
     */
    async importParticipants(
      actor: Actor,
      slug: string,
      code: string,
      upload: { fileName: string; bytes: Uint8Array; mode: ImportMode },
      onProgress?: (done: number, total: number) => void,
    ) {
      // The edition's categories are asked for alongside the delegation (one wait on a server).
      const [{ edition, delegation }, cats] = await Promise.all([
        delegationFor(actor, slug, code, policy.manageMembers),
        db
          .select({ category: categories })
          .from(categories)
          .innerJoin(editions, eq(editions.id, categories.editionId))
          .where(eq(editions.slug, slug)),
      ]);
      const now = clock.now();
      const file = await readParticipantFile(upload.bytes, upload.fileName, {
        defaultCategory: 'party',
        today: now.toISOString().slice(0, 10),
      });
      const { errors } = file;
      const byCode = new Map(cats.map(({ category: c }) => [c.code, c]));
      const bypass = policy.bypassDeadline(actor);
      /** The file's checks, then the conference's: the category offered and still open. */
      const accepted = (row: ImportRow) => {
        const cat = byCode.get(row.input.category);
        if (!cat) {
          errors.push({
            line: row.line,
            field: 'category',
            code: 'invalid_category',
            message: `The category "${row.input.category}" is not offered at this conference.`,
          });
          return false;
        }
        const open =
          bypass ||
          nominationOpen(
            {
              deadline: cat.deadline,
              categoryReopenedUntil: cat.reopenedUntil,
              delegationReopenedUntil: delegation.reopenedUntil,
            },
            now,
          );
        if (!open) {
          errors.push({
            line: row.line,
            field: 'category',
            code: 'nomination_after_deadline',
            message: `Nominations in the category "${cat.code}" are closed.`,
          });
          return false;
        }
        return true;
      };
      const summary = { total: file.total, valid: 0, imported: 0, errors };
      // A batch's category errors come after the file's own errors of that batch.
      const inLineOrder = () => errors.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
      const refused = () => {
        inLineOrder();
        return new PlenaryError(
          'import_has_errors',
          `The file has ${errors.length} error(s); nothing was imported.`,
          { details: errors, extra: { total: file.total, valid: summary.valid } },
        );
      };
      if (upload.mode === 'validate' || (upload.mode === 'all-or-nothing' && errors.length > 0)) {
        for (const batch of file.batches(IMPORT_BATCH))
          summary.valid += batch.filter(accepted).length;
        if (upload.mode !== 'validate') throw refused();
        inLineOrder();
        return summary;
      }
      // The rows go to the database batch by batch while the next are checked (on a server the
      // two overlap), in one COPY and one transaction: a file refused half-way leaves nothing.
      // Keys are UUIDv7 made here (platform/ids.ts), increasing within the process: bulk rows go
      // to the right-hand edge of the primary key's B-tree, and PGlite is spared
      // gen_random_uuid(), which reads /dev/urandom through its WASM file system for every row.
      // Rows of one file share created_at, so lists ordered by (created_at, id) show them in the
      // file's order.
      await db.transaction(async (tx) => {
        const copy = openCopy(tx, 'participants', IMPORT_COLUMNS);
        try {
          for (const batch of file.batches(IMPORT_BATCH)) {
            const rows = batch.filter(accepted);
            summary.valid += rows.length;
            // A refused file is still read to the end, so that every error is reported.
            if (upload.mode === 'all-or-nothing' && errors.length > 0) continue;
            const keys = increasingUuids(rows.length);
            await copy.write(
              rows.map((row, k) => importRecord(row, keys[k]!, edition.id, delegation.id, now)),
            );
            summary.imported += rows.length;
            onProgress?.(summary.imported, file.total);
          }
          if (upload.mode === 'all-or-nothing' && errors.length > 0) throw refused();
          await copy.end();
        } catch (error) {
          summary.imported = 0;
          await copy.abort();
          throw error;
        }
        inLineOrder();
        await recordAudit(tx, now, {
          actor,
          action: 'participant.import',
          entityType: 'delegation',
          entityId: delegation.id,
          editionId: edition.id,
          delegationId: delegation.id,
          after: {
            fileName: upload.fileName,
            mode: upload.mode,
            imported: summary.imported,
            skippedWithErrors: errors.length,
          },
        });
      });
      // Fresh statistics keep the queue's plans right after large imports (PGlite never
      // autovacuums; a server's autovacuum may lag behind a bulk registration), gathered when
      // the imports pause rather than inside one.
      analyzer.rowsWritten(summary.imported);
      return summary;
    },

    /**
     * The secretariat's review queue, paged by keyset: `after`/`before` are cursors from an
     * earlier page, so every page costs what the first costs and decisions taken while paging
     * skip nobody. The total is counted up to QUEUE_COUNT_CAP rows (`totalCapped` says so).
     */
    async queue(
      actor: Actor,
      slug: string,
      filters: {
        pageSize?: number;
        after?: string;
        before?: string;
        /** The nominations to decide by default; 'all' for every status. */
        status?: ParticipantStatus | 'all';
        category?: RegistrationCategory;
        delegation?: string;
        q?: string;
        hasPhoto?: boolean;
      },
      lang: string,
    ): Promise<QueuePage> {
      if (!policy.decide(actor)) throw forbidden("The queue is the secretariat's.");
      if (filters.after !== undefined && filters.before !== undefined)
        throw new PlenaryError('validation_failed', 'Give either after or before, not both.');
      const after = filters.after === undefined ? undefined : decodeCursor(filters.after);
      const before = filters.before === undefined ? undefined : decodeCursor(filters.before);
      // The delegation filter is resolved with the edition, in the same query.
      const { edition, delegation } = filters.delegation
        ? await lookUpDelegation(slug, filters.delegation)
        : { edition: await findEdition(slug), delegation: undefined };
      const { pageSize } = paging(filters);
      const empty: QueuePage = {
        items: [],
        total: 0,
        totalCapped: false,
        pageSize,
        next: null,
        previous: null,
      };
      const status = filters.status ?? 'nominated';
      if (filters.delegation && !delegation) return empty;
      const q = filters.q?.trim();
      const term = q ? searchTerm(q) : undefined;
      const cap = q ? SEARCH_COUNT_CAP : QUEUE_COUNT_CAP;
      const values = {
        edition: edition.id,
        status,
        category: filters.category,
        delegation: delegation?.id,
        term: term?.value,
        limit: pageSize + 1,
        pageSize,
        cap: cap + 1,
      };
      const pageOf = async (
        key: RowKey | undefined,
        direction: 'after' | 'before',
        withCount = false,
      ) => {
        const statement = queueStatement({
          allStatuses: status === 'all',
          category: filters.category !== undefined,
          delegation: filters.delegation !== undefined,
          hasPhoto: filters.hasPhoto,
          search: term?.kind,
          direction,
          fromKey: key !== undefined,
          withCount,
        });
        const [result] = await statement.execute({
          ...values,
          keyAt: key?.createdAt,
          keyId: key?.id,
        });
        return { rows: readJsonRows(result!.rows, QUEUE_FIELDS), counted: result!.counted };
      };

      const fetched = before
        ? await pageOf(before, 'before', true)
        : await pageOf(after, 'after', true);
      let rows = fetched.rows;
      let hasNext: boolean;
      let hasPrevious: boolean;
      if (before) {
        // Rows come back in the list's order: the extra row, if any, is the earliest.
        hasPrevious = fetched.rows.length > pageSize;
        rows = hasPrevious ? fetched.rows.slice(1) : fetched.rows;
        hasNext = true;
        // Fewer rows than a page before the cursor: that is the first page, shown full.
        if (!hasPrevious) {
          const first = await pageOf(undefined, 'after');
          hasNext = first.rows.length > pageSize;
          rows = first.rows.slice(0, pageSize);
        }
      } else {
        hasNext = fetched.rows.length > pageSize;
        rows = fetched.rows.slice(0, pageSize);
        hasPrevious = after !== undefined;
      }
      const n = fetched.counted;
      const totals = { total: Math.min(n, cap), totalCapped: n > cap };
      const first = rows[0];
      const last = rows.at(-1);
      if (!first || !last) return { ...empty, ...totals };
      return {
        items: rows.map((r) => ({
          ...presentParticipant(r, { actor, lang, delegationCode: r.delegationCode }),
          delegationName: organisationName(
            { kind: r.orgKind, iso3: r.orgIso3, name: r.orgName, code: r.orgCode },
            lang,
          ),
          hasCredentials: r.hasCredentials,
        })),
        ...totals,
        pageSize,
        next: hasNext ? encodeCursor({ createdAt: last.rowKey, id: last.id }) : null,
        previous: hasPrevious ? encodeCursor({ createdAt: first.rowKey, id: first.id }) : null,
      };
    },

    async decide(
      actor: Actor,
      id: string,
      decision: Decision,
      reason: string | undefined,
      lang: string,
    ) {
      if (!policy.decide(actor))
        throw forbidden('Only the secretariat approves or rejects nominations.');
      const found = await participantFor(actor, id);
      const [row] = await decideMany(actor, [id], decision, reason, true);
      if (!row?.ok)
        throw new PlenaryError(row?.code ?? 'already_decided', row?.message ?? 'Not decided.');
      const [updated] = await db.select().from(participants).where(eq(participants.id, id));
      return presentParticipant(updated!, { actor, lang, delegationCode: found.delegationCode });
    },

    async decideMany(actor: Actor, ids: string[], decision: Decision, reason: string | undefined) {
      if (!policy.decide(actor))
        throw forbidden('Only the secretariat approves or rejects nominations.');
      return decideMany(actor, ids, decision, reason, false);
    },

    async exportParticipants(
      actor: Actor,
      slug: string,
      format: 'csv' | 'xlsx',
      filters: { status?: ParticipantStatus },
      lang: string,
    ) {
      if (!policy.exportParticipants(actor))
        throw forbidden('Only the secretariat exports participant lists.');
      const edition = await findEdition(slug);
      const conditions: SQL[] = [eq(participants.editionId, edition.id)];
      if (filters.status) conditions.push(eq(participants.status, filters.status));
      const rows = await db
        .select({
          p: participants,
          code: delegations.code,
          org: {
            kind: organisations.kind,
            iso3: organisations.iso3,
            name: organisations.name,
            code: organisations.code,
          },
        })
        .from(participants)
        .innerJoin(delegations, eq(delegations.id, participants.delegationId))
        .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
        .where(and(...conditions))
        .orderBy(asc(delegations.code), asc(participants.createdAt));
      const columns: ExportColumn[] = [
        { key: 'delegation', header: 'delegation' },
        { key: 'organisation', header: 'organisation' },
        { key: 'family_name', header: 'family_name' },
        { key: 'given_name', header: 'given_name' },
        { key: 'family_name_ja', header: 'family_name_ja' },
        { key: 'given_name_ja', header: 'given_name_ja' },
        { key: 'title', header: 'title' },
        { key: 'title_ja', header: 'title_ja' },
        { key: 'rank', header: 'rank' },
        { key: 'category', header: 'category' },
        { key: 'status', header: 'status' },
        { key: 'email', header: 'email' },
        { key: 'gender', header: 'gender' },
        { key: 'nationality', header: 'nationality' },
        { key: 'date_of_birth', header: 'date_of_birth' },
        { key: 'passport_number', header: 'passport_number' },
        { key: 'consent_to_publish', header: 'consent_to_publish' },
        { key: 'checked_in_at', header: 'checked_in_at' },
      ];
      const data = rows.map(({ p, code, org }) => ({
        delegation: code,
        organisation: organisationName(org, lang),
        family_name: p.familyName.en ?? '',
        given_name: p.givenName.en ?? '',
        family_name_ja: p.familyName.ja ?? '',
        given_name_ja: p.givenName.ja ?? '',
        title: p.title.en ?? '',
        title_ja: p.title.ja ?? '',
        rank: p.rank,
        category: p.category,
        status: p.status,
        email: p.email,
        gender: p.gender,
        nationality: p.nationality,
        date_of_birth: p.dateOfBirth,
        passport_number: p.passportNumber,
        consent_to_publish: p.consentToPublish,
        checked_in_at: p.checkedInAt?.toISOString() ?? null,
      }));
      const name = `${edition.slug}-participants`;
      if (format === 'csv') {
        return {
          fileName: `${name}.csv`,
          mediaType: 'text/csv; charset=utf-8',
          body: Buffer.from(participantsCsv(columns, data), 'utf8'),
        };
      }
      return {
        fileName: `${name}.xlsx`,
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: Buffer.from(await participantsXlsx(columns, data, 'Participants')),
      };
    },

    async audit(
      actor: Actor,
      filters: Page & {
        action?: string;
        entityType?: string;
        entityId?: string;
        actor?: string;
        delegation?: string;
        from?: string;
        to?: string;
      },
    ) {
      if (!policy.viewAudit(actor)) throw forbidden('Only the secretariat reads the audit log.');
      const { page, pageSize, offset } = paging(filters);
      const conditions: SQL[] = [];
      if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
      if (filters.entityType) conditions.push(eq(auditEvents.entityType, filters.entityType));
      if (filters.entityId) conditions.push(eq(auditEvents.entityId, filters.entityId));
      if (filters.actor)
        conditions.push(ilike(auditEvents.actorLabel, `%${escapeLike(filters.actor)}%`));
      if (filters.from) conditions.push(gte(auditEvents.at, new Date(filters.from)));
      if (filters.to) conditions.push(lte(auditEvents.at, new Date(filters.to)));
      if (filters.delegation) {
        conditions.push(
          inArray(
            auditEvents.delegationId,
            db
              .select({ id: delegations.id })
              .from(delegations)
              .where(eq(delegations.code, filters.delegation.toUpperCase())),
          ),
        );
      }
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(auditEvents)
          .where(where)
          .orderBy(desc(auditEvents.at), desc(auditEvents.id))
          .limit(pageSize)
          .offset(offset),
        db.select({ n: count() }).from(auditEvents).where(where),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorLabel: r.actorLabel,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          before: r.before,
          after: r.after,
        })),
        total: Number(total?.n ?? 0),
        page,
        pageSize,
      };
    },
  };

  async function decideMany(
    actor: Actor,
    ids: string[],
    decision: Decision,
    reason: string | undefined,
    single: boolean,
  ) {
    const trimmed = reason?.trim();
    if (decision === 'reject' && !trimmed) {
      throw new PlenaryError(
        'validation_failed',
        'A rejection needs a reason the delegation can act on.',
        {
          details: [{ field: 'reason', code: 'required', message: 'Give a reason.' }],
        },
      );
    }
    const unique = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const now = clock.now();
    return db.transaction(async (tx) => {
      const rows =
        unique.length > 0
          ? await tx.select().from(participants).where(inArray(participants.id, unique))
          : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      const results: {
        id: string;
        ok: boolean;
        code?: 'already_decided' | 'participant_not_found';
        message?: string;
      }[] = [];
      const audit = [];
      for (const id of ids) {
        const before = byId.get(id);
        if (!before) {
          results.push({
            id,
            ok: false,
            code: 'participant_not_found',
            message: 'No such participant.',
          });
          continue;
        }
        const refusal = decisionRefusal(before.status, decision);
        if (refusal) {
          results.push({
            id,
            ok: false,
            code: 'already_decided',
            message:
              refusal === 'withdrawn'
                ? 'The nomination was withdrawn.'
                : `The nomination is ${before.status} already.`,
          });
          continue;
        }
        const status: ParticipantStatus = decision === 'approve' ? 'approved' : 'rejected';
        const [after] = await tx
          .update(participants)
          .set({
            status,
            decisionReason: decision === 'reject' ? trimmed! : null,
            decidedAt: now,
            decidedBy: actor.kind === 'user' ? actor.id : null,
            version: before.version + 1,
            updatedAt: now,
          })
          .where(and(eq(participants.id, id), eq(participants.version, before.version)))
          .returning();
        if (!after) {
          results.push({
            id,
            ok: false,
            code: 'already_decided',
            message: 'Changed meanwhile; reload.',
          });
          continue;
        }
        byId.set(id, after);
        audit.push({
          actor,
          action:
            decision === 'approve'
              ? ('participant.approve' as const)
              : ('participant.reject' as const),
          entityType: 'participant',
          entityId: id,
          editionId: before.editionId,
          delegationId: before.delegationId,
          before: { status: before.status, decisionReason: before.decisionReason },
          after: { status: after.status, decisionReason: after.decisionReason },
        });
        results.push({ id, ok: true });
      }
      if (single && results[0] && !results[0].ok) return results;
      await recordAuditMany(tx, now, audit);
      return results;
    });
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** How a search is matched: a name fragment (as a LIKE pattern), or a whole email address. */
function searchTerm(q: string): { kind: 'name' | 'email'; value: string } {
  const text = q.trim().toLowerCase();
  return text.includes('@')
    ? { kind: 'email', value: text }
    : { kind: 'name', value: `%${escapeLike(text)}%` };
}

/**
 * Matches the search against the names in every language the record holds (a fragment in any
 * script, anywhere in a name), or against the email address as a whole when it has an `@`.
 * `value` is searchTerm's value, or a placeholder for it.
 */
function searchMatches(kind: 'name' | 'email', value: unknown): SQL {
  return kind === 'email'
    ? sql`lower(${participants.email}) = ${value}`
    : sql`${participants.nameSearch} like ${value}`;
}

/** The search as a condition, with its value in it (the member list). */
function nameMatches(q: string): SQL {
  const { kind, value } = searchTerm(q);
  return searchMatches(kind, value);
}

/** What decides the text of a queue statement; the values go in as placeholders. */
interface QueueShape {
  allStatuses: boolean;
  category: boolean;
  delegation: boolean;
  hasPhoto: boolean | undefined;
  search: 'name' | 'email' | undefined;
  /** Rows after or before a cursor's key, or from the start of the list. */
  direction: 'after' | 'before';
  fromKey: boolean;
  withCount: boolean;
}

export type AccreditationService = ReturnType<typeof createAccreditationService>;
