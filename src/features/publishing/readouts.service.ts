/**
 * Readouts: a delegation's account of a conference, composed from Plenary's records
 * (readout.compose.ts, pure), stored as a draft, edited section by section by the delegation's
 * focal point (with a version check), and published for the public. Also the public view of a
 * published document (the chair's statement and its annexes), which a readout links to.
 */

import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import {
  bilateralMeetingPrincipals,
  bilateralMeetings,
  delegations,
  documents,
  documentVersions,
  editions,
  files,
  meetingPhotos,
  organisations,
  participants,
  type Rank,
  readouts,
  sessionRoles,
  sessions,
  statements,
  themes,
} from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { PlenaryError } from '../../platform/errors.js';
import { checkUpload } from '../../platform/file-sniff.js';
import { type Actor, isFocalPointOf, isSecretariat } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.js';
import { storeFile } from '../audit/stored-files.js';
import type { DocumentContent, Segment } from '../documents/content.js';
import {
  composeReadout,
  READOUT_SECTIONS,
  type ReadoutContent,
  type ReadoutFacts,
  type ReadoutLang,
  type ReadoutMeeting,
  type ReadoutOrganisation,
  type ReadoutPerson,
  type ReadoutSection,
  redate,
} from './readout.compose.js';

/** Who may compose, edit and publish a delegation's readout: its focal points and the secretariat. */
export function mayWriteReadout(actor: Actor, delegationId: string): boolean {
  return isSecretariat(actor) || isFocalPointOf(actor, delegationId);
}

export interface ReadoutView {
  edition: { slug: string; timeZone: string };
  delegation: { code: string };
  lang: ReadoutLang;
  status: 'draft' | 'published';
  version: number;
  publishedAt: string | null;
  updatedAt: string;
  content: ReadoutContent;
}

export interface PublishedDocumentView {
  edition: { slug: string; name: Record<string, string>; timeZone: string };
  code: string;
  kind: 'chair_statement' | 'outcome';
  title: Record<string, string>;
  versionLabel: Record<string, string>;
  publishedAt: string | null;
  session: { code: string; title: Record<string, string> } | null;
  annexTo: { code: string; title: Record<string, string> } | null;
  annexes: { code: string; title: Record<string, string> }[];
  content: DocumentContent;
}

/** The plain text of a paragraph in one language (brackets and options printed as such texts print them). */
export function segmentsText(segments: Segment[] | undefined): string {
  if (!segments) return '';
  return segments
    .map((s) => {
      if (s.type === 'text') return s.text;
      if (s.type === 'bracket') return `[${segmentsText(s.segments)}]`;
      return s.options.map((o) => `${o.label}: ${segmentsText(o.segments)}`).join(' / ');
    })
    .join('');
}

/** The calendar day of an instant in a time zone (ISO date). */
function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** Japanese government readouts are dated in Tokyo; others in the venue's zone. */
function writerZone(lang: ReadoutLang, venueZone: string): string {
  return lang === 'ja' ? 'Asia/Tokyo' : venueZone;
}

