/**
 * Negotiated outcome documents: versions, amendments and the facilitator's decisions, adoption
 * by consensus or by silence procedure, publication. The text work is the pure core in
 * amendments.ts and compare.ts; this service holds the use cases, one transaction and one audit
 * event per write. A silence deadline is a row in `jobs` (jobs.ts runs it), so it survives a
 * restart of the server.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { pgError, UNIQUE_VIOLATION } from '../../db/errors.js';
import {
  type AmendmentKind,
  type AmendmentStatus,
  amendmentCosponsors,
  amendments,
  type DocumentKind,
  type DocumentStatus,
  delegations,
  documents,
  documentVersions,
  editions,
  jobs,
  type Localized,
  sessions,
  silenceObjections,
} from '../../db/schema.js';
import type { Action } from '../../platform/actions.js';
import type { Clock } from '../../platform/clock.js';
import { forbidden, PlenaryError } from '../../platform/errors.js';
import { type Actor, actorId } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.js';
import { editionSettings } from '../conferences/settings.js';
import {
  type Amendment,
  type AmendmentChange,
  type ApplyMode,
  applyAmendments,
  compile,
  mergeAmendments,
  numberParagraphs,
  paragraphText,
  renderPlain,
  validateContent,
  withContext,
} from './amendments.js';
import { type Comparison, compareVersions } from './compare.js';
import type { DocumentContent } from './content.js';
import {
  type DocumentsContext,
  isPublicStatus,
  mayActForDelegation,
  mayFacilitate,
  mayReadDocument,
  mayReadNegotiation,
} from './documents.policy.js';
import { runDueJobs, SILENCE_DEADLINE_JOB } from './jobs.js';

const HOUR = 3_600_000;

export interface CreateDocumentInput {
  code: string;
  kind: DocumentKind;
  title: Localized;
  content: unknown;
  label?: Localized;
  sessionCode?: string | null;
}

export interface ProposeInput {
  paragraphId: string;
  kind: AmendmentKind;
  change: Record<string, unknown>;
  reason?: string | null;
  cosponsors?: string[];
}

export type Decision = 'accept' | 'reject' | 'bracket' | 'options';

export interface IssueVersionInput {
  label: Localized;
  decisions?: { amendmentId: string; decision: Decision }[];
  merges?: { amendmentIds: string[]; paragraphId: string; text?: string; bracket?: boolean }[];
  /**
   * Issue the compilation text as the version ("Compilation text after the first reading"):
   * every proposed amendment goes into it in brackets or as options and counts as bracketed.
   * Not combined with decisions or merges.
   */
  compilation?: boolean;
}

export interface VersionSummary {
  number: number;
  label: Localized;
  createdAt: string;
}

export interface ParagraphLine {
  id: string;
  kind: string;
  sectionId: string;
  number: string;
  text: string;
}

export interface VersionView extends VersionSummary {
  content: DocumentContent;
  paragraphs: ParagraphLine[];
  text: string;
}

export interface DocumentSummary {
  code: string;
  kind: DocumentKind;
  title: Localized;
  status: DocumentStatus;
  currentVersion: number;
  adoptedAt: string | null;
  adoptionMethod: 'consensus' | 'silence' | null;
  silenceDeadline: string | null;
  silenceBrokenAt: string | null;
  publishedAt: string | null;
  sessionCode: string | null;
  version: number;
}

export interface DocumentView extends DocumentSummary {
  current: VersionView | null;
  versions: VersionSummary[];
  objections: { delegation: string; reason: string | null; at: string }[];
}

export interface AmendmentView {
  id: string;
  documentCode: string;
  versionNumber: number;
  paragraphId: string;
  kind: AmendmentKind;
  change: Record<string, unknown>;
  reason: string | null;
  proposer: string;
  cosponsors: string[];
  status: AmendmentStatus;
  decidedAt: string | null;
  appliedInVersion: number | null;
  createdAt: string;
}

export interface CompilationView {
  basedOn: number;
  content: DocumentContent;
  paragraphs: ParagraphLine[];
  text: string;
  unplaced: string[];
}

export interface ComparisonView extends Comparison {
  from: number;
  to: number;
  lang: string;
}

type DocumentRow = typeof documents.$inferSelect;
type AmendmentRow = typeof amendments.$inferSelect;
type EditionRow = typeof editions.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const documentNotFound = (code: string) =>
  new PlenaryError('document_not_found', `There is no document "${code}".`);

