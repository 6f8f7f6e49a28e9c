/**
 * Badges and check-in: a badge PDF per approved participant, a print sheet per delegation,
 * and a check-in that records the first scan once and reports it on every later scan.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import {
  categories,
  delegations,
  editions,
  files,
  installation,
  organisations,
  participants,
} from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { forbidden, PlenaryError } from '../../platform/errors.js';
import { pick } from '../../platform/localized.js';
import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.js';
import { organisationName } from '../conferences/organisation-name.js';
import { accreditationPolicy as policy } from './accreditation.policy.js';
import { type BadgeInput, renderBadge, renderBadgeSheet } from './badge.pdf.js';
import { signBadgeCode, verifyBadgeCode } from './badge-token.js';
import { displayName } from './participants.presenter.js';
import { photoRequired } from './rules.js';

const KEY_NAME = 'badge_key';

type ParticipantRow = typeof participants.$inferSelect;

export function createBadgesService({ db, clock }: { db: Db; clock: Clock }) {
  let cachedKey: Buffer | undefined;

  /** The signing key is generated once per installation and kept in the database. */
  async function badgeKey(): Promise<Buffer> {
    if (cachedKey) return cachedKey;
    await db
      .insert(installation)
      .values({ key: KEY_NAME, value: randomBytes(32).toString('base64') })
      .onConflictDoNothing();
    const [row] = await db.select().from(installation).where(eq(installation.key, KEY_NAME));
    cachedKey = Buffer.from(row!.value, 'base64');
    return cachedKey;
  }

  async function badgeInputs(rows: ParticipantRow[], lang: string): Promise<BadgeInput[]> {
    if (rows.length === 0) return [];
    const key = await badgeKey();
    const first = rows[0]!;
    const [edition] = await db.select().from(editions).where(eq(editions.id, first.editionId));
    const cats = new Map(
      (await db.select().from(categories).where(eq(categories.editionId, first.editionId))).map(
        (c) => [c.code, c],
      ),
    );
    const orgs = new Map<string, typeof organisations.$inferSelect>();
    const inputs: BadgeInput[] = [];
    for (const p of rows) {
      let org = orgs.get(p.delegationId);
      if (!org) {
        const [found] = await db
          .select({ org: organisations })
          .from(delegations)
          .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
          .where(eq(delegations.id, p.delegationId));
        org = found!.org;
        orgs.set(p.delegationId, org);
      }
      const photo = p.photoFileId
        ? (
            await db
              .select({ bytes: files.bytes, mediaType: files.mediaType })
              .from(files)
              .where(eq(files.id, p.photoFileId))
          )[0]
        : undefined;
      const category = cats.get(p.category);
      const latin = displayName(p, 'en');
      const original = p.familyName.ja ? displayName(p, 'ja') : null;
      inputs.push({
        participantId: p.id,
        nameLines: original && original !== latin ? [latin, original] : [latin],
        title: pick(p.title, lang),
        organisation: organisationName(org, lang),
        category: {
          code: p.category,
          label: category ? pick(category.name, lang) : p.category,
          colour: category?.colour ?? '#444444',
        },
        photo: photo
          ? { bytes: photo.bytes, mediaType: photo.mediaType as 'image/jpeg' | 'image/png' }
          : null,
        photoExempt: !photoRequired(p.rank),
        qrPayload: signBadgeCode(key, p.id, p.badgeSerial),
        edition: {
          name: pick(edition!.name, lang),
          dates: `${edition!.startDate} – ${edition!.endDate}`,
          city: pick(edition!.city, lang),
        },
      });
    }
    return inputs;
  }

  return {
    badgeKey,

    async badgeCode(actor: Actor, participantId: string) {
      if (!policy.issueBadges(actor)) throw forbidden('Only the secretariat issues badges.');
      const [p] = await db.select().from(participants).where(eq(participants.id, participantId));
      if (!p) throw new PlenaryError('participant_not_found', 'No such participant.');
      return signBadgeCode(await badgeKey(), p.id, p.badgeSerial);
    },

    async badge(actor: Actor, participantId: string, lang: string) {
      if (!policy.issueBadges(actor)) throw forbidden('Only the secretariat issues badges.');
      if (!/^[0-9a-f-]{36}$/i.test(participantId))
        throw new PlenaryError('participant_not_found', 'No such participant.');
      const [p] = await db.select().from(participants).where(eq(participants.id, participantId));
      if (!p) throw new PlenaryError('participant_not_found', 'No such participant.');
      if (p.status !== 'approved') {
        throw new PlenaryError(
          'not_approved',
          `A badge is issued only to an approved participant; this one is ${p.status}.`,
        );
      }
      const [input] = await badgeInputs([p], lang);
      return { fileName: `badge-${p.id.slice(0, 8)}.pdf`, bytes: await renderBadge(input!) };
    },

    async delegationSheet(actor: Actor, slug: string, code: string, lang: string) {
      if (!policy.issueBadges(actor)) throw forbidden('Only the secretariat issues badges.');
      const [found] = await db
        .select({ delegation: delegations, org: organisations })
        .from(delegations)
        .innerJoin(editions, eq(editions.id, delegations.editionId))
        .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
        .where(and(eq(editions.slug, slug), eq(delegations.code, code.toUpperCase())));
      if (!found)
        throw new PlenaryError(
          'delegation_not_found',
          `There is no delegation ${code} at ${slug}.`,
        );
      const rows = await db
        .select()
        .from(participants)
        .where(
          and(
            eq(participants.delegationId, found.delegation.id),
            eq(participants.status, 'approved'),
          ),
        )
        .orderBy(asc(participants.createdAt));
      if (rows.length === 0)
        throw new PlenaryError('not_approved', 'This delegation has no approved participants yet.');
      const inputs = await badgeInputs(rows, lang);
      const title = `${organisationName(found.org, lang)} — ${rows.length}`;
      return {
        fileName: `badges-${slug}-${found.delegation.code}.pdf`,
        bytes: await renderBadgeSheet(inputs, title),
      };
    },

    /** Records the first check-in once; a later scan says when the first one was. */
    async checkIn(actor: Actor, slug: string, code: string, lang: string) {
      if (!policy.checkIn(actor)) throw forbidden('Only the secretariat checks participants in.');
      const verified = verifyBadgeCode(await badgeKey(), code);
      if (!verified)
        throw new PlenaryError('badge_code_invalid', 'This is not a valid Plenary badge code.');
      const [row] = await db
        .select({
          p: participants,
          slug: editions.slug,
          org: organisations,
          colour: categories.colour,
          categoryName: categories.name,
        })
        .from(participants)
        .innerJoin(editions, eq(editions.id, participants.editionId))
        .innerJoin(delegations, eq(delegations.id, participants.delegationId))
        .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
        .leftJoin(
          categories,
          and(
            eq(categories.editionId, participants.editionId),
            eq(categories.code, participants.category),
          ),
        )
        .where(eq(participants.id, verified.participantId));
      if (!row || row.slug !== slug)
        throw new PlenaryError('badge_code_invalid', 'This badge is not for this conference.');
      if (row.p.badgeSerial !== verified.serial) {
        throw new PlenaryError(
          'badge_code_invalid',
          'This badge was replaced by a newer one; it is no longer valid.',
        );
      }
      if (row.p.status !== 'approved') {
        throw new PlenaryError(
          'not_approved',
          `This participant's accreditation is ${row.p.status}.`,
        );
      }
      const now = clock.now();
      const result = await db.transaction(async (tx) => {
        // The conditional update lets exactly one scan record the check-in.
        const [updated] = await tx
          .update(participants)
          .set({ checkedInAt: now, checkedInBy: actor.kind === 'user' ? actor.id : null })
          .where(and(eq(participants.id, row.p.id), isNull(participants.checkedInAt)))
          .returning({ checkedInAt: participants.checkedInAt });
        if (!updated) return null;
        await recordAudit(tx, now, {
          actor,
          action: 'participant.check_in',
          entityType: 'participant',
          entityId: row.p.id,
          editionId: row.p.editionId,
          delegationId: row.p.delegationId,
          before: { checkedInAt: null },
          after: { checkedInAt: now },
        });
        return updated.checkedInAt!;
      });
      let checkedInAt = result;
      if (!checkedInAt) {
        const [again] = await db
          .select({ at: participants.checkedInAt })
          .from(participants)
          .where(eq(participants.id, row.p.id));
        checkedInAt = again!.at!;
      }
      return {
        result: result ? ('checked_in' as const) : ('already_checked_in' as const),
        checkedInAt: checkedInAt.toISOString(),
        participant: {
          id: row.p.id,
          displayName: displayName(row.p, lang),
          organisation: organisationName(row.org, lang),
          category: row.p.category,
          categoryName: row.categoryName ? pick(row.categoryName, lang) : row.p.category,
          categoryColour: row.colour ?? '#444444',
          hasPhoto: row.p.photoFileId !== null,
        },
      };
    },
  };
}

export type BadgesService = ReturnType<typeof createBadgesService>;
