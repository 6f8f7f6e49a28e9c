/**
 * Conference series and editions, and what the public may know of who takes part.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import {
  categories,
  delegations,
  editions,
  ORGANISATION_KINDS,
  organisations,
  participants,
  series,
} from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { countryName } from '../../platform/countries.js';
import { forbidden, PlenaryError } from '../../platform/errors.js';
import { pick } from '../../platform/localized.js';
import type { Actor } from '../accounts/actor.js';
import { isSecretariat } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.js';
import { organisationName } from './organisation-name.js';
import { editionSettings } from './settings.js';

type EditionRow = typeof editions.$inferSelect;
type CategoryRow = typeof categories.$inferSelect;

export function presentCategory(row: CategoryRow, lang: string, now: Date) {
  const t = now.getTime();
  const open =
    row.deadline === null ||
    t <= row.deadline.getTime() ||
    (row.reopenedUntil !== null && t <= row.reopenedUntil.getTime());
  return {
    code: row.code,
    name: pick(row.name, lang),
    colour: row.colour,
    deadline: row.deadline?.toISOString() ?? null,
    reopenedUntil: row.reopenedUntil?.toISOString() ?? null,
    open,
  };
}

export function createConferencesService({ db, clock }: { db: Db; clock: Clock }) {
  async function edition(slug: string): Promise<EditionRow> {
    const [row] = await db.select().from(editions).where(eq(editions.slug, slug));
    if (!row) throw new PlenaryError('edition_not_found', `There is no edition "${slug}".`);
    return row;
  }

  async function scale(editionId: string) {
    const [row] = await db
      .select({
        countries: sql<number>`count(distinct ${organisations.id}) filter (where ${organisations.kind} = 'state')`,
        organisations: sql<number>`count(distinct ${organisations.id})`,
      })
      .from(delegations)
      .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
      .where(eq(delegations.editionId, editionId));
    const [people] = await db
      .select({ participants: sql<number>`count(*)` })
      .from(participants)
      .where(and(eq(participants.editionId, editionId), eq(participants.status, 'approved')));
    return {
      countries: Number(row?.countries ?? 0),
      organisations: Number(row?.organisations ?? 0),
      participants: Number(people?.participants ?? 0),
    };
  }

  return {
    edition,

    async series(slug: string, lang: string) {
      const [row] = await db.select().from(series).where(eq(series.slug, slug));
      if (!row) throw new PlenaryError('not_found', `There is no series "${slug}".`);
      const rows = await db
        .select()
        .from(editions)
        .where(eq(editions.seriesId, row.id))
        .orderBy(asc(editions.ordinal));
      const summaries = [];
      for (const e of rows) summaries.push(await this.editionSummary(e, lang));
      return { slug: row.slug, name: pick(row.name, lang), editions: summaries };
    },

    async allSeries(lang: string) {
      const rows = await db.select().from(series).orderBy(asc(series.slug));
      const out = [];
      for (const row of rows) out.push(await this.series(row.slug, lang));
      return out;
    },

    async editionSummary(e: EditionRow, lang: string) {
      const counted = await scale(e.id);
      return {
        slug: e.slug,
        ordinal: e.ordinal,
        name: pick(e.name, lang),
        city: pick(e.city, lang),
        venue: pick(e.venue, lang),
        hostIso3: e.hostIso3,
        hostName: countryName(e.hostIso3, lang),
        chair: pick(e.chair, lang),
        startDate: e.startDate,
        endDate: e.endDate,
        timeZone: e.timeZone,
        status: e.status,
        outcome: pick(e.outcomeSummary, lang),
        // Records kept in Plenary win; editions before Plenary show their reported scale.
        countries: counted.countries || e.reportedCountries,
        participants: counted.participants || e.reportedParticipants,
      };
    },

    async describeEdition(slug: string, lang: string) {
      const e = await edition(slug);
      const [s] = await db.select().from(series).where(eq(series.id, e.seriesId));
      const cats = await db
        .select()
        .from(categories)
        .where(eq(categories.editionId, e.id))
        .orderBy(asc(categories.code));
      const now = clock.now();
      return {
        slug: e.slug,
        name: pick(e.name, lang),
        series: { slug: s!.slug, name: pick(s!.name, lang) },
        hostIso3: e.hostIso3,
        hostName: countryName(e.hostIso3, lang),
        host: pick(e.host, lang),
        chair: pick(e.chair, lang),
        city: pick(e.city, lang),
        venue: pick(e.venue, lang),
        timeZone: e.timeZone,
        startDate: e.startDate,
        endDate: e.endDate,
        theme: pick(e.theme, lang),
        status: e.status,
        categories: cats.map((c) => presentCategory(c, lang, now)),
      };
    },

    /** The public list of participating organisations by stakeholder kind, with counts. */
    async participatingOrganisations(slug: string, lang: string) {
      const e = await edition(slug);
      const rows = await db
        .select({
          kind: organisations.kind,
          code: organisations.code,
          iso3: organisations.iso3,
          name: organisations.name,
          participants: sql<number>`count(${participants.id}) filter (where ${participants.status} = 'approved')`,
        })
        .from(delegations)
        .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
        .leftJoin(participants, eq(participants.delegationId, delegations.id))
        .where(eq(delegations.editionId, e.id))
        .groupBy(organisations.id);
      const collator = new Intl.Collator(lang);
      const kinds = ORGANISATION_KINDS.map((kind) => {
        const members = rows
          .filter((r) => r.kind === kind)
          .map((r) => ({ code: r.code, name: organisationName(r, lang) }))
          .sort((a, b) => collator.compare(a.name, b.name));
        return { kind, count: members.length, organisations: members };
      }).filter((k) => k.count > 0);
      const counted = await scale(e.id);
      return { kinds, ...counted };
    },

    /** Published, consented participants, with only the fields the conference allows. */
    async publicParticipants(slug: string) {
      const e = await edition(slug);
      if (!editionSettings(e.settings).publishParticipantList) return null;
      return db
        .select({
          familyName: participants.familyName,
          givenName: participants.givenName,
          title: participants.title,
          delegationCode: delegations.code,
          kind: organisations.kind,
          iso3: organisations.iso3,
          name: organisations.name,
          code: organisations.code,
        })
        .from(participants)
        .innerJoin(delegations, eq(delegations.id, participants.delegationId))
        .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
        .where(
          and(
            eq(participants.editionId, e.id),
            eq(participants.status, 'approved'),
            eq(participants.consentToPublish, true),
          ),
        )
        .orderBy(asc(delegations.code), asc(participants.createdAt));
    },

    async updateCategory(
      actor: Actor,
      slug: string,
      code: string,
      change: { deadline?: string | null; reopenedUntil?: string | null },
      lang: string,
    ) {
      if (!isSecretariat(actor)) throw forbidden('Only the secretariat sets deadlines.');
      const e = await edition(slug);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(categories)
          .where(and(eq(categories.editionId, e.id), sql`${categories.code} = ${code}`));
        if (!before) throw new PlenaryError('not_found', `There is no category "${code}".`);
        const patch: Partial<CategoryRow> = {};
        if (change.deadline !== undefined) {
          patch.deadline = change.deadline === null ? null : new Date(change.deadline);
        }
        if (change.reopenedUntil !== undefined) {
          patch.reopenedUntil =
            change.reopenedUntil === null ? null : new Date(change.reopenedUntil);
        }
        const [after] = await tx
          .update(categories)
          .set(patch)
          .where(and(eq(categories.editionId, e.id), eq(categories.code, before.code)))
          .returning();
        await recordAudit(tx, now, {
          actor,
          action: 'category.update',
          entityType: 'category',
          entityId: `${e.slug}/${code}`,
          editionId: e.id,
          before: { deadline: before.deadline, reopenedUntil: before.reopenedUntil },
          after: { deadline: after!.deadline, reopenedUntil: after!.reopenedUntil },
        });
        return presentCategory(after!, lang, now);
      });
    },
  };
}

export type ConferencesService = ReturnType<typeof createConferencesService>;
