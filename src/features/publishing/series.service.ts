/**
 * A conference series as the public reads it: the editions on a timeline (host, chair, scale,
 * outcome documents), one delegation's statements across the editions, and the positions the
 * delegations took on each edition's themes — as a matrix for the heat-grid and as CSV.
 * Public data only: published statements, adopted or published documents.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import {
  delegations,
  documents,
  editions,
  organisations,
  series,
  sessions,
  statements,
  themes,
} from '../../db/schema.js';
import { PlenaryError } from '../../platform/errors.js';
import { pick } from '../../platform/localized.js';
import { participantsCsv } from '../accreditation/participant-export.js';
import type { ConferencesService } from '../conferences/conferences.service.js';
import { organisationName } from '../conferences/organisation-name.js';

/** Documents the public may read (DOMAIN: drafts and texts under negotiation are not public). */
export const PUBLIC_DOCUMENT_STATUSES = ['adopted', 'published'] as const;

export interface OutcomeDocument {
  code: string;
  kind: string;
  title: string;
  status: string;
  href: string;
}

export interface TimelineEdition {
  slug: string;
  ordinal: number;
  name: string;
  city: string;
  hostName: string;
  host: string;
  chair: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  status: string;
  countries: number | null;
  participants: number | null;
  /** Published outcome documents; when none, `outcomeSummary` says what the edition produced. */
  documents: OutcomeDocument[];
  outcomeSummary: string;
}

export interface PositionsMatrix {
  edition: { slug: string; name: string };
  themes: { code: string; name: string }[];
  /** Delegations that made published statements in the edition, in the reader's alphabetical order. */
  rows: {
    code: string;
    name: string;
    statements: number;
    /** Theme code → number of that delegation's statements taking the position. */
    positions: Record<string, number>;
  }[];
}

export interface DelegationStatementsAcrossSeries {
  series: { slug: string; name: string };
  delegation: { code: string; name: string };
  editions: {
    slug: string;
    name: string;
    timeZone: string;
    statements: {
      id: string;
      session: { code: string; title: string; startsAt: string } | null;
      deliveredAt: string | null;
      isSummary: boolean;
      /** The text in the reader's language when there is one, else the original. */
      text: string;
      textLang: string;
      originalLanguage: string;
      positions: { code: string; name: string }[];
      href: string;
    }[];
  }[];
}

export const seriesPaths = {
  delegation: (slug: string, code: string) =>
    `/series/${encodeURIComponent(slug)}/delegations/${encodeURIComponent(code)}`,
  positions: (slug: string, edition?: string) =>
    `/series/${encodeURIComponent(slug)}${edition ? `?edition=${encodeURIComponent(edition)}` : ''}#positions`,
  positionsCsv: (slug: string, edition?: string) =>
    `/series/${encodeURIComponent(slug)}/positions.csv${edition ? `?edition=${encodeURIComponent(edition)}` : ''}`,
  document: (edition: string, code: string) =>
    `/editions/${encodeURIComponent(edition)}/documents/${encodeURIComponent(code)}`,
  statement: (edition: string, delegation: string, id: string) =>
    `/editions/${encodeURIComponent(edition)}/delegations/${encodeURIComponent(delegation)}/statements#statement-${id}`,
};