/** The lines of a version as shown: number, printed text with brackets and options. */
export function paragraphLines(content: DocumentContent, lang: string): ParagraphLine[] {
  const numbers = numberParagraphs(content, content.numbering);
  return content.sections.flatMap((section) =>
    section.paragraphs.map((p) => ({
      id: p.id,
      kind: p.kind,
      sectionId: section.id,
      number: numbers[p.id] ?? '',
      text: paragraphText(p, lang, content.language),
    })),
  );
}

function changeOf(kind: AmendmentKind, paragraphId: string, raw: Record<string, unknown>) {
  const str = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const int = (key: string) =>
    typeof raw[key] === 'number' && Number.isInteger(raw[key]) ? (raw[key] as number) : undefined;
  const invalid = (message: string) =>
    new PlenaryError('validation_failed', message, {
      details: [{ field: 'change', code: 'invalid', message }],
    });
  const start = int('start');
  const end = int('end');
  if ((start === undefined) !== (end === undefined))
    throw invalid('A span has both a start and an end.');
  const span = start !== undefined && end !== undefined ? { start, end } : {};
  switch (kind) {
    case 'replace': {
      const text = str('text');
      if (text === undefined) throw invalid('A replacement has a text.');
      return { kind, paragraphId, text, ...span } satisfies AmendmentChange;
    }
    case 'insert': {
      const text = str('text');
      const at = int('at');
      if (!text || at === undefined) throw invalid('An insertion has a text and a position (at).');
      return { kind, paragraphId, text, at } satisfies AmendmentChange;
    }
    case 'delete':
      return { kind, paragraphId, ...span } satisfies AmendmentChange;
    case 'new_paragraph': {
      const text = str('text');
      const paragraphKind = str('paragraphKind');
      if (!text) throw invalid('A new paragraph has a text.');
      if (
        paragraphKind !== undefined &&
        paragraphKind !== 'preambular' &&
        paragraphKind !== 'operative'
      )
        throw invalid('A new paragraph is preambular or operative.');
      return paragraphKind
        ? ({ kind, paragraphId, text, paragraphKind } satisfies AmendmentChange)
        : ({ kind, paragraphId, text } satisfies AmendmentChange);
    }
  }
}

