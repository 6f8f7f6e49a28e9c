/**
 * Statements: what a speaker delivered in a session (or a summary written from a readout), in
 * its original language and translations, with the positions it takes on the edition's themes.
 * The secretariat writes them; everyone reads the published ones and searches them.
 */
import {
  and,
  arrayContains,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { pgError, UNIQUE_VIOLATION } from '../../db/errors.js';
import {
  type AttendanceMode,
  delegations,
  editions,
  type Localized,
  organisations,
  participants,
  sessions,
  statements,
  themes,
} from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { countryName } from '../../platform/countries.js';
import { forbidden, PlenaryError } from '../../platform/errors.js';
import { type Actor, isSecretariat } from '../accounts/actor.js';
import { displayName } from '../accreditation/participants.presenter.js';
import { recordAudit } from '../audit/audit.js';
import {
  buildSearchText,
  likeContains,
  type Snippet,
  searchPattern,
  statementSnippet,
} from './search-text.js';

export interface StatementInput {
  /** The session it was delivered in; null when it belongs to none (a written statement). */
  sessionCode?: string | null;
  delegationCode: string;
  /** The speaker: a participant of the delegation. */
  participantId?: string | null;
  deliveredAt?: string | null;
  attendance?: AttendanceMode;
  /** The language delivered in (for a summary: the language it was written from); `texts` must hold it. */
  originalLanguage: string;
  texts: Localized;
  isSummary?: boolean;
  /** Theme codes of the edition's vocabulary. */
  positions?: string[];
  published?: boolean;
}

export type StatementChange = Partial<StatementInput>;

export interface ThemeView {
  code: string;
  name: Localized;
}

export interface StatementView {
  id: string;
  session: { code: string; title: Localized; startsAt: string } | null;
  delegation: { code: string; name: Localized };
  speaker: { participantId: string; name: Localized; title: Localized } | null;
  deliveredAt: string | null;
  attendance: AttendanceMode;
  originalLanguage: string;
  texts: Localized;
  isSummary: boolean;
  positions: ThemeView[];
  published: boolean;
  createdAt: string;
}

export interface EditionRef {
  slug: string;
  name: Localized;
  timeZone: string;
}

export interface StatementFilters {
  session?: string | undefined;
  delegation?: string | undefined;
  theme?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface SearchResult {
  statement: StatementView;
  snippet: Snippet;
  /** How often the query's words occur in the statement, all languages together. */
  score: number;
}

const MAX_PAGE_SIZE = 200;
export const MAX_SEARCH_LIMIT = 50;
/** Matches ranked per search; beyond this many, the reader is asked to narrow the query. */
const CANDIDATES = 100;

/** Every column but search_text, which is for the database's eyes only. */
const { searchText: _searchText, ...statementColumns } = getTableColumns(statements);

type StatementRow = Omit<typeof statements.$inferSelect, 'searchText'>;

function auditView(row: StatementRow) {
  return {
    ...row,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function createStatementsService({ db, clock }: { db: Db; clock: Clock }) {
  async function edition(slug: string) {
    const [row] = await db.select().from(editions).where(eq(editions.slug, slug));
    if (!row) throw new PlenaryError('edition_not_found', `There is no edition "${slug}".`);
    return row;
  }

  async function themeNames(editionId: string): Promise<Map<string, Localized>> {
    const rows = await db.select().from(themes).where(eq(themes.editionId, editionId));
    return new Map(rows.map((t) => [t.code, t.name]));
  }

  async function sessionByCode(editionId: string, code: string) {
    const [row] = await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.editionId, editionId), eq(sessions.code, code)));
    if (!row) throw new PlenaryError('session_not_found', `There is no session "${code}".`);
    return row;
  }

  async function delegationByCode(editionId: string, code: string) {
    const [row] = await db
      .select({
        id: delegations.id,
        code: delegations.code,
        iso3: organisations.iso3,
        name: organisations.name,
      })
      .from(delegations)
      .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
      .where(and(eq(delegations.editionId, editionId), eq(delegations.code, code)));
    if (!row) throw new PlenaryError('delegation_not_found', `There is no delegation "${code}".`);
    return row;
  }

  function requireSecretariat(actor: Actor) {
    if (!isSecretariat(actor))
      throw forbidden('Only the secretariat records statements and themes.');
  }

  function invalid(field: string, message: string) {
    return new PlenaryError('validation_failed', message, {
      details: [{ field, code: 'invalid', message }],
    });
  }

  /** Positions must be codes of the edition's vocabulary; duplicates are dropped, order kept. */
  async function checkPositions(editionId: string, positions: string[]): Promise<string[]> {
    const unique = [...new Set(positions)];
    if (unique.length === 0) return unique;
    const known = await themeNames(editionId);
    const unknown = unique.filter((code) => !known.has(code));
    if (unknown.length > 0) {
      throw invalid(
        'positions',
        `Not themes of this edition: ${unknown.join(', ')}. Add them to the vocabulary first.`,
      );
    }
    return unique;
  }

  function checkTexts(texts: Localized, originalLanguage: string) {
    for (const [lang, text] of Object.entries(texts)) {
      if (!text.trim())
        throw invalid(`texts.${lang}`, 'A text may not be empty; leave the language out instead.');
    }
    if (!texts[originalLanguage])
      throw invalid('texts', `The texts must include the original language (${originalLanguage}).`);
  }

  function parseInstant(value: string | null | undefined): Date | null {
    if (value == null) return null;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw invalid('deliveredAt', 'Not a date and time.');
    return date;
  }

  async function speaker(
    editionId: string,
    delegationId: string,
    participantId: string | null | undefined,
  ): Promise<string | null> {
    if (!participantId) return null;
    const [row] = await db
      .select({ delegationId: participants.delegationId })
      .from(participants)
      .where(and(eq(participants.id, participantId), eq(participants.editionId, editionId)));
    if (!row)
      throw new PlenaryError(
        'participant_not_found',
        'The speaker must be a participant of this edition.',
      );
    if (row.delegationId !== delegationId)
      throw invalid(
        'participantId',
        'The speaker must be a member of the delegation the statement is made for.',
      );
    return participantId;
  }

  /** Statements with their session, delegation and speaker: one query, search_text left out. */
  function selectViews() {
    return db
      .select({
        statement: statementColumns,
        session: { code: sessions.code, title: sessions.title, startsAt: sessions.startsAt },
        delegationCode: delegations.code,
        organisation: { iso3: organisations.iso3, name: organisations.name },
        speaker: {
          id: participants.id,
          familyName: participants.familyName,
          givenName: participants.givenName,
          title: participants.title,
        },
      })
      .from(statements)
      .leftJoin(sessions, eq(sessions.id, statements.sessionId))
      .innerJoin(delegations, eq(delegations.id, statements.delegationId))
      .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
      .leftJoin(participants, eq(participants.id, statements.participantId))
      .$dynamic();
  }

  type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['execute']>>[number];

  function organisationName(org: { iso3: string | null; name: Localized }): Localized {
    return org.iso3
      ? { en: countryName(org.iso3, 'en'), ja: countryName(org.iso3, 'ja') }
      : org.name;
  }

  function present(row: ViewRow, names: Map<string, Localized>): StatementView {
    const s = row.statement;
    return {
      id: s.id,
      session: row.session
        ? {
            code: row.session.code,
            title: row.session.title,
            startsAt: row.session.startsAt.toISOString(),
          }
        : null,
      delegation: { code: row.delegationCode, name: organisationName(row.organisation) },
      speaker: row.speaker
        ? {
            participantId: row.speaker.id,
            name: { en: displayName(row.speaker, 'en'), ja: displayName(row.speaker, 'ja') },
            title: row.speaker.title,
          }
        : null,
      deliveredAt: s.deliveredAt?.toISOString() ?? null,
      attendance: s.attendance,
      originalLanguage: s.originalLanguage,
      texts: s.texts,
      isSummary: s.isSummary,
      positions: s.positions.map((code) => ({ code, name: names.get(code) ?? { en: code } })),
      published: s.published,
      createdAt: s.createdAt.toISOString(),
    };
  }

  async function describe(editionId: string, id: string): Promise<StatementView> {
    const [row] = await selectViews().where(
      and(eq(statements.editionId, editionId), eq(statements.id, id)),
    );
    if (!row) throw new PlenaryError('not_found', 'There is no such statement.');
    return present(row, await themeNames(editionId));
  }

  const editionRef = (e: typeof editions.$inferSelect): EditionRef => ({
    slug: e.slug,
    name: e.name,
    timeZone: e.timeZone,
  });

  // In the order they were delivered: by session, then time, then as recorded.
  const deliveryOrder = [
    sql`${sessions.startsAt} asc nulls last`,
    sql`${statements.deliveredAt} asc nulls last`,
    asc(statements.createdAt),
    asc(statements.id),
  ];

  const service = {
    async themes(slug: string): Promise<ThemeView[]> {
      const e = await edition(slug);
      return db
        .select({ code: themes.code, name: themes.name })
        .from(themes)
        .where(eq(themes.editionId, e.id))
        .orderBy(asc(themes.code));
    },

    async createTheme(actor: Actor, slug: string, input: ThemeView): Promise<ThemeView> {
      requireSecretariat(actor);
      const e = await edition(slug);
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(themes)
            .values({ editionId: e.id, code: input.code, name: input.name })
            .returning();
          await recordAudit(tx, clock.now(), {
            actor,
            action: 'theme.create',
            entityType: 'theme',
            entityId: `${e.slug}/${input.code}`,
            editionId: e.id,
            after: row,
          });
          return { code: row!.code, name: row!.name };
        });
      } catch (error) {
        if (pgError(error).code === UNIQUE_VIOLATION)
          throw new PlenaryError('duplicate', `The theme "${input.code}" exists already.`);
        throw error;
      }
    },

    async create(actor: Actor, slug: string, input: StatementInput): Promise<StatementView> {
      requireSecretariat(actor);
      const e = await edition(slug);
      const delegation = await delegationByCode(e.id, input.delegationCode);
      const session = input.sessionCode ? await sessionByCode(e.id, input.sessionCode) : null;
      const participantId = await speaker(e.id, delegation.id, input.participantId);
      checkTexts(input.texts, input.originalLanguage);
      const positions = await checkPositions(e.id, input.positions ?? []);
      const id = await db.transaction(async (tx: Tx) => {
        const [row] = await tx
          .insert(statements)
          .values({
            editionId: e.id,
            sessionId: session?.id ?? null,
            delegationId: delegation.id,
            participantId,
            deliveredAt: parseInstant(input.deliveredAt),
            attendance: input.attendance ?? 'present',
            originalLanguage: input.originalLanguage,
            texts: input.texts,
            isSummary: input.isSummary ?? false,
            positions,
            published: input.published ?? true,
            searchText: buildSearchText(input.texts),
            createdAt: clock.now(),
          })
          .returning(statementColumns);
        await recordAudit(tx, clock.now(), {
          actor,
          action: 'statement.create',
          entityType: 'statement',
          entityId: row!.id,
          editionId: e.id,
          delegationId: delegation.id,
          after: auditView(row!),
        });
        return row!.id;
      });
      return describe(e.id, id);
    },

    async update(
      actor: Actor,
      slug: string,
      id: string,
      change: StatementChange,
    ): Promise<StatementView> {
      requireSecretariat(actor);
      const e = await edition(slug);
      const [before] = await db
        .select(statementColumns)
        .from(statements)
        .where(and(eq(statements.editionId, e.id), eq(statements.id, id)));
      if (!before) throw new PlenaryError('not_found', 'There is no such statement.');
      const delegationId = change.delegationCode
        ? (await delegationByCode(e.id, change.delegationCode)).id
        : before.delegationId;
      const sessionId =
        change.sessionCode === undefined
          ? before.sessionId
          : change.sessionCode === null
            ? null
            : (await sessionByCode(e.id, change.sessionCode)).id;
      const participantId =
        change.participantId !== undefined || change.delegationCode
          ? await speaker(
              e.id,
              delegationId,
              change.participantId === undefined ? before.participantId : change.participantId,
            )
          : before.participantId;
      const texts = change.texts ?? before.texts;
      const originalLanguage = change.originalLanguage ?? before.originalLanguage;
      checkTexts(texts, originalLanguage);
      const positions = change.positions
        ? await checkPositions(e.id, change.positions)
        : before.positions;
      await db.transaction(async (tx) => {
        const [after] = await tx
          .update(statements)
          .set({
            delegationId,
            sessionId,
            participantId,
            originalLanguage,
            texts,
            positions,
            ...(change.deliveredAt !== undefined
              ? { deliveredAt: parseInstant(change.deliveredAt) }
              : {}),
            ...(change.attendance ? { attendance: change.attendance } : {}),
            ...(change.isSummary !== undefined ? { isSummary: change.isSummary } : {}),
            ...(change.published !== undefined ? { published: change.published } : {}),
            ...(change.texts ? { searchText: buildSearchText(texts) } : {}),
          })
          .where(eq(statements.id, before.id))
          .returning(statementColumns);
        await recordAudit(tx, clock.now(), {
          actor,
          action: 'statement.update',
          entityType: 'statement',
          entityId: before.id,
          editionId: e.id,
          delegationId,
          before: auditView(before),
          after: auditView(after!),
        });
      });
      return describe(e.id, id);
    },

    /**
     * Statements of an edition, of one session, delegation or theme, in the order delivered.
     * The secretariat sees unpublished ones too; everyone else the published ones.
     */
    async list(actor: Actor, slug: string, filters: StatementFilters = {}) {
      const e = await edition(slug);
      const session = filters.session ? await sessionByCode(e.id, filters.session) : null;
      const delegation = filters.delegation
        ? await delegationByCode(e.id, filters.delegation)
        : null;
      const conditions: SQL[] = [eq(statements.editionId, e.id)];
      if (session) conditions.push(eq(statements.sessionId, session.id));
      if (delegation) conditions.push(eq(statements.delegationId, delegation.id));
      if (filters.theme) conditions.push(arrayContains(statements.positions, [filters.theme]));
      if (!isSecretariat(actor)) conditions.push(eq(statements.published, true));
      const where = and(...conditions);
      const pageSize = Math.min(filters.pageSize ?? 50, MAX_PAGE_SIZE);
      const page = filters.page ?? 1;
      const [rows, [total], names] = await Promise.all([
        selectViews()
          .where(where)
          .orderBy(...deliveryOrder)
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(statements).where(where),
        themeNames(e.id),
      ]);
      return {
        edition: editionRef(e),
        session: session
          ? {
              code: session.code,
              title: session.title,
              startsAt: session.startsAt.toISOString(),
              endsAt: session.endsAt.toISOString(),
            }
          : null,
        delegation: delegation
          ? { code: delegation.code, name: organisationName(delegation) }
          : null,
        items: rows.map((row) => present(row, names)),
        total: Number(total?.n ?? 0),
        page,
        pageSize,
      };
    },

    /**
     * Published statements matching every term of the query, best first (most occurrences of
     * the query's words, then the most recent). Each word is a `LIKE '%…%'` on search_text
     * (lower-cased already, so LIKE is ILIKE without the per-row case folding), which the GIN
     * trigram index serves for words of three characters or more; a query of only shorter words
     * (犯罪) is answered by scanning the edition's statements, with the same results. Ranking
     * covers the first CANDIDATES matches found: exact for any query matching fewer, bounded
     * work for one matching thousands. Only the page is presented and gets a snippet.
     */
    async search(
      slug: string,
      query: string,
      options: { lang: string; limit?: number },
    ): Promise<{
      edition: EditionRef;
      query: string;
      words: string[];
      items: SearchResult[];
      more: boolean;
    }> {
      const e = await edition(slug);
      const terms = searchPattern(query, options.lang);
      const allWords = [...new Set(terms.flatMap((t) => t.words))];
      if (terms.length === 0)
        return { edition: editionRef(e), query, words: [], items: [], more: false };
      const limit = Math.min(options.limit ?? 20, MAX_SEARCH_LIMIT);
      const matches: SQL[] = [
        ...allWords.map((word) => sql`${statements.searchText} like ${likeContains(word)}`),
        ...terms.flatMap((t) =>
          t.phrase
            ? [sql`replace(${statements.searchText}, ' ', '') like ${likeContains(t.phrase)}`]
            : [],
        ),
      ];
      // The first matches found, at most CANDIDATES of them: the database stops looking there,
      // so a query matching thousands costs no more than one matching a few hundred.
      const candidates = db
        .select({
          id: statements.id,
          searchText: statements.searchText,
          deliveredAt: statements.deliveredAt,
          createdAt: statements.createdAt,
        })
        .from(statements)
        .where(and(eq(statements.editionId, e.id), eq(statements.published, true), ...matches))
        .limit(CANDIDATES)
        .as('candidates');
      const occurrences = sql.join(
        allWords.map(
          (word) =>
            sql`(char_length(${candidates.searchText}) - char_length(replace(${candidates.searchText}, ${word}, ''))) / ${word.length}`,
        ),
        sql` + `,
      );
      const score = sql<number>`(${occurrences})::int`;
      const rows = await db
        .select({ id: candidates.id, score })
        .from(candidates)
        .orderBy(
          desc(score),
          sql`${candidates.deliveredAt} desc nulls last`,
          desc(candidates.createdAt),
          asc(candidates.id),
        )
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const scores = new Map(page.map((r) => [r.id, Number(r.score)]));
      const views =
        page.length > 0
          ? await service.describeMany(
              e.id,
              page.map((r) => r.id),
            )
          : [];
      return {
        edition: editionRef(e),
        query,
        words: allWords,
        items: views.map((statement) => ({
          statement,
          snippet: statementSnippet(
            statement.texts,
            statement.originalLanguage,
            options.lang,
            terms,
          ),
          score: scores.get(statement.id) ?? 0,
        })),
        more: rows.length > limit,
      };
    },

    /** Views of the given statements, in the order of the ids given. */
    async describeMany(editionId: string, ids: string[]): Promise<StatementView[]> {
      const [rows, names] = await Promise.all([
        selectViews().where(and(eq(statements.editionId, editionId), inArray(statements.id, ids))),
        themeNames(editionId),
      ]);
      const byId = new Map(rows.map((r) => [r.statement.id, present(r, names)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  };
  return service;
}

export type StatementsService = ReturnType<typeof createStatementsService>;