export function createSeriesService({
  db,
  conferences,
}: {
  db: Db;
  conferences: ConferencesService;
}) {
  async function seriesRow(slug: string) {
    const [row] = await db.select().from(series).where(eq(series.slug, slug));
    if (!row) throw new PlenaryError('not_found', `There is no series "${slug}".`);
    return row;
  }

  async function editionsOf(seriesId: string) {
    return db
      .select()
      .from(editions)
      .where(eq(editions.seriesId, seriesId))
      .orderBy(asc(editions.ordinal));
  }

  async function matrices(
    editionRows: (typeof editions.$inferSelect)[],
    lang: string,
  ): Promise<PositionsMatrix[]> {
    const ids = editionRows.map((e) => e.id);
    if (ids.length === 0) return [];
    const [themeRows, statementRows] = await Promise.all([
      db.select().from(themes).where(inArray(themes.editionId, ids)).orderBy(asc(themes.code)),
      db
        .select({
          editionId: statements.editionId,
          code: delegations.code,
          kind: organisations.kind,
          iso3: organisations.iso3,
          name: organisations.name,
          positions: statements.positions,
        })
        .from(statements)
        .innerJoin(delegations, eq(delegations.id, statements.delegationId))
        .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
        .where(and(inArray(statements.editionId, ids), eq(statements.published, true))),
    ]);
    const collator = new Intl.Collator(lang);
    return editionRows.map((e) => {
      const editionThemes = themeRows
        .filter((t) => t.editionId === e.id)
        .map((t) => ({ code: t.code, name: pick(t.name, lang) || t.code }));
      const known = new Set(editionThemes.map((t) => t.code));
      const rows = new Map<string, PositionsMatrix['rows'][number]>();
      for (const s of statementRows) {
        if (s.editionId !== e.id) continue;
        let row = rows.get(s.code);
        if (!row) {
          row = { code: s.code, name: organisationName(s, lang), statements: 0, positions: {} };
          rows.set(s.code, row);
        }
        row.statements++;
        for (const code of s.positions) {
          if (known.has(code)) row.positions[code] = (row.positions[code] ?? 0) + 1;
        }
      }
      return {
        edition: { slug: e.slug, name: pick(e.name, lang) },
        themes: editionThemes,
        rows: [...rows.values()].sort((a, b) => collator.compare(a.name, b.name)),
      };
    });
  }

  return {
    /** The series with its editions oldest first, each with host, chair, scale and outcomes. */
    async timeline(slug: string, lang: string) {
      const row = await seriesRow(slug);
      const rows = await editionsOf(row.id);
      const docs =
        rows.length > 0
          ? await db
              .select()
              .from(documents)
              .where(
                and(
                  inArray(
                    documents.editionId,
                    rows.map((e) => e.id),
                  ),
                  inArray(documents.status, [...PUBLIC_DOCUMENT_STATUSES]),
                ),
              )
              // Outcome documents before the chair's statement; annexes after what they annex.
              .orderBy(
                asc(documents.kind),
                sql`${documents.annexToId} is not null`,
                asc(documents.code),
              )
          : [];
      const timeline: TimelineEdition[] = [];
      for (const e of rows) {
        // editionSummary: counts from Plenary's records, else the reported scale.
        const summary = await conferences.editionSummary(e, lang);
        timeline.push({
          slug: e.slug,
          ordinal: e.ordinal,
          name: summary.name,
          city: summary.city,
          hostName: summary.hostName,
          host: pick(e.host, lang),
          chair: summary.chair,
          startDate: e.startDate,
          endDate: e.endDate,
          timeZone: e.timeZone,
          status: e.status,
          countries: summary.countries ?? null,
          participants: summary.participants ?? null,
          documents: docs
            .filter((d) => d.editionId === e.id)
            .map((d) => ({
              code: d.code,
              kind: d.kind,
              title: pick(d.title, lang) || d.code,
              status: d.status,
              href: seriesPaths.document(e.slug, d.code),
            })),
          outcomeSummary: pick(e.outcomeSummary, lang),
        });
      }
      return {
        slug: row.slug,
        name: pick(row.name, lang),
        description: pick(row.description, lang),
        editions: timeline,
      };
    },

    /**
     * Positions per edition: which delegation took a position on which theme in its published
     * statements. `edition` picks one; without it, the latest edition that has positions.
     */
    async positions(
      slug: string,
      lang: string,
      edition?: string,
    ): Promise<{
      series: { slug: string; name: string };
      editions: { slug: string; name: string; hasPositions: boolean }[];
      matrix: PositionsMatrix | null;
    }> {
      const row = await seriesRow(slug);
      const rows = await editionsOf(row.id);
      if (edition && !rows.some((e) => e.slug === edition))
        throw new PlenaryError('edition_not_found', `There is no edition "${edition}" in ${slug}.`);
      const all = await matrices(rows, lang);
      const hasPositions = (m: PositionsMatrix) => m.rows.length > 0 && m.themes.length > 0;
      const chosen = edition
        ? all.find((m) => m.edition.slug === edition)
        : ([...all].reverse().find(hasPositions) ?? all[all.length - 1]);
      return {
        series: { slug: row.slug, name: pick(row.name, lang) },
        editions: all.map((m) => ({ ...m.edition, hasPositions: hasPositions(m) })),
        matrix: chosen ?? null,
      };
    },

    /**
     * The positions as CSV (UTF-8 with BOM, formula-guarded): one row per delegation and
     * edition, one column per theme holding the number of statements taking that position (0:
     * none; empty: the edition does not track that theme). One edition, or all of them.
     */
    async positionsCsv(slug: string, lang: string, edition?: string): Promise<string> {
      const row = await seriesRow(slug);
      let rows = await editionsOf(row.id);
      if (edition) {
        rows = rows.filter((e) => e.slug === edition);
        if (rows.length === 0)
          throw new PlenaryError(
            'edition_not_found',
            `There is no edition "${edition}" in ${slug}.`,
          );
      }
      const all = await matrices(rows, lang);
      const themeColumns = new Map<string, string>();
      for (const m of all) for (const t of m.themes) themeColumns.set(t.code, t.name);
      const columns = [
        { key: 'edition', header: 'edition' },
        { key: 'delegation_code', header: 'delegation_code' },
        { key: 'delegation', header: 'delegation' },
        { key: 'statements', header: 'statements' },
        ...[...themeColumns].map(([code, name]) => ({ key: `theme:${code}`, header: name })),
      ];
      const out = all.flatMap((m) => {
        const tracked = new Set(m.themes.map((t) => t.code));
        return m.rows.map((r) => ({
          edition: m.edition.slug,
          delegation_code: r.code,
          delegation: r.name,
          statements: r.statements,
          ...Object.fromEntries(
            [...themeColumns.keys()].map((code) => [
              `theme:${code}`,
              tracked.has(code) ? (r.positions[code] ?? 0) : null,
            ]),
          ),
        }));
      });
      return participantsCsv(columns, out);
    },

    /** One delegation's published statements in every edition of the series, by edition. */
    async delegationStatements(
      slug: string,
      code: string,
      lang: string,
    ): Promise<DelegationStatementsAcrossSeries> {
      const row = await seriesRow(slug);
      const rows = await editionsOf(row.id);
      const ids = rows.map((e) => e.id);
      const dels =
        ids.length > 0
          ? await db
              .select({
                editionId: delegations.editionId,
                kind: organisations.kind,
                iso3: organisations.iso3,
                name: organisations.name,
                code: organisations.code,
              })
              .from(delegations)
              .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
              .where(and(inArray(delegations.editionId, ids), eq(delegations.code, code)))
          : [];
      const org = dels[0];
      if (!org)
        throw new PlenaryError(
          'delegation_not_found',
          `No delegation "${code}" took part in ${slug}.`,
        );
      const [statementRows, themeRows] = await Promise.all([
        db
          .select({
            id: statements.id,
            editionId: statements.editionId,
            session: { code: sessions.code, title: sessions.title, startsAt: sessions.startsAt },
            deliveredAt: statements.deliveredAt,
            isSummary: statements.isSummary,
            texts: statements.texts,
            originalLanguage: statements.originalLanguage,
            positions: statements.positions,
          })
          .from(statements)
          .innerJoin(delegations, eq(delegations.id, statements.delegationId))
          .leftJoin(sessions, eq(sessions.id, statements.sessionId))
          .where(
            and(
              inArray(statements.editionId, ids),
              eq(delegations.code, code),
              eq(statements.published, true),
            ),
          )
          .orderBy(
            sql`${sessions.startsAt} asc nulls last`,
            sql`${statements.deliveredAt} asc nulls last`,
            asc(statements.createdAt),
          ),
        db.select().from(themes).where(inArray(themes.editionId, ids)),
      ]);
      const themeName = (editionId: string, themeCode: string) =>
        pick(
          themeRows.find((t) => t.editionId === editionId && t.code === themeCode)?.name ?? {},
          lang,
        ) || themeCode;
      const took = new Set(dels.map((d) => d.editionId));
      return {
        series: { slug: row.slug, name: pick(row.name, lang) },
        delegation: { code, name: organisationName(org, lang) },
        editions: rows
          .filter((e) => took.has(e.id))
          .map((e) => ({
            slug: e.slug,
            name: pick(e.name, lang),
            timeZone: e.timeZone,
            statements: statementRows
              .filter((s) => s.editionId === e.id)
              .map((s) => {
                const textLang = s.texts[lang] ? lang : s.originalLanguage;
                return {
                  id: s.id,
                  session: s.session
                    ? {
                        code: s.session.code,
                        title: pick(s.session.title, lang),
                        startsAt: s.session.startsAt.toISOString(),
                      }
                    : null,
                  deliveredAt: s.deliveredAt?.toISOString() ?? null,
                  isSummary: s.isSummary,
                  text: s.texts[textLang] ?? Object.values(s.texts)[0] ?? '',
                  textLang,
                  originalLanguage: s.originalLanguage,
                  positions: s.positions.map((p) => ({ code: p, name: themeName(e.id, p) })),
                  href: seriesPaths.statement(e.slug, code, s.id),
                };
              }),
          })),
      };
    },
  };
}

export type SeriesService = ReturnType<typeof createSeriesService>;