export function createDocumentsService({ db, clock }: { db: Db; clock: Clock }) {
  async function edition(slug: string): Promise<EditionRow> {
    const [row] = await db.select().from(editions).where(eq(editions.slug, slug));
    if (!row) throw new PlenaryError('edition_not_found', `There is no edition "${slug}".`);
    return row;
  }

  async function contextFor(actor: Actor, slug: string) {
    const row = await edition(slug);
    let actorDelegationEditionId: string | null = null;
    if (actor.kind === 'user' && actor.role === 'focal_point') {
      const [own] = await db
        .select({ editionId: delegations.editionId })
        .from(delegations)
        .where(eq(delegations.id, actor.delegationId));
      actorDelegationEditionId = own?.editionId ?? null;
    }
    const context: DocumentsContext = { editionId: row.id, actorDelegationEditionId };
    return { edition: row, context };
  }

  async function documentRow(
    db_: Db | Tx,
    editionId: string,
    code: string,
    lock = false,
  ): Promise<DocumentRow> {
    const query = db_
      .select()
      .from(documents)
      .where(and(eq(documents.editionId, editionId), eq(documents.code, code)));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw documentNotFound(code);
    return row;
  }

  /** A document the actor may see; the public gets "not found" for drafts, not "forbidden". */
  async function readable(actor: Actor, slug: string, code: string) {
    const { edition: ed, context } = await contextFor(actor, slug);
    const row = await documentRow(db, ed.id, code);
    if (!mayReadDocument(actor, context, row.status)) throw documentNotFound(code);
    return { edition: ed, context, row, negotiator: mayReadNegotiation(actor, context) };
  }

  async function negotiation(actor: Actor, slug: string, code: string) {
    const found = await readable(actor, slug, code);
    if (!found.negotiator) throw documentNotFound(code);
    return found;
  }

  async function versionRow(db_: Db | Tx, documentId: string, number: number) {
    const [row] = await db_
      .select()
      .from(documentVersions)
      .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.number, number)));
    if (!row)
      throw new PlenaryError('not_found', `There is no version ${number} of this document.`);
    return row;
  }

  function versionView(row: typeof documentVersions.$inferSelect, lang: string): VersionView {
    const content = validateContent(row.content);
    return {
      number: row.number,
      label: row.label,
      createdAt: row.createdAt.toISOString(),
      content,
      paragraphs: paragraphLines(content, lang),
      text: renderPlain(content, lang, content.numbering),
    };
  }

  async function sessionCodeOf(row: DocumentRow): Promise<string | null> {
    if (!row.sessionId) return null;
    const [s] = await db
      .select({ code: sessions.code })
      .from(sessions)
      .where(eq(sessions.id, row.sessionId));
    return s?.code ?? null;
  }

  function summary(row: DocumentRow, sessionCode: string | null): DocumentSummary {
    return {
      code: row.code,
      kind: row.kind,
      title: row.title,
      status: row.status,
      currentVersion: row.currentVersion,
      adoptedAt: iso(row.adoptedAt),
      adoptionMethod: row.adoptionMethod,
      silenceDeadline: iso(row.silenceDeadline),
      silenceBrokenAt: iso(row.silenceBrokenAt),
      publishedAt: iso(row.publishedAt),
      sessionCode,
      version: row.version,
    };
  }

  async function view(row: DocumentRow, negotiator: boolean, lang: string): Promise<DocumentView> {
    const versions = await db
      .select()
      .from(documentVersions)
      .where(eq(documentVersions.documentId, row.id))
      .orderBy(asc(documentVersions.number));
    const current = versions.find((v) => v.number === row.currentVersion);
    const objections = negotiator
      ? await db
          .select({
            delegation: delegations.code,
            reason: silenceObjections.reason,
            at: silenceObjections.at,
          })
          .from(silenceObjections)
          .innerJoin(delegations, eq(delegations.id, silenceObjections.delegationId))
          .where(eq(silenceObjections.documentId, row.id))
          .orderBy(asc(silenceObjections.at))
      : [];
    return {
      ...summary(row, await sessionCodeOf(row)),
      current: current ? versionView(current, lang) : null,
      versions: versions
        .filter((v) => negotiator || v.number === row.currentVersion)
        .map((v) => ({ number: v.number, label: v.label, createdAt: v.createdAt.toISOString() })),
      objections: objections.map((o) => ({ ...o, at: o.at.toISOString() })),
    };
  }

  async function amendmentViews(documentRow_: DocumentRow, rows: AmendmentRow[]) {
    if (rows.length === 0) return [];
    const codes = new Map(
      (
        await db
          .select({ id: delegations.id, code: delegations.code })
          .from(delegations)
          .where(eq(delegations.editionId, documentRow_.editionId))
      ).map((d) => [d.id, d.code]),
    );
    const cosponsors = await db
      .select()
      .from(amendmentCosponsors)
      .where(
        inArray(
          amendmentCosponsors.amendmentId,
          rows.map((r) => r.id),
        ),
      );
    return rows.map(
      (r): AmendmentView => ({
        id: r.id,
        documentCode: documentRow_.code,
        versionNumber: r.versionNumber,
        paragraphId: r.paragraphId,
        kind: r.kind,
        change: r.change,
        reason: r.reason,
        proposer: codes.get(r.proposerDelegationId) ?? '?',
        cosponsors: cosponsors
          .filter((c) => c.amendmentId === r.id)
          .map((c) => codes.get(c.delegationId) ?? '?')
          .sort(),
        status: r.status,
        decidedAt: iso(r.decidedAt),
        appliedInVersion: r.appliedInVersion,
        createdAt: r.createdAt.toISOString(),
      }),
    );
  }

  async function audit(
    tx: Tx,
    actor: Actor,
    row: DocumentRow,
    action: Action,
    entity: { type: 'document' | 'amendment'; id: string },
    change: { before?: unknown; after?: unknown; delegationId?: string | null } = {},
  ) {
    await recordAudit(tx, clock.now(), {
      actor,
      action,
      entityType: entity.type,
      entityId: entity.id,
      editionId: row.editionId,
      delegationId: change.delegationId ?? null,
      before: change.before,
      after: change.after,
    });
  }

  function silenceRunning(row: DocumentRow, now: Date): boolean {
    return (
      row.status === 'under_negotiation' &&
      row.silenceDeadline !== null &&
      row.silenceBrokenAt === null &&
      row.silenceDeadline.getTime() > now.getTime()
    );
  }

  function requireNegotiable(row: DocumentRow, now: Date) {
    if (isPublicStatus(row.status))
      throw new PlenaryError('document_not_negotiable', 'The document has been adopted.');
    if (silenceRunning(row, now))
      throw new PlenaryError(
        'document_not_negotiable',
        'The text is under silence procedure: object to break silence before amending it.',
      );
  }

  async function delegationIdsByCode(editionId: string, codes: string[]) {
    if (codes.length === 0) return new Map<string, string>();
    const rows = await db
      .select({ id: delegations.id, code: delegations.code })
      .from(delegations)
      .where(and(eq(delegations.editionId, editionId), inArray(delegations.code, codes)));
    const map = new Map(rows.map((r) => [r.code, r.id]));
    for (const code of codes)
      if (!map.has(code))
        throw new PlenaryError('delegation_not_found', `There is no delegation "${code}".`);
    return map;
  }

  async function amendmentRow(documentId: string, id: string, tx: Db | Tx = db) {
    const [row] = await tx
      .select()
      .from(amendments)
      .where(and(eq(amendments.documentId, documentId), eq(amendments.id, id)));
    if (!row) throw new PlenaryError('amendment_not_found', 'There is no such amendment.');
    return row;
  }

  async function amendmentsAsData(rows: AmendmentRow[], tx: Db | Tx): Promise<Amendment[]> {
    if (rows.length === 0) return [];
    const codes = new Map(
      (await tx.select({ id: delegations.id, code: delegations.code }).from(delegations)).map(
        (d) => [d.id, d.code],
      ),
    );
    const cos = await tx
      .select()
      .from(amendmentCosponsors)
      .where(
        inArray(
          amendmentCosponsors.amendmentId,
          rows.map((r) => r.id),
        ),
      );
    return rows.map((r) => ({
      id: r.id,
      change: { ...r.change, kind: r.kind, paragraphId: r.paragraphId } as AmendmentChange,
      by: [
        codes.get(r.proposerDelegationId) ?? '?',
        ...cos
          .filter((c) => c.amendmentId === r.id)
          .map((c) => codes.get(c.delegationId) ?? '?')
          .sort(),
      ],
    }));
  }

  async function setStatusTo(
    actor: Actor,
    slug: string,
    code: string,
    lang: string,
    work: (tx: Tx, row: DocumentRow, now: Date) => Promise<{ action: Action; after: unknown }>,
  ): Promise<DocumentView> {
    if (!mayFacilitate(actor)) throw forbidden('Only the secretariat does this.');
    const ed = await edition(slug);
    const now = clock.now();
    await db.transaction(async (tx) => {
      const row = await documentRow(tx, ed.id, code, true);
      const { action, after } = await work(tx, row, now);
      await audit(
        tx,
        actor,
        row,
        action,
        { type: 'document', id: row.id },
        {
          before: { status: row.status },
          after,
        },
      );
    });
    return view(await documentRow(db, ed.id, code), true, lang);
  }

  return {
    async list(actor: Actor, slug: string): Promise<{ items: DocumentSummary[] }> {
      const { edition: ed, context } = await contextFor(actor, slug);
      const rows = await db
        .select()
        .from(documents)
        .where(eq(documents.editionId, ed.id))
        .orderBy(asc(documents.code));
      const visible = rows.filter((r) => mayReadDocument(actor, context, r.status));
      const items: DocumentSummary[] = [];
      for (const r of visible) items.push(summary(r, await sessionCodeOf(r)));
      return { items };
    },

    async get(actor: Actor, slug: string, code: string, lang = 'en'): Promise<DocumentView> {
      const { row, negotiator } = await readable(actor, slug, code);
      return view(row, negotiator, lang);
    },

    async create(actor: Actor, slug: string, input: CreateDocumentInput, lang = 'en') {
      if (!mayFacilitate(actor)) throw forbidden('Only the secretariat creates documents.');
      const ed = await edition(slug);
      const content = validateContent(input.content);
      let sessionId: string | null = null;
      if (input.sessionCode) {
        const [s] = await db
          .select({ id: sessions.id })
          .from(sessions)
          .where(and(eq(sessions.editionId, ed.id), eq(sessions.code, input.sessionCode)));
        if (!s)
          throw new PlenaryError(
            'session_not_found',
            `There is no session "${input.sessionCode}".`,
          );
        sessionId = s.id;
      }
      try {
        await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(documents)
            .values({
              editionId: ed.id,
              code: input.code,
              kind: input.kind,
              title: input.title,
              sessionId,
              currentVersion: 1,
            })
            .returning();
          if (!row) throw new Error('insert returned nothing');
          await tx.insert(documentVersions).values({
            documentId: row.id,
            number: 1,
            label: input.label ?? { en: 'Zero draft' },
            content: content as unknown as Record<string, unknown>,
            createdBy: actorId(actor),
          });
          await audit(
            tx,
            actor,
            row,
            'document.create',
            { type: 'document', id: row.id },
            {
              after: { code: row.code, kind: row.kind, title: row.title, label: input.label },
            },
          );
        });
      } catch (error) {
        if (pgError(error).code === UNIQUE_VIOLATION)
          throw new PlenaryError('duplicate', `A document "${input.code}" exists already.`);
        throw error;
      }
      return view(await documentRow(db, ed.id, input.code), true, lang);
    },

    async version(actor: Actor, slug: string, code: string, number: number, lang = 'en') {
      const { row, negotiator } = await readable(actor, slug, code);
      // The public reads the adopted text only, not the drafts that led to it.
      if (!negotiator && number !== row.currentVersion)
        throw new PlenaryError('not_found', `There is no version ${number} of this document.`);
      return versionView(await versionRow(db, row.id, number), lang);
    },

    async compare(
      actor: Actor,
      slug: string,
      code: string,
      from: number,
      to: number,
      lang?: string,
    ): Promise<ComparisonView> {
      const { row } = await negotiation(actor, slug, code);
      const older = validateContent((await versionRow(db, row.id, from)).content);
      const newer = validateContent((await versionRow(db, row.id, to)).content);
      const language = lang ?? newer.language;
      return {
        from,
        to,
        lang: language,
        ...compareVersions(older, newer, { lang: language, numbering: newer.numbering }),
      };
    },

    async compilation(actor: Actor, slug: string, code: string, lang = 'en') {
      const { row } = await negotiation(actor, slug, code);
      const current = validateContent((await versionRow(db, row.id, row.currentVersion)).content);
      const proposed = await db
        .select()
        .from(amendments)
        .where(and(eq(amendments.documentId, row.id), eq(amendments.status, 'proposed')))
        .orderBy(asc(amendments.createdAt), asc(amendments.id));
      const compiled = compile(current, await amendmentsAsData(proposed, db));
      return {
        basedOn: row.currentVersion,
        content: compiled.content,
        paragraphs: paragraphLines(compiled.content, lang),
        text: renderPlain(compiled.content, lang, compiled.content.numbering),
        unplaced: compiled.unplaced,
      } satisfies CompilationView;
    },

    async amendments(actor: Actor, slug: string, code: string, status?: AmendmentStatus) {
      const { row } = await negotiation(actor, slug, code);
      const rows = await db
        .select()
        .from(amendments)
        .where(
          and(
            eq(amendments.documentId, row.id),
            status ? eq(amendments.status, status) : undefined,
          ),
        )
        .orderBy(asc(amendments.createdAt), asc(amendments.id));
      return { items: await amendmentViews(row, rows) };
    },

    async propose(actor: Actor, slug: string, code: string, input: ProposeInput) {
      const { row, context } = await negotiation(actor, slug, code);
      if (actor.kind !== 'user' || actor.role !== 'focal_point')
        throw forbidden('Delegations propose amendments, through their focal points.');
      if (!mayActForDelegation(actor, context, actor.delegationId))
        throw forbidden('You may propose amendments only for your own delegation.');
      const proposerId = actor.delegationId;
      const now = clock.now();
      requireNegotiable(row, now);
      const current = validateContent((await versionRow(db, row.id, row.currentVersion)).content);
      const change = withContext(current, changeOf(input.kind, input.paragraphId, input.change));
      const cosponsorCodes = [...new Set(input.cosponsors ?? [])];
      const ids = await delegationIdsByCode(row.editionId, cosponsorCodes);
      const cosponsorIds = [...ids.values()].filter((id) => id !== proposerId);
      const { kind: _k, paragraphId: _p, ...stored } = change;
      const id = await db.transaction(async (tx) => {
        const [made] = await tx
          .insert(amendments)
          .values({
            documentId: row.id,
            versionNumber: row.currentVersion,
            paragraphId: input.paragraphId,
            kind: input.kind,
            change: stored,
            reason: input.reason ?? null,
            proposerDelegationId: proposerId,
            createdAt: now,
          })
          .returning();
        if (!made) throw new Error('insert returned nothing');
        if (cosponsorIds.length > 0)
          await tx
            .insert(amendmentCosponsors)
            .values(cosponsorIds.map((delegationId) => ({ amendmentId: made.id, delegationId })));
        await audit(
          tx,
          actor,
          row,
          'amendment.propose',
          { type: 'amendment', id: made.id },
          {
            delegationId: proposerId,
            after: {
              document: row.code,
              paragraphId: made.paragraphId,
              kind: made.kind,
              change: stored,
              reason: made.reason,
              cosponsors: cosponsorCodes,
            },
          },
        );
        return made.id;
      });
      const [view_] = await amendmentViews(row, [await amendmentRow(row.id, id)]);
      return view_ as AmendmentView;
    },

    async withdraw(actor: Actor, slug: string, code: string, amendmentId: string) {
      const { row, context } = await negotiation(actor, slug, code);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const [a] = await tx
          .select()
          .from(amendments)
          .where(and(eq(amendments.documentId, row.id), eq(amendments.id, amendmentId)))
          .for('update');
        if (!a) throw new PlenaryError('amendment_not_found', 'There is no such amendment.');
        if (!mayActForDelegation(actor, context, a.proposerDelegationId))
          throw forbidden('Only the proposing delegation withdraws its amendment.');
        if (a.status !== 'proposed')
          throw new PlenaryError('already_decided', `The amendment is ${a.status} already.`);
        await tx
          .update(amendments)
          .set({ status: 'withdrawn', decidedAt: now, decidedBy: actorId(actor) })
          .where(eq(amendments.id, a.id));
        await audit(
          tx,
          actor,
          row,
          'amendment.withdraw',
          { type: 'amendment', id: a.id },
          {
            delegationId: a.proposerDelegationId,
            before: { status: a.status },
            after: { status: 'withdrawn' },
          },
        );
      });
      const [view_] = await amendmentViews(row, [await amendmentRow(row.id, amendmentId)]);
      return view_ as AmendmentView;
    },

    /** A focal point adds its own delegation as co-sponsor (`join`) or takes it off. */
    async cosponsor(actor: Actor, slug: string, code: string, amendmentId: string, join: boolean) {
      const { row, context } = await negotiation(actor, slug, code);
      if (actor.kind !== 'user' || actor.role !== 'focal_point')
        throw forbidden('Delegations co-sponsor, through their focal points.');
      const delegationId = actor.delegationId;
      if (!mayActForDelegation(actor, context, delegationId)) throw forbidden();
      await db.transaction(async (tx) => {
        const [a] = await tx
          .select()
          .from(amendments)
          .where(and(eq(amendments.documentId, row.id), eq(amendments.id, amendmentId)))
          .for('update');
        if (!a) throw new PlenaryError('amendment_not_found', 'There is no such amendment.');
        if (a.status !== 'proposed')
          throw new PlenaryError('already_decided', `The amendment is ${a.status} already.`);
        if (a.proposerDelegationId === delegationId)
          throw new PlenaryError('validation_failed', 'The proposer is not its own co-sponsor.');
        if (join)
          await tx
            .insert(amendmentCosponsors)
            .values({ amendmentId: a.id, delegationId })
            .onConflictDoNothing();
        else
          await tx
            .delete(amendmentCosponsors)
            .where(
              and(
                eq(amendmentCosponsors.amendmentId, a.id),
                eq(amendmentCosponsors.delegationId, delegationId),
              ),
            );
        await audit(
          tx,
          actor,
          row,
          'amendment.cosponsor',
          { type: 'amendment', id: a.id },
          {
            delegationId,
            after: { cosponsor: join },
          },
        );
      });
      const [view_] = await amendmentViews(row, [await amendmentRow(row.id, amendmentId)]);
      return view_ as AmendmentView;
    },

    /**
     * The facilitator decides amendments and issues the next version in one step: accepted
     * ones as agreed text, bracketed ones in brackets (or as options), merged ones into one
     * paragraph; rejected ones leave the text as it was. Every version is kept.
     */
    async issueVersion(
      actor: Actor,
      slug: string,
      code: string,
      input: IssueVersionInput,
      lang = 'en',
    ): Promise<DocumentView> {
      if (!mayFacilitate(actor)) throw forbidden('Only the facilitator issues versions.');
      const ed = await edition(slug);
      const now = clock.now();
      const decisions = input.decisions ?? [];
      const merges = input.merges ?? [];
      const named = [
        ...decisions.map((d) => d.amendmentId),
        ...merges.flatMap((m) => m.amendmentIds),
      ];
      if (input.compilation && named.length > 0)
        throw new PlenaryError(
          'validation_failed',
          'A compilation text takes in every proposed amendment; decide them in a later version.',
        );
      if (new Set(named).size !== named.length)
        throw new PlenaryError('validation_failed', 'An amendment is decided once per version.');
      await db.transaction(async (tx) => {
        const row = await documentRow(tx, ed.id, code, true);
        requireNegotiable(row, now);
        const current = validateContent((await versionRow(tx, row.id, row.currentVersion)).content);
        const rows =
          named.length === 0
            ? []
            : await tx
                .select()
                .from(amendments)
                .where(and(eq(amendments.documentId, row.id), inArray(amendments.id, named)))
                .for('update');
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const id of named) {
          const r = byId.get(id);
          if (!r) throw new PlenaryError('amendment_not_found', `There is no amendment ${id}.`);
          if (r.status !== 'proposed')
            throw new PlenaryError(
              'already_decided',
              `The amendment ${id} is ${r.status} already.`,
            );
        }
        const data = new Map((await amendmentsAsData(rows, tx)).map((a) => [a.id, a]));
        const applied = decisions
          .filter((d) => d.decision !== 'reject')
          .map((d) => ({
            amendment: data.get(d.amendmentId) as Amendment,
            mode: (d.decision === 'accept' ? 'accept' : d.decision) as ApplyMode,
          }));
        let next = applyAmendments(current, applied);
        const compiled: string[] = [];
        if (input.compilation) {
          const proposed = await tx
            .select()
            .from(amendments)
            .where(and(eq(amendments.documentId, row.id), eq(amendments.status, 'proposed')))
            .orderBy(asc(amendments.createdAt), asc(amendments.id))
            .for('update');
          const result = compile(current, await amendmentsAsData(proposed, tx));
          next = result.content;
          for (const r of proposed) {
            byId.set(r.id, r);
            // Those that could not be placed stay proposed, for the facilitator to decide.
            if (!result.unplaced.includes(r.id)) compiled.push(r.id);
          }
        }
        for (const merge of merges)
          next = mergeAmendments(next, {
            paragraphId: merge.paragraphId,
            amendments: merge.amendmentIds.map((id) => data.get(id) as Amendment),
            ...(merge.text !== undefined ? { text: merge.text } : {}),
            ...(merge.bracket !== undefined ? { bracket: merge.bracket } : {}),
          });
        const number = row.currentVersion + 1;
        await tx.insert(documentVersions).values({
          documentId: row.id,
          number,
          label: input.label,
          content: next as unknown as Record<string, unknown>,
          createdBy: actorId(actor),
          createdAt: now,
        });
        await tx
          .update(documents)
          .set({
            currentVersion: number,
            status: row.status === 'draft' ? 'under_negotiation' : row.status,
            version: sql`${documents.version} + 1`,
            updatedAt: now,
          })
          .where(eq(documents.id, row.id));
        const statusOf: Record<Decision, AmendmentStatus> = {
          accept: 'accepted',
          reject: 'rejected',
          bracket: 'bracketed',
          options: 'bracketed',
        };
        const outcomes = [
          ...decisions.map((d) => ({ id: d.amendmentId, status: statusOf[d.decision] })),
          ...merges.flatMap((m) =>
            m.amendmentIds.map((id) => ({ id, status: 'merged' as AmendmentStatus })),
          ),
          ...compiled.map((id) => ({ id, status: 'bracketed' as AmendmentStatus })),
        ];
        for (const outcome of outcomes) {
          await tx
            .update(amendments)
            .set({
              status: outcome.status,
              decidedAt: now,
              decidedBy: actorId(actor),
              appliedInVersion: number,
            })
            .where(eq(amendments.id, outcome.id));
          await audit(
            tx,
            actor,
            row,
            'amendment.decide',
            { type: 'amendment', id: outcome.id },
            {
              delegationId: byId.get(outcome.id)?.proposerDelegationId ?? null,
              before: { status: 'proposed' },
              after: { status: outcome.status, version: number },
            },
          );
        }
        await audit(
          tx,
          actor,
          row,
          'document.version',
          { type: 'document', id: row.id },
          {
            before: { version: row.currentVersion },
            after: { version: number, label: input.label, decided: outcomes },
          },
        );
      });
      return view(await documentRow(db, ed.id, code), true, lang);
    },

    /** draft → under_negotiation (the others have their own steps: adopt, publish). */
    async setStatus(actor: Actor, slug: string, code: string, status: DocumentStatus, lang = 'en') {
      return setStatusTo(actor, slug, code, lang, async (tx, row, now) => {
        if (!(row.status === 'draft' && status === 'under_negotiation'))
          throw new PlenaryError(
            'invalid_transition',
            `A document goes from draft to under negotiation here; adopt and publish have their own steps (it is ${row.status}).`,
          );
        await tx
          .update(documents)
          .set({ status, version: sql`${documents.version} + 1`, updatedAt: now })
          .where(eq(documents.id, row.id));
        return { action: 'document.status', after: { status } };
      });
    },

    /** Adoption by consensus, at a session. */
    async adopt(
      actor: Actor,
      slug: string,
      code: string,
      input: { sessionCode?: string | null },
      lang = 'en',
    ) {
      return setStatusTo(actor, slug, code, lang, async (tx, row, now) => {
        if (row.status !== 'draft' && row.status !== 'under_negotiation')
          throw new PlenaryError('invalid_transition', `The document is ${row.status} already.`);
        let sessionId = row.sessionId;
        if (input.sessionCode) {
          const [s] = await tx
            .select({ id: sessions.id })
            .from(sessions)
            .where(
              and(eq(sessions.editionId, row.editionId), eq(sessions.code, input.sessionCode)),
            );
          if (!s)
            throw new PlenaryError(
              'session_not_found',
              `There is no session "${input.sessionCode}".`,
            );
          sessionId = s.id;
        }
        await tx
          .update(documents)
          .set({
            status: 'adopted',
            adoptedAt: now,
            adoptionMethod: 'consensus',
            sessionId,
            version: sql`${documents.version} + 1`,
            updatedAt: now,
          })
          .where(eq(documents.id, row.id));
        return {
          action: 'document.adopt',
          after: { status: 'adopted', method: 'consensus', session: input.sessionCode ?? null },
        };
      });
    },

    async publish(actor: Actor, slug: string, code: string, lang = 'en') {
      return setStatusTo(actor, slug, code, lang, async (tx, row, now) => {
        if (row.status !== 'adopted')
          throw new PlenaryError('invalid_transition', 'Only an adopted text is published.');
        await tx
          .update(documents)
          .set({
            status: 'published',
            publishedAt: now,
            version: sql`${documents.version} + 1`,
            updatedAt: now,
          })
          .where(eq(documents.id, row.id));
        return { action: 'document.publish', after: { status: 'published' } };
      });
    },

    /**
     * Circulates the current version under silence procedure until a deadline at least the
     * edition's `silenceHours` (72 by default) away; a job adopts it then unless someone objects.
     */
    async startSilence(
      actor: Actor,
      slug: string,
      code: string,
      input: { hours?: number },
      lang = 'en',
    ) {
      const ed = await edition(slug);
      const minimum = editionSettings(ed.settings).silenceHours;
      const hours = input.hours ?? minimum;
      if (!(hours >= minimum))
        throw new PlenaryError(
          'validation_failed',
          `Silence lasts at least ${minimum} hours at this conference.`,
          { details: [{ field: 'hours', code: 'too_short', message: `At least ${minimum}.` }] },
        );
      return setStatusTo(actor, slug, code, lang, async (tx, row, now) => {
        if (row.status !== 'draft' && row.status !== 'under_negotiation')
          throw new PlenaryError('invalid_transition', `The document is ${row.status} already.`);
        if (silenceRunning(row, now))
          throw new PlenaryError('silence_running', 'The text is under silence procedure already.');
        const deadline = new Date(now.getTime() + hours * HOUR);
        // A new round: objections to an earlier round do not carry over (the audit log keeps them).
        await tx.delete(silenceObjections).where(eq(silenceObjections.documentId, row.id));
        await tx
          .update(documents)
          .set({
            status: 'under_negotiation',
            silenceDeadline: deadline,
            silenceBrokenAt: null,
            version: sql`${documents.version} + 1`,
            updatedAt: now,
          })
          .where(eq(documents.id, row.id));
        await tx.insert(jobs).values({
          kind: SILENCE_DEADLINE_JOB,
          runAt: deadline,
          payload: {
            documentId: row.id,
            deadline: deadline.toISOString(),
            version: row.currentVersion,
          },
        });
        return {
          action: 'silence.start',
          after: { deadline: deadline.toISOString(), hours, version: row.currentVersion },
        };
      });
    },

    /** A delegation objects before the deadline: silence is broken, negotiation resumes. */
    async object(
      actor: Actor,
      slug: string,
      code: string,
      input: { reason?: string | null },
      lang = 'en',
    ) {
      const { edition: ed, context } = await negotiation(actor, slug, code);
      if (actor.kind !== 'user' || actor.role !== 'focal_point')
        throw forbidden('Delegations object, through their focal points.');
      const delegationId = actor.delegationId;
      if (!mayActForDelegation(actor, context, delegationId)) throw forbidden();
      const now = clock.now();
      await db.transaction(async (tx) => {
        const row = await documentRow(tx, ed.id, code, true);
        if (!silenceRunning(row, now))
          throw new PlenaryError('silence_not_running', 'The text is not under silence procedure.');
        await tx
          .insert(silenceObjections)
          .values({ documentId: row.id, delegationId, reason: input.reason ?? null, at: now });
        await tx
          .update(documents)
          .set({
            status: 'under_negotiation',
            silenceBrokenAt: now,
            version: sql`${documents.version} + 1`,
            updatedAt: now,
          })
          .where(eq(documents.id, row.id));
        await audit(
          tx,
          actor,
          row,
          'silence.object',
          { type: 'document', id: row.id },
          {
            delegationId,
            after: { reason: input.reason ?? null, brokenAt: now.toISOString() },
          },
        );
      });
      return view(await documentRow(db, ed.id, code), true, lang);
    },

    /** Runs the jobs that are due now (silence deadlines); the server calls it every few seconds. */
    runDueJobs() {
      return runDueJobs(db, clock.now());
    },
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