export function createReadoutsService({ db, clock }: { db: Db; clock: Clock }) {
  async function findEdition(slug: string) {
    const [edition] = await db.select().from(editions).where(eq(editions.slug, slug));
    if (!edition) throw new PlenaryError('edition_not_found', `No edition "${slug}".`);
    return edition;
  }

  async function findDelegation(editionId: string, code: string) {
    const [row] = await db
      .select({ delegation: delegations, organisation: organisations })
      .from(delegations)
      .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
      .where(and(eq(delegations.editionId, editionId), eq(delegations.code, code.toUpperCase())));
    if (!row) throw new PlenaryError('delegation_not_found', `No delegation "${code}" here.`);
    return row;
  }

  const toOrganisation = (o: typeof organisations.$inferSelect): ReadoutOrganisation => ({
    kind: o.kind,
    iso3: o.iso3,
    code: o.code,
    name: o.name,
    acronym: o.acronym,
  });

  /** People by id, with the organisation of their delegation. */
  async function people(ids: string[]): Promise<Map<string, ReadoutPerson & { rank: Rank }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await db
      .select({ participant: participants, organisation: organisations })
      .from(participants)
      .innerJoin(delegations, eq(delegations.id, participants.delegationId))
      .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
      .where(inArray(participants.id, unique));
    return new Map(
      rows.map(({ participant: p, organisation }) => [
        p.id,
        {
          familyName: p.familyName,
          givenName: p.givenName,
          title: p.title,
          nationality: p.nationality,
          organisation: toOrganisation(organisation),
          rank: p.rank,
        },
      ]),
    );
  }

  /** Everything a readout states, from the records (see ReadoutFacts). */
  async function gatherFacts(
    slug: string,
    code: string,
    lang: ReadoutLang,
  ): Promise<{ facts: ReadoutFacts; editionId: string; delegationId: string }> {
    const edition = await findEdition(slug);
    const { delegation, organisation } = await findDelegation(edition.id, code);

    const series = await db
      .select()
      .from(editions)
      .where(eq(editions.seriesId, edition.seriesId))
      .orderBy(asc(editions.ordinal));
    const previous = series.filter((e) => e.ordinal < edition.ordinal);
    const next = series.find((e) => e.ordinal > edition.ordinal) ?? null;

    // Scale: states with approved participants, approved participants, kinds present; the
    // figures recorded for the edition when Plenary holds no participants for it.
    const [scaleRow] = await db
      .select({
        countries: sql<number>`count(distinct ${organisations.id}) filter (where ${organisations.kind} = 'state')::int`,
        participants: sql<number>`count(*)::int`,
        kinds: sql<string[]>`coalesce(array_agg(distinct ${organisations.kind}), '{}')`,
      })
      .from(participants)
      .innerJoin(delegations, eq(delegations.id, participants.delegationId))
      .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
      .where(and(eq(participants.editionId, edition.id), eq(participants.status, 'approved')));
    const counted = Number(scaleRow?.participants ?? 0);

    const sessionRows = await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.editionId, edition.id), ne(sessions.status, 'cancelled')))
      .orderBy(asc(sessions.startsAt));
    const sessionById = new Map(sessionRows.map((s) => [s.id, s]));
    const roleRows =
      sessionRows.length === 0
        ? []
        : await db
            .select()
            .from(sessionRoles)
            .where(
              inArray(
                sessionRoles.sessionId,
                sessionRows.map((s) => s.id),
              ),
            );
    const startOf = (sessionId: string) => sessionById.get(sessionId)?.startsAt.getTime() ?? 0;
    roleRows.sort((a, b) => startOf(a.sessionId) - startOf(b.sessionId) || a.position - b.position);

    const headRows = await db
      .select({ id: delegations.id, head: delegations.headParticipantId })
      .from(delegations)
      .where(eq(delegations.editionId, edition.id));
    const headIds = headRows.flatMap((r) => (r.head ? [r.head] : []));

    const statementRows = await db
      .select()
      .from(statements)
      .where(and(eq(statements.editionId, edition.id), eq(statements.published, true)));
    const statementDelegations = new Map(
      (statementRows.length === 0
        ? []
        : await db
            .select({ id: delegations.id, organisation: organisations })
            .from(delegations)
            .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
            .where(
              inArray(
                delegations.id,
                statementRows.map((s) => s.delegationId),
              ),
            )
      ).map((r) => [r.id, toOrganisation(r.organisation)]),
    );
    const themeNames = new Map(
      (await db.select().from(themes).where(eq(themes.editionId, edition.id))).map((t) => [
        t.code,
        t.name,
      ]),
    );

    const documentRows = await db
      .select({ document: documents, content: documentVersions.content })
      .from(documents)
      .leftJoin(
        documentVersions,
        and(
          eq(documentVersions.documentId, documents.id),
          eq(documentVersions.number, documents.currentVersion),
        ),
      )
      .where(and(eq(documents.editionId, edition.id), eq(documents.status, 'published')))
      .orderBy(asc(documents.createdAt), asc(documents.code));
    const documentCodes = new Map(documentRows.map((d) => [d.document.id, d.document.code]));

    // The delegation's bilateral meetings: confirmed, with the principals of both sides.
    const ownMeetingIds = (
      await db
        .select({ id: bilateralMeetingPrincipals.meetingId })
        .from(bilateralMeetingPrincipals)
        .innerJoin(
          bilateralMeetings,
          eq(bilateralMeetings.id, bilateralMeetingPrincipals.meetingId),
        )
        .where(
          and(
            eq(bilateralMeetingPrincipals.delegationId, delegation.id),
            eq(bilateralMeetings.editionId, edition.id),
            eq(bilateralMeetings.status, 'confirmed'),
          ),
        )
    ).map((r) => r.id);
    const meetingRows =
      ownMeetingIds.length === 0
        ? []
        : await db
            .select()
            .from(bilateralMeetings)
            .where(inArray(bilateralMeetings.id, ownMeetingIds))
            .orderBy(asc(bilateralMeetings.startsAt));
    const principalRows =
      ownMeetingIds.length === 0
        ? []
        : await db
            .select()
            .from(bilateralMeetingPrincipals)
            .where(inArray(bilateralMeetingPrincipals.meetingId, ownMeetingIds));
    const photoRows =
      ownMeetingIds.length === 0
        ? []
        : await db
            .select()
            .from(meetingPhotos)
            .where(inArray(meetingPhotos.meetingId, ownMeetingIds))
            .orderBy(asc(meetingPhotos.createdAt));

    const chairOf = (sessionId: string | null) =>
      roleRows.find((r) => r.sessionId === sessionId && r.role === 'chair')?.participantId ?? null;
    const closing = sessionRows.find((s) => s.kind === 'closing') ?? null;
    const byId = await people([
      ...headIds,
      ...roleRows.map((r) => r.participantId),
      ...statementRows.flatMap((s) => (s.participantId ? [s.participantId] : [])),
      ...principalRows.map((p) => p.participantId),
    ]);
    const person = (id: string | null | undefined): ReadoutPerson | null => {
      const found = id ? byId.get(id) : undefined;
      if (!found) return null;
      const { rank: _rank, ...rest } = found;
      return rest;
    };

    // The announcement of the next edition: someone of its host's delegation speaking at the closing.
    const announcer =
      next && closing
        ? roleRows.find(
            (r) =>
              r.sessionId === closing.id &&
              r.role === 'speaker' &&
              byId.get(r.participantId)?.organisation.iso3 === next.hostIso3,
          )
        : undefined;

    const firstAppearance = new Map<string, string>();
    for (const r of roleRows) {
      if (r.attendance !== 'present' || firstAppearance.has(r.participantId)) continue;
      const s = sessionById.get(r.sessionId);
      if (s) firstAppearance.set(r.participantId, s.startsAt.toISOString());
    }

    const videoIds: string[] = [];
    for (const r of roleRows)
      if (r.attendance === 'video_message' && !videoIds.includes(r.participantId))
        videoIds.push(r.participantId);

    const meetings: ReadoutMeeting[] = meetingRows.map((m) => {
      const principals = principalRows.filter((p) => p.meetingId === m.id);
      return {
        startsAt: m.startsAt.toISOString(),
        endsAt: m.endsAt.toISOString(),
        ownPrincipal: person(
          principals.find((p) => p.delegationId === delegation.id)?.participantId,
        ),
        counterparts: principals
          .filter((p) => p.delegationId !== delegation.id)
          .flatMap((p) => person(p.participantId) ?? []),
        photos: photoRows
          .filter((p) => p.meetingId === m.id)
          .map((p) => ({ fileId: p.fileId, caption: p.caption })),
      };
    });

    const facts: ReadoutFacts = {
      issuedOn: dayIn(clock.now(), writerZone(lang, edition.timeZone)),
      edition: {
        name: edition.name,
        city: edition.city,
        hostIso3: edition.hostIso3,
        host: edition.host,
        startDate: edition.startDate,
        endDate: edition.endDate,
        timeZone: edition.timeZone,
        theme: edition.theme,
      },
      previousEditions: previous.map((e) => ({ city: e.city, startDate: e.startDate })),
      nextEdition: next
        ? {
            city: next.city,
            hostIso3: next.hostIso3,
            startDate: next.startDate,
            announcedBy: person(announcer?.participantId),
            announcedIn: announcer && closing ? closing.title : null,
          }
        : null,
      scale: {
        countries:
          counted > 0 ? Number(scaleRow?.countries ?? 0) : (edition.reportedCountries ?? 0),
        participants: counted > 0 ? counted : (edition.reportedParticipants ?? 0),
        kinds: (scaleRow?.kinds ?? []) as ReadoutFacts['scale']['kinds'],
      },
      delegation: {
        organisation: toOrganisation(organisation),
        head: person(delegation.headParticipantId),
        composition: delegation.composition,
      },
      heads: headRows.flatMap((r) => {
        const found = r.head ? byId.get(r.head) : undefined;
        if (!found || r.id === delegation.id) return [];
        return [
          {
            person: person(r.head)!,
            rank: found.rank,
            firstAppearance: firstAppearance.get(r.head!) ?? null,
          },
        ];
      }),
      videoMessages: videoIds.flatMap((id) => person(id) ?? []),
      sessions: sessionRows.map((s) => ({ kind: s.kind, theme: s.theme })),
      statements: statementRows.map((s) => {
        const session = s.sessionId ? sessionById.get(s.sessionId) : undefined;
        return {
          speaker: person(s.participantId),
          delegation: statementDelegations.get(s.delegationId) ?? toOrganisation(organisation),
          own: s.delegationId === delegation.id,
          session: session
            ? { title: session.title, kind: session.kind, startsAt: session.startsAt.toISOString() }
            : null,
          attendance: s.attendance,
          texts: s.texts,
          isSummary: s.isSummary,
          positions: s.positions.flatMap((code) => {
            const name = themeNames.get(code);
            return name ? [name] : [];
          }),
          recordedAt: s.createdAt.toISOString(),
        };
      }),
      documents: documentRows.map(({ document: d, content }) => {
        const session = d.sessionId ? sessionById.get(d.sessionId) : undefined;
        const body = content as unknown as DocumentContent | null;
        return {
          code: d.code,
          kind: d.kind,
          title: d.title,
          annexToCode: d.annexToId ? (documentCodes.get(d.annexToId) ?? null) : null,
          session: session
            ? { title: session.title, kind: session.kind, chair: person(chairOf(session.id)) }
            : null,
          paragraphs: (body?.sections ?? []).flatMap((section) =>
            section.paragraphs.map((p) => ({
              kind: p.kind,
              text: Object.fromEntries(
                Object.entries(p.segments).map(([l, segs]) => [l, segmentsText(segs)]),
              ),
            })),
          ),
        };
      }),
      meetings,
    };
    return { facts, editionId: edition.id, delegationId: delegation.id };
  }

  function view(
    edition: { slug: string; timeZone: string },
    code: string,
    row: typeof readouts.$inferSelect,
  ): ReadoutView {
    return {
      edition,
      delegation: { code },
      lang: row.lang as ReadoutLang,
      status: row.status,
      version: row.version,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
      content: row.content as unknown as ReadoutContent,
    };
  }

  /** The stored readout of a delegation in a language, locked for the rest of the transaction. */
  async function lockReadout(tx: Tx, editionId: string, delegationId: string, lang: ReadoutLang) {
    const [row] = await tx
      .select()
      .from(readouts)
      .where(
        and(
          eq(readouts.editionId, editionId),
          eq(readouts.delegationId, delegationId),
          eq(readouts.lang, lang),
        ),
      )
      .for('update');
    return row;
  }

  /** As lockReadout, for a change made to the version the writer read. */
  async function lockedDraft(
    tx: Tx,
    editionId: string,
    delegationId: string,
    lang: ReadoutLang,
    version: number,
  ) {
    const existing = await lockReadout(tx, editionId, delegationId, lang);
    if (!existing) throw new PlenaryError('not_found', 'No readout yet: compose a draft first.');
    if (existing.version !== version)
      throw new PlenaryError(
        'version_conflict',
        `The readout was changed meanwhile (now version ${existing.version}).`,
      );
    return existing;
  }

  async function locate(slug: string, code: string) {
    const edition = await findEdition(slug);
    const { delegation } = await findDelegation(edition.id, code);
    return { edition, delegation };
  }

  async function stored(editionId: string, delegationId: string, lang: ReadoutLang) {
    const [row] = await db
      .select()
      .from(readouts)
      .where(
        and(
          eq(readouts.editionId, editionId),
          eq(readouts.delegationId, delegationId),
          eq(readouts.lang, lang),
        ),
      );
    return row ?? null;
  }

  function requireWriter(actor: Actor, delegationId: string) {
    if (!mayWriteReadout(actor, delegationId))
      throw new PlenaryError('forbidden', "Only the delegation's focal points may do this.");
  }

  return {
    gatherFacts,

    /** The readout composed from the records now, not stored (the CLI's and a preview's). */
    async preview(slug: string, code: string, lang: ReadoutLang): Promise<ReadoutContent> {
      const { facts } = await gatherFacts(slug, code, lang);
      return composeReadout(facts, lang);
    },

    /** The stored readout (draft or published), for the delegation and the secretariat. */
    async get(actor: Actor, slug: string, code: string, lang: ReadoutLang): Promise<ReadoutView> {
      const { edition, delegation } = await locate(slug, code);
      requireWriter(actor, delegation.id);
      const row = await stored(edition.id, delegation.id, lang);
      if (!row) throw new PlenaryError('not_found', 'No readout yet: compose a draft first.');
      return view(edition, delegation.code, row);
    },

    /**
     * Composes the readout from the records and stores it as the draft. Composing again replaces
     * the delegation's edits, so it needs the version it replaces.
     */
    async compose(
      actor: Actor,
      slug: string,
      code: string,
      lang: ReadoutLang,
      expectedVersion?: number,
    ): Promise<ReadoutView> {
      const { edition, delegation } = await locate(slug, code);
      requireWriter(actor, delegation.id);
      const { facts } = await gatherFacts(slug, code, lang);
      const content = composeReadout(facts, lang);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const existing = await lockReadout(tx, edition.id, delegation.id, lang);
        let written: typeof readouts.$inferSelect | undefined;
        if (!existing) {
          [written] = await tx
            .insert(readouts)
            .values({
              editionId: edition.id,
              delegationId: delegation.id,
              lang,
              status: 'draft',
              content: content as unknown as Record<string, unknown>,
              createdAt: now,
              updatedAt: now,
            })
            .returning();
        } else {
          if (expectedVersion !== existing.version)
            throw new PlenaryError(
              'version_conflict',
              `The readout is at version ${existing.version}; composing again replaces it.`,
            );
          [written] = await tx
            .update(readouts)
            .set({
              status: 'draft',
              content: content as unknown as Record<string, unknown>,
              publishedAt: null,
              version: existing.version + 1,
              updatedAt: now,
            })
            .where(eq(readouts.id, existing.id))
            .returning();
        }
        await recordAudit(tx, now, {
          actor,
          action: 'readout.compose',
          entityType: 'readout',
          entityId: written!.id,
          editionId: edition.id,
          delegationId: delegation.id,
          before: existing ? { version: existing.version, status: existing.status } : null,
          after: { version: written!.version, lang },
        });
        return written!;
      });
      return view(edition, delegation.code, row);
    },

    /** Replaces the sections given (by id), keeping the others; the version must be the current one. */
    async editSections(
      actor: Actor,
      slug: string,
      code: string,
      lang: ReadoutLang,
      input: { version: number; title?: string; sections: ReadoutSection[] },
    ): Promise<ReadoutView> {
      const { edition, delegation } = await locate(slug, code);
      requireWriter(actor, delegation.id);
      for (const s of input.sections)
        if (!READOUT_SECTIONS.includes(s.id))
          throw new PlenaryError('validation_failed', `Unknown section "${s.id}".`);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const existing = await lockedDraft(tx, edition.id, delegation.id, lang, input.version);
        const content = existing.content as unknown as ReadoutContent;
        const replaced = new Map(input.sections.map((s) => [s.id, s]));
        const kept = content.sections.map((s) => replaced.get(s.id) ?? s);
        const added = input.sections.filter((s) => !content.sections.some((c) => c.id === s.id));
        const sections = [...kept, ...added].sort(
          (a, b) => READOUT_SECTIONS.indexOf(a.id) - READOUT_SECTIONS.indexOf(b.id),
        );
        const next: ReadoutContent = { ...content, title: input.title ?? content.title, sections };
        const [written] = await tx
          .update(readouts)
          .set({
            content: next as unknown as Record<string, unknown>,
            version: existing.version + 1,
            updatedAt: now,
          })
          .where(eq(readouts.id, existing.id))
          .returning();
        await recordAudit(tx, now, {
          actor,
          action: 'readout.edit',
          entityType: 'readout',
          entityId: existing.id,
          editionId: edition.id,
          delegationId: delegation.id,
          before: {
            version: existing.version,
            sections: content.sections.filter((s) => replaced.has(s.id)),
          },
          after: { version: written!.version, sections: input.sections },
        });
        return written!;
      });
      return view(edition, delegation.code, row);
    },

    /** Publishes the readout, dated the day of publication. */
    async publish(
      actor: Actor,
      slug: string,
      code: string,
      lang: ReadoutLang,
      version: number,
    ): Promise<ReadoutView> {
      const { edition, delegation } = await locate(slug, code);
      requireWriter(actor, delegation.id);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const existing = await lockedDraft(tx, edition.id, delegation.id, lang, version);
        const content = redate(
          existing.content as unknown as ReadoutContent,
          dayIn(now, writerZone(lang, edition.timeZone)),
        );
        const [written] = await tx
          .update(readouts)
          .set({
            status: 'published',
            publishedAt: now,
            content: content as unknown as Record<string, unknown>,
            version: existing.version + 1,
            updatedAt: now,
          })
          .where(eq(readouts.id, existing.id))
          .returning();
        await recordAudit(tx, now, {
          actor,
          action: 'readout.publish',
          entityType: 'readout',
          entityId: existing.id,
          editionId: edition.id,
          delegationId: delegation.id,
          before: { status: existing.status, version: existing.version },
          after: { status: 'published', version: written!.version },
        });
        return written!;
      });
      return view(edition, delegation.code, row);
    },

    /** A published readout, for anyone. */
    /**
     * A photograph of one of the delegation's bilateral meetings, for its readout (the seed's
     * 【…との会談】). JPEG or PNG, checked from the bytes; only a party's focal point or the secretariat.
     */
    async addMeetingPhoto(
      actor: Actor,
      slug: string,
      code: string,
      meetingId: string,
      upload: { fileName: string; bytes: Uint8Array; caption: Record<string, string> },
    ) {
      const { edition, delegation } = await locate(slug, code);
      if (!mayWriteReadout(actor, delegation.id)) {
        throw new PlenaryError(
          'forbidden',
          'Only the delegation and the secretariat add its photos.',
        );
      }
      const [party] = /^[0-9a-f-]{36}$/i.test(meetingId)
        ? await db
            .select({ meetingId: bilateralMeetingPrincipals.meetingId })
            .from(bilateralMeetingPrincipals)
            .innerJoin(
              bilateralMeetings,
              eq(bilateralMeetings.id, bilateralMeetingPrincipals.meetingId),
            )
            .where(
              and(
                eq(bilateralMeetingPrincipals.meetingId, meetingId),
                eq(bilateralMeetingPrincipals.delegationId, delegation.id),
                eq(bilateralMeetings.editionId, edition.id),
              ),
            )
        : [];
      if (!party) throw new PlenaryError('not_found', 'No such meeting of this delegation.');
      const sniffed = checkUpload(upload.bytes, 'photo');
      const now = clock.now();
      return db.transaction(async (tx) => {
        const file = await storeFile(tx, {
          editionId: edition.id,
          delegationId: delegation.id,
          kind: 'meeting_photo',
          mediaType: sniffed.mediaType,
          fileName: upload.fileName,
          bytes: upload.bytes,
          actor,
        });
        const [photo] = await tx
          .insert(meetingPhotos)
          .values({ meetingId, fileId: file.id, caption: upload.caption })
          .returning();
        await recordAudit(tx, now, {
          actor,
          action: 'readout.photo',
          entityType: 'meeting',
          entityId: meetingId,
          editionId: edition.id,
          delegationId: delegation.id,
          after: { fileId: file.id, caption: upload.caption, mediaType: sniffed.mediaType },
        });
        return { id: photo!.id, fileId: file.id, caption: photo!.caption };
      });
    },

    async published(slug: string, code: string, lang: ReadoutLang): Promise<ReadoutView> {
      const { edition, delegation } = await locate(slug, code);
      const row = await stored(edition.id, delegation.id, lang);
      if (row?.status !== 'published')
        throw new PlenaryError('not_found', 'This readout is not published.');
      return view(edition, delegation.code, row);
    },

    /** A photograph a published readout shows (only those it names). */
    async readoutPhoto(
      slug: string,
      code: string,
      lang: ReadoutLang,
      fileId: string,
    ): Promise<{ mediaType: string; bytes: Uint8Array }> {
      const readout = await this.published(slug, code, lang);
      const named = readout.content.sections.some((s) =>
        s.items.some((i) => i.photoFileIds?.includes(fileId)),
      );
      if (!named) throw new PlenaryError('file_not_found', 'No such photograph in this readout.');
      const [file] = await db
        .select({ mediaType: files.mediaType, bytes: files.bytes, kind: files.kind })
        .from(files)
        .where(eq(files.id, fileId));
      if (file?.kind !== 'meeting_photo')
        throw new PlenaryError('file_not_found', 'No such photograph.');
      return { mediaType: file.mediaType, bytes: file.bytes };
    },

    /** The edition's published documents, the chair's statement first (a readout links them). */
    async publishedDocuments(
      slug: string,
    ): Promise<{ code: string; title: Record<string, string> }[]> {
      const edition = await findEdition(slug);
      const rows = await db
        .select({ code: documents.code, title: documents.title, kind: documents.kind })
        .from(documents)
        .where(and(eq(documents.editionId, edition.id), eq(documents.status, 'published')))
        .orderBy(asc(documents.createdAt), asc(documents.code));
      return rows
        .sort((a, b) => Number(b.kind === 'chair_statement') - Number(a.kind === 'chair_statement'))
        .map(({ code, title }) => ({ code, title }));
    },

    /** A published document with its annexes, for the public page. */
    async publishedDocument(slug: string, code: string): Promise<PublishedDocumentView> {
      const edition = await findEdition(slug);
      const rows = await db
        .select()
        .from(documents)
        .where(and(eq(documents.editionId, edition.id), eq(documents.status, 'published')));
      const document = rows.find((d) => d.code === code);
      if (!document) throw new PlenaryError('not_found', `No published document "${code}".`);
      const [version] = await db
        .select()
        .from(documentVersions)
        .where(
          and(
            eq(documentVersions.documentId, document.id),
            eq(documentVersions.number, document.currentVersion),
          ),
        );
      const [session] = document.sessionId
        ? await db
            .select({ code: sessions.code, title: sessions.title })
            .from(sessions)
            .where(eq(sessions.id, document.sessionId))
        : [];
      const parent = rows.find((d) => d.id === document.annexToId);
      return {
        edition: { slug: edition.slug, name: edition.name, timeZone: edition.timeZone },
        code: document.code,
        kind: document.kind,
        title: document.title,
        versionLabel: version?.label ?? {},
        publishedAt: document.publishedAt?.toISOString() ?? null,
        session: session ?? null,
        annexTo: parent ? { code: parent.code, title: parent.title } : null,
        annexes: rows
          .filter((d) => d.annexToId === document.id)
          .map((d) => ({ code: d.code, title: d.title })),
        content: (version?.content as unknown as DocumentContent | undefined) ?? {
          language: 'en',
          sections: [],
        },
      };
    },
  };
}

export type ReadoutsService = ReturnType<typeof createReadoutsService>;
