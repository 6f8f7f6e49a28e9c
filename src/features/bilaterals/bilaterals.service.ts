/**
 * Bilateral meetings on the sidelines: requests and answers between delegations, tentative
 * holds, the secretariat's planning board (the pure scheduler proposes, the secretariat
 * applies), both sides' consent, publication, and each delegation's schedule.
 *
 * The database is the last line of defence: exclusion constraints refuse a room or a principal
 * booked twice (migrations/0004_double_bookings.sql); the checks here only give better reasons.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { EXCLUSION_VIOLATION, pgError, retryAborted } from '../../db/errors.js';
import {
  auditEvents,
  type BilateralKind,
  bilateralMeetingPrincipals,
  bilateralMeetings,
  bilateralRequestParties,
  bilateralRequests,
  delegations,
  editions,
  emailOutbox,
  type Localized,
  type MeetingStatus,
  notifications,
  organisations,
  type PartyResponse,
  participants,
  type Rank,
  type RequestStatus,
  rooms,
  roomUnavailability,
  sessionRoles,
  sessions,
  users,
} from '../../db/schema.js';
import type { Action } from '../../platform/actions.js';
import type { Clock } from '../../platform/clock.js';
import { type ErrorCode, forbidden, PlenaryError } from '../../platform/errors.js';
import { pick } from '../../platform/localized.js';
import {
  type BilateralSolution,
  type ChangeReason,
  evaluateSolution,
  replan,
  SchedulingInputError,
  solve,
} from '../../scheduling/index.js';
import { type Actor, isFocalPointOf, isSecretariat, systemActor } from '../accounts/actor.js';
import { displayName } from '../accreditation/participants.presenter.js';
import { recordAudit } from '../audit/audit.js';
import { organisationName } from '../conferences/organisation-name.js';
import { editionSettings } from '../conferences/settings.js';
import {
  fromSolution,
  type Interval,
  nextRequestState,
  type PlacementContext,
  type PlanningRecords,
  placementRefusals,
  type RequestFlag,
  requestFlags,
  type SlotGrid,
  slotGrid,
  toInstance,
} from './rules.js';

const MINUTE = 60_000;

export interface WindowInput {
  start: string;
  end: string;
}

export interface RequestInput {
  /** The requesting delegation; focal points always request for their own. */
  from?: string;
  counterparts: string[];
  kind?: BilateralKind;
  lengthMinutes: number;
  priority?: number;
  window?: WindowInput | null;
  notes?: string | null;
}

export interface PartyView {
  code: string;
  name: string;
  principal: { participantId: string; name: string; title: string; rank: string } | null;
  response: 'requester' | PartyResponse;
  proposedWindow: WindowInput | null;
  respondedAt: string | null;
}

export interface MeetingView {
  id: string;
  requestId: string;
  kind: BilateralKind;
  room: { code: string; name: string; zone: string | null; capacity: number };
  startsAt: string;
  endsAt: string;
  status: MeetingStatus;
  published: 'no' | 'provisional' | 'final';
  parties: { code: string; name: string; principal: string | null; confirmed: boolean }[];
  flaggedReason: string | null;
  version: number;
}

export interface RequestView {
  id: string;
  kind: BilateralKind;
  status: RequestStatus;
  requester: PartyView;
  counterparts: PartyView[];
  lengthMinutes: number;
  priority: number;
  window: WindowInput | null;
  notes: string | null;
  flags: RequestFlag[];
  meeting: MeetingView | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Placement {
  room: string;
  startsAt: string;
}

export interface Proposal {
  basedOn: string;
  mode: 'solve' | 'replan';
  meetings: { requestId: string; room: string; startsAt: string; endsAt: string }[];
  diff: {
    added: { requestId: string; to: Placement; reason: string }[];
    moved: { requestId: string; from: Placement; to: Placement; reason: string }[];
    dropped: { requestId: string; from: Placement; reason: string }[];
  };
  unscheduled: { requestId: string; reason: string }[];
  score: number;
  maxScore: number;
  scheduled: number;
  requests: number;
  elapsedMs: number;
}

type Lang = string;
type EditionRow = typeof editions.$inferSelect;
type RequestRow = typeof bilateralRequests.$inferSelect;
type MeetingRow = typeof bilateralMeetings.$inferSelect;
type RoomRow = typeof rooms.$inferSelect;

interface DelegationInfo {
  id: string;
  code: string;
  org: typeof organisations.$inferSelect;
  head: typeof participants.$inferSelect | null;
}

const iso = (d: Date | number) => new Date(d).toISOString();
const windowOf = (start: Date | null, end: Date | null): Interval | null =>
  start && end ? { start: start.getTime(), end: end.getTime() } : null;
const windowView = (w: Interval | null): WindowInput | null =>
  w ? { start: iso(w.start), end: iso(w.end) } : null;
const KIND_WORDS: Record<BilateralKind, Localized> = {
  meeting: { en: 'bilateral meeting', ja: '会談' },
  stand_up: { en: 'stand-up talk', ja: '立ち話' },
  courtesy_call: { en: 'courtesy call', ja: '表敬' },
};

/** The principals' present session roles overlapping each meeting, as flag texts. */
async function conflictsOf(db: Db | Tx, editionId: string) {
  const rows = await db
    .select({
      meetingId: bilateralMeetings.id,
      flagged: bilateralMeetings.flaggedReason,
      code: delegations.code,
      session: sessions.code,
    })
    .from(bilateralMeetings)
    .innerJoin(
      bilateralMeetingPrincipals,
      eq(bilateralMeetingPrincipals.meetingId, bilateralMeetings.id),
    )
    .innerJoin(delegations, eq(delegations.id, bilateralMeetingPrincipals.delegationId))
    .leftJoin(
      sessionRoles,
      and(
        eq(sessionRoles.participantId, bilateralMeetingPrincipals.participantId),
        eq(sessionRoles.attendance, 'present'),
      ),
    )
    .leftJoin(
      sessions,
      and(
        eq(sessions.id, sessionRoles.sessionId),
        ne(sessions.status, 'cancelled'),
        sql`${sessions.startsAt} < ${bilateralMeetings.endsAt} and ${bilateralMeetings.startsAt} < ${sessions.endsAt}`,
      ),
    )
    .where(eq(bilateralMeetings.editionId, editionId));
  const byMeeting = new Map<string, { flagged: string | null; reasons: Set<string> }>();
  for (const row of rows) {
    const entry = byMeeting.get(row.meetingId) ?? {
      flagged: row.flagged,
      reasons: new Set<string>(),
    };
    if (row.session) entry.reasons.add(`${row.code} in ${row.session}`);
    byMeeting.set(row.meetingId, entry);
  }
  return byMeeting;
}

/**
 * Marks meetings whose principals now chair or speak in person in a session at the same time
 * (`flagged_reason` = `principal_in_session: JPN in plenary-2`), and clears flags that no longer
 * hold. Called after programme changes; returns how many meetings it flagged and cleared.
 */
export async function flagBilateralConflicts(
  db: Db,
  slug: string,
  now: Date,
): Promise<{ flagged: number; cleared: number }> {
  const [edition] = await db.select().from(editions).where(eq(editions.slug, slug));
  if (!edition) throw new PlenaryError('edition_not_found', `There is no edition "${slug}".`);
  return db.transaction(async (tx) => {
    const changes: { id: string; before: string | null; after: string | null }[] = [];
    for (const [id, entry] of await conflictsOf(tx, edition.id)) {
      const after =
        entry.reasons.size > 0
          ? `principal_in_session: ${[...entry.reasons].sort().join(', ')}`
          : null;
      if (after !== entry.flagged) changes.push({ id, before: entry.flagged, after });
    }
    for (const change of changes) {
      await tx
        .update(bilateralMeetings)
        .set({ flaggedReason: change.after })
        .where(eq(bilateralMeetings.id, change.id));
    }
    if (changes.length > 0) {
      await recordAudit(tx, now, {
        actor: systemActor('programme change'),
        action: 'bilateral.flag',
        entityType: 'edition',
        entityId: edition.id,
        editionId: edition.id,
        after: changes,
      });
    }
    return {
      flagged: changes.filter((c) => c.after !== null).length,
      cleared: changes.filter((c) => c.after === null).length,
    };
  });
}

export function createBilateralsService({ db, clock }: { db: Db; clock: Clock }) {
  async function edition(slug: string) {
    const [row] = await db.select().from(editions).where(eq(editions.slug, slug));
    if (!row) throw new PlenaryError('edition_not_found', `There is no edition "${slug}".`);
    return row;
  }

  function settingsOf(e: EditionRow) {
    const s = editionSettings(e.settings);
    const grid = slotGrid(e, {
      slotMinutes: s.bilateralSlotMinutes,
      dayStart: s.bilateralDayStart,
      dayEnd: s.bilateralDayEnd,
    });
    return { ...s, grid };
  }

  function requireSecretariat(actor: Actor) {
    if (!isSecretariat(actor)) throw forbidden('Only the secretariat plans bilateral meetings.');
  }

  /** The delegation a focal point acts for (null for the secretariat). */
  function ownDelegation(actor: Actor): string | null {
    return actor.kind === 'user' && actor.role === 'focal_point' ? actor.delegationId : null;
  }

  async function delegationInfo(editionId: string): Promise<Map<string, DelegationInfo>> {
    const rows = await db
      .select({ d: delegations, org: organisations, head: participants })
      .from(delegations)
      .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
      .leftJoin(participants, eq(participants.id, delegations.headParticipantId))
      .where(eq(delegations.editionId, editionId));
    return new Map(
      rows.map((r) => [r.d.id, { id: r.d.id, code: r.d.code, org: r.org, head: r.head }]),
    );
  }

  function byCode(info: Map<string, DelegationInfo>, code: string): DelegationInfo {
    for (const d of info.values()) if (d.code === code) return d;
    throw new PlenaryError(
      'delegation_not_found',
      `There is no delegation "${code}" in this edition.`,
    );
  }

  const nameOf = (d: DelegationInfo, lang: Lang) => organisationName(d.org, lang);

  /** A request with its parties, the parties' delegation ids requester first. */
  async function loadRequest(editionId: string, id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id))
      throw new PlenaryError('request_not_found', 'There is no such request.');
    const [request] = await db
      .select()
      .from(bilateralRequests)
      .where(and(eq(bilateralRequests.id, id), eq(bilateralRequests.editionId, editionId)));
    if (!request) throw new PlenaryError('request_not_found', 'There is no such request.');
    const parties = await db
      .select()
      .from(bilateralRequestParties)
      .where(eq(bilateralRequestParties.requestId, id));
    const [meeting] = await db
      .select()
      .from(bilateralMeetings)
      .where(eq(bilateralMeetings.requestId, id));
    return { request, parties, meeting: meeting ?? null };
  }

  async function loadMeeting(editionId: string, id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id))
      throw new PlenaryError('meeting_not_found', 'There is no such meeting.');
    const [meeting] = await db
      .select()
      .from(bilateralMeetings)
      .where(and(eq(bilateralMeetings.id, id), eq(bilateralMeetings.editionId, editionId)));
    if (!meeting) throw new PlenaryError('meeting_not_found', 'There is no such meeting.');
    const { request, parties } = await loadRequest(editionId, meeting.requestId);
    return { meeting, request, parties };
  }

  const partyIdsOf = (request: RequestRow, parties: { delegationId: string }[]) => [
    request.requesterDelegationId,
    ...parties.map((p) => p.delegationId),
  ];

  function requireParty(actor: Actor, partyIds: string[]) {
    if (isSecretariat(actor)) return;
    if (!partyIds.some((id) => isFocalPointOf(actor, id))) {
      throw new PlenaryError(
        'not_a_party',
        'Only the delegations in this meeting and the secretariat may see or change it.',
      );
    }
  }

  /** Consents recorded in the audit log, for the meeting at its current room and time. */
  async function consentsOf(meetings: MeetingRow[]): Promise<Map<string, Set<string>>> {
    const result = new Map<string, Set<string>>();
    if (meetings.length === 0) return result;
    const rows = await db
      .select({ entityId: auditEvents.entityId, after: auditEvents.after })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'bilateral.confirm'),
          inArray(
            auditEvents.entityId,
            meetings.map((m) => m.id),
          ),
        ),
      );
    const byId = new Map(meetings.map((m) => [m.id, m]));
    for (const row of rows) {
      const m = byId.get(row.entityId);
      const after = row.after as {
        roomId?: string;
        startsAt?: string;
        delegationIds?: string[];
      } | null;
      if (!m || !after || after.roomId !== m.roomId || after.startsAt !== iso(m.startsAt)) continue;
      const set = result.get(m.id) ?? new Set<string>();
      for (const id of after.delegationIds ?? []) set.add(id);
      result.set(m.id, set);
    }
    return result;
  }

  async function meetingViews(
    e: EditionRow,
    meetings: MeetingRow[],
    lang: Lang,
    context?: {
      info: Map<string, DelegationInfo>;
      requests: Map<string, RequestRow>;
      parties: Map<string, string[]>;
    },
  ): Promise<Map<string, MeetingView>> {
    const out = new Map<string, MeetingView>();
    if (meetings.length === 0) return out;
    const info = context?.info ?? (await delegationInfo(e.id));
    const requestIds = meetings.map((m) => m.requestId);
    const requests =
      context?.requests ??
      new Map(
        (
          await db.select().from(bilateralRequests).where(inArray(bilateralRequests.id, requestIds))
        ).map((r) => [r.id, r]),
      );
    let partyMap = context?.parties;
    if (!partyMap) {
      partyMap = new Map();
      const rows = await db
        .select()
        .from(bilateralRequestParties)
        .where(inArray(bilateralRequestParties.requestId, requestIds));
      for (const r of rows)
        partyMap.set(r.requestId, [...(partyMap.get(r.requestId) ?? []), r.delegationId]);
    }
    const roomRows = new Map(
      (
        await db
          .select()
          .from(rooms)
          .where(inArray(rooms.id, [...new Set(meetings.map((m) => m.roomId))]))
      ).map((r) => [r.id, r]),
    );
    const consents = await consentsOf(meetings);
    for (const m of meetings) {
      const request = requests.get(m.requestId)!;
      const room = roomRows.get(m.roomId)!;
      const ids = [request.requesterDelegationId, ...(partyMap.get(m.requestId) ?? [])];
      out.set(m.id, {
        id: m.id,
        requestId: m.requestId,
        kind: request.kind,
        room: {
          code: room.code,
          name: pick(room.name, lang) || room.code,
          zone: room.zone,
          capacity: room.capacity,
        },
        startsAt: iso(m.startsAt),
        endsAt: iso(m.endsAt),
        status: m.status,
        published: m.published,
        parties: ids.map((id) => {
          const d = info.get(id)!;
          return {
            code: d.code,
            name: nameOf(d, lang),
            principal: d.head ? displayName(d.head, lang) : null,
            confirmed: m.status === 'confirmed' || (consents.get(m.id)?.has(id) ?? false),
          };
        }),
        flaggedReason: m.flaggedReason,
        version: m.version,
      });
    }
    return out;
  }

  async function requestViews(
    e: EditionRow,
    requests: RequestRow[],
    lang: Lang,
  ): Promise<RequestView[]> {
    if (requests.length === 0) return [];
    const info = await delegationInfo(e.id);
    const ids = requests.map((r) => r.id);
    const partyRows = await db
      .select()
      .from(bilateralRequestParties)
      .where(inArray(bilateralRequestParties.requestId, ids))
      .orderBy(asc(bilateralRequestParties.delegationId));
    const parties = new Map<string, (typeof partyRows)[number][]>();
    for (const p of partyRows) parties.set(p.requestId, [...(parties.get(p.requestId) ?? []), p]);
    const meetingRows = await db
      .select()
      .from(bilateralMeetings)
      .where(inArray(bilateralMeetings.requestId, ids));
    const meetings = await meetingViews(e, meetingRows, lang, {
      info,
      requests: new Map(requests.map((r) => [r.id, r])),
      parties: new Map([...parties].map(([k, v]) => [k, v.map((p) => p.delegationId)])),
    });
    const meetingByRequest = new Map(meetingRows.map((m) => [m.requestId, meetings.get(m.id)!]));
    const party = (
      id: string,
      response: PartyView['response'],
      proposed: Interval | null,
      respondedAt: Date | null,
    ): PartyView => {
      const d = info.get(id)!;
      return {
        code: d.code,
        name: nameOf(d, lang),
        principal: d.head
          ? {
              participantId: d.head.id,
              name: displayName(d.head, lang),
              title: pick(d.head.title, lang),
              rank: d.head.rank,
            }
          : null,
        response,
        proposedWindow: windowView(proposed),
        respondedAt: respondedAt ? iso(respondedAt) : null,
      };
    };
    return requests.map((r) => {
      const counterparts = (parties.get(r.id) ?? [])
        .map((p) =>
          party(
            p.delegationId,
            p.response,
            windowOf(p.proposedStart, p.proposedEnd),
            p.respondedAt,
          ),
        )
        .sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
      const requester = party(r.requesterDelegationId, 'requester', null, null);
      return {
        id: r.id,
        kind: r.kind,
        status: r.status,
        requester,
        counterparts,
        lengthMinutes: r.lengthMinutes,
        priority: r.priority,
        window: windowView(windowOf(r.windowStart, r.windowEnd)),
        notes: r.notes,
        flags: requestFlags(
          [requester, ...counterparts].map((p) => (p.principal?.rank as Rank | undefined) ?? null),
        ),
        meeting: meetingByRequest.get(r.id) ?? null,
        version: r.version,
        createdAt: iso(r.createdAt),
        updatedAt: iso(r.updatedAt),
      };
    });
  }

  async function describeRequest(e: EditionRow, id: string, lang: Lang): Promise<RequestView> {
    const [row] = await db.select().from(bilateralRequests).where(eq(bilateralRequests.id, id));
    if (!row) throw new PlenaryError('request_not_found', 'There is no such request.');
    return (await requestViews(e, [row], lang))[0]!;
  }

  async function describeMeeting(e: EditionRow, id: string, lang: Lang): Promise<MeetingView> {
    const [row] = await db.select().from(bilateralMeetings).where(eq(bilateralMeetings.id, id));
    if (!row) throw new PlenaryError('meeting_not_found', 'There is no such meeting.');
    return (await meetingViews(e, [row], lang)).get(row.id)!;
  }

  /**
   * One in-app notification for each delegation told, and one email in the outbox per
   * notification, addressed to that delegation's focal points.
   */
  async function notify(
    tx: Tx,
    e: EditionRow,
    to: string[],
    kind: Action,
    entity: { type: string; id: string },
    subject: Localized,
    body: string,
  ) {
    const recipients = [...new Set(to)];
    if (recipients.length === 0) return;
    const now = clock.now();
    await tx.insert(notifications).values(
      recipients.map((delegationId) => ({
        delegationId,
        kind,
        subject,
        entityType: entity.type,
        entityId: entity.id,
        createdAt: now,
      })),
    );
    const focal = await tx
      .select({ email: users.email, delegationId: users.delegationId })
      .from(users)
      .where(
        and(
          eq(users.role, 'focal_point'),
          eq(users.disabled, false),
          inArray(users.delegationId, recipients),
        ),
      );
    const rows = recipients.flatMap((delegationId) => {
      const addresses = focal.filter((u) => u.delegationId === delegationId).map((u) => u.email);
      return addresses.length > 0
        ? [
            {
              editionId: e.id,
              to: addresses.sort().join(', '),
              subject: subject.en ?? '',
              body,
              createdAt: now,
            },
          ]
        : [];
    });
    if (rows.length > 0) await tx.insert(emailOutbox).values(rows);
  }

  /** The other side of a step: every party but the actor's own delegation. */
  const otherSide = (actor: Actor, partyIds: string[]) =>
    partyIds.filter((id) => !isFocalPointOf(actor, id));

  function bothNames(info: Map<string, DelegationInfo>, ids: string[]) {
    const names = (lang: Lang) => ids.map((id) => nameOf(info.get(id)!, lang));
    return { en: names('en').join(' – '), ja: names('ja').join('・') };
  }

  async function audit(
    tx: Tx,
    actor: Actor,
    e: EditionRow,
    action: Action,
    entityType: string,
    entityId: string,
    before: unknown,
    after: unknown,
    delegationId?: string | null,
  ) {
    await recordAudit(tx, clock.now(), {
      actor,
      action,
      entityType,
      entityId,
      editionId: e.id,
      delegationId: delegationId ?? null,
      before,
      after,
    });
  }

  /**
   * Turns the database's refusals into the codes a user acts on. `work` is a whole transaction:
   * one aborted to break a deadlock between conflicting bookings runs again (retryAborted).
   */
  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await retryAborted(work);
    } catch (error) {
      const { code, constraint } = pgError(error);
      if (code === EXCLUSION_VIOLATION && constraint === 'bilateral_meetings_no_double_booking') {
        throw new PlenaryError(
          'room_double_booked',
          'The room is already booked for another meeting at that time.',
        );
      }
      if (code === EXCLUSION_VIOLATION && constraint === 'bilateral_principals_no_double_booking') {
        throw new PlenaryError(
          'principal_busy',
          'A principal is already in another meeting at that time.',
        );
      }
      throw error;
    }
  }

  function parseWindow(input: WindowInput | null | undefined, field = 'window'): Interval | null {
    if (!input) return null;
    const start = Date.parse(input.start);
    const end = Date.parse(input.end);
    if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
      throw new PlenaryError('validation_failed', 'A window ends after it starts.', {
        details: [{ field, code: 'invalid', message: 'end must be after start' }],
      });
    }
    return { start, end };
  }

  async function insertMeeting(
    tx: Tx,
    meeting: {
      id: string;
      editionId: string;
      requestId: string;
      roomId: string;
      start: number;
      end: number;
      status: MeetingStatus;
      published?: 'no' | 'provisional' | 'final';
      version?: number;
    },
    principals: { participantId: string; delegationId: string }[],
  ) {
    const startsAt = new Date(meeting.start);
    const endsAt = new Date(meeting.end);
    await tx.insert(bilateralMeetings).values({
      id: meeting.id,
      editionId: meeting.editionId,
      requestId: meeting.requestId,
      roomId: meeting.roomId,
      startsAt,
      endsAt,
      status: meeting.status,
      published: meeting.published ?? 'no',
      version: meeting.version ?? 1,
      createdAt: clock.now(),
    });
    await tx.insert(bilateralMeetingPrincipals).values(
      principals.map((p) => ({
        meetingId: meeting.id,
        participantId: p.participantId,
        delegationId: p.delegationId,
        during: sql`tstzrange(${iso(startsAt)}::timestamptz, ${iso(endsAt)}::timestamptz)`,
      })),
    );
  }

  function principalsOf(info: Map<string, DelegationInfo>, partyIds: string[]) {
    return partyIds.map((id) => {
      const d = info.get(id)!;
      if (!d.head)
        throw new PlenaryError(
          'no_principal',
          `${d.code} has no head of delegation yet; name one before booking.`,
        );
      return { participantId: d.head.id, delegationId: id };
    });
  }

  /** What a hand-placed meeting is checked against: the booth, the principals' sessions, every other meeting. */
  async function placementContext(
    e: EditionRow,
    info: Map<string, DelegationInfo>,
    room: RoomRow,
    request: RequestRow,
    partyIds: string[],
    excludeMeetingId: string | null,
  ): Promise<PlacementContext> {
    const s = settingsOf(e);
    const booths = await db.select().from(rooms).where(eq(rooms.editionId, e.id));
    const unavailable = await db
      .select()
      .from(roomUnavailability)
      .where(eq(roomUnavailability.roomId, room.id));
    const roomSessions = await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.roomId, room.id), ne(sessions.status, 'cancelled')));
    const heads = partyIds.flatMap((id) => (info.get(id)?.head ? [info.get(id)!.head!.id] : []));
    const presentRows = heads.length
      ? await db
          .select({
            participantId: sessionRoles.participantId,
            code: sessions.code,
            startsAt: sessions.startsAt,
            endsAt: sessions.endsAt,
          })
          .from(sessionRoles)
          .innerJoin(sessions, eq(sessions.id, sessionRoles.sessionId))
          .where(
            and(
              inArray(sessionRoles.participantId, heads),
              eq(sessionRoles.attendance, 'present'),
              ne(sessions.status, 'cancelled'),
            ),
          )
      : [];
    const delegationOfHead = new Map(
      partyIds.flatMap((id) =>
        info.get(id)?.head ? [[info.get(id)!.head!.id, info.get(id)!.code] as const] : [],
      ),
    );
    const others = await db
      .select({
        m: bilateralMeetings,
        roomCode: rooms.code,
        delegationId: bilateralMeetingPrincipals.delegationId,
      })
      .from(bilateralMeetings)
      .innerJoin(rooms, eq(rooms.id, bilateralMeetings.roomId))
      .leftJoin(
        bilateralMeetingPrincipals,
        eq(bilateralMeetingPrincipals.meetingId, bilateralMeetings.id),
      )
      .where(
        excludeMeetingId
          ? and(eq(bilateralMeetings.editionId, e.id), ne(bilateralMeetings.id, excludeMeetingId))
          : eq(bilateralMeetings.editionId, e.id),
      );
    const grouped = new Map<string, PlacementContext['others'][number]>();
    for (const o of others) {
      const entry = grouped.get(o.m.id) ?? {
        roomCode: o.roomCode,
        start: o.m.startsAt.getTime(),
        end: o.m.endsAt.getTime(),
        delegationCodes: [],
      };
      if (o.delegationId)
        entry.delegationCodes.push(info.get(o.delegationId)?.code ?? o.delegationId);
      grouped.set(o.m.id, entry);
    }
    const partyCodes = partyIds.map((id) => info.get(id)!.code);
    return {
      grid: s.grid,
      transferMinutes: s.bilateralTransferMinutes,
      room: {
        code: room.code,
        capacity: room.capacity,
        zone: room.zone,
        unavailable: [
          ...unavailable.map((u) => ({ start: u.startsAt.getTime(), end: u.endsAt.getTime() })),
          ...roomSessions.map((x) => ({ start: x.startsAt.getTime(), end: x.endsAt.getTime() })),
        ],
      },
      zoneOf: new Map(booths.map((b) => [b.code, b.zone])),
      request: {
        lengthMinutes: request.lengthMinutes,
        size: s.bilateralSeatsPerDelegation * partyIds.length,
        window: windowOf(request.windowStart, request.windowEnd),
      },
      sessions: presentRows.map((r) => ({
        delegationCode: delegationOfHead.get(r.participantId)!,
        code: r.code,
        start: r.startsAt.getTime(),
        end: r.endsAt.getTime(),
      })),
      others: [...grouped.values()],
      parties: partyCodes,
    };
  }

  function refuse(refusals: ReturnType<typeof placementRefusals>): never {
    const first = refusals[0]!;
    throw new PlenaryError(first.reason as ErrorCode, refusals.map((r) => r.detail).join(' '), {
      extra: { reasons: refusals.map((r) => r.reason) },
    });
  }

  async function bookableRoom(e: EditionRow, code: string) {
    const [room] = await db
      .select()
      .from(rooms)
      .where(and(eq(rooms.editionId, e.id), eq(rooms.code, code)));
    if (room?.kind !== 'bilateral_booth')
      throw new PlenaryError('room_not_found', `There is no bilateral booth "${code}".`);
    return room;
  }

  /** Everything the scheduler needs, read from the records, and a fingerprint of what a plan depends on. */
  async function planningRecords(e: EditionRow) {
    const s = settingsOf(e);
    const info = await delegationInfo(e.id);
    const booths = await db
      .select()
      .from(rooms)
      .where(and(eq(rooms.editionId, e.id), eq(rooms.kind, 'bilateral_booth')))
      .orderBy(asc(rooms.code));
    const boothIds = booths.map((b) => b.id);
    const blocks = boothIds.length
      ? await db
          .select()
          .from(roomUnavailability)
          .where(inArray(roomUnavailability.roomId, boothIds))
      : [];
    const boothSessions = boothIds.length
      ? await db
          .select()
          .from(sessions)
          .where(and(inArray(sessions.roomId, boothIds), ne(sessions.status, 'cancelled')))
      : [];
    const present = await db
      .select({
        participantId: sessionRoles.participantId,
        startsAt: sessions.startsAt,
        endsAt: sessions.endsAt,
      })
      .from(sessionRoles)
      .innerJoin(sessions, eq(sessions.id, sessionRoles.sessionId))
      .where(
        and(
          eq(sessions.editionId, e.id),
          eq(sessionRoles.attendance, 'present'),
          ne(sessions.status, 'cancelled'),
        ),
      );
    const requestRows = await db
      .select()
      .from(bilateralRequests)
      .where(
        and(
          eq(bilateralRequests.editionId, e.id),
          inArray(bilateralRequests.status, ['accepted', 'pending']),
        ),
      )
      .orderBy(asc(bilateralRequests.createdAt), asc(bilateralRequests.id));
    const partyRows = requestRows.length
      ? await db
          .select()
          .from(bilateralRequestParties)
          .where(
            inArray(
              bilateralRequestParties.requestId,
              requestRows.map((r) => r.id),
            ),
          )
          .orderBy(asc(bilateralRequestParties.delegationId))
      : [];
    const meetingRows = await db
      .select({ m: bilateralMeetings, roomCode: rooms.code })
      .from(bilateralMeetings)
      .innerJoin(rooms, eq(rooms.id, bilateralMeetings.roomId))
      .where(eq(bilateralMeetings.editionId, e.id))
      .orderBy(asc(bilateralMeetings.id));
    const partiesOf = new Map<string, string[]>();
    for (const p of partyRows)
      partiesOf.set(p.requestId, [...(partiesOf.get(p.requestId) ?? []), p.delegationId]);
    const withMeeting = new Set(meetingRows.map((r) => r.m.requestId));
    const relevant = requestRows.filter((r) => r.status === 'accepted' || withMeeting.has(r.id));
    const busyOf = new Map<string, Interval[]>();
    for (const p of present)
      busyOf.set(p.participantId, [
        ...(busyOf.get(p.participantId) ?? []),
        { start: p.startsAt.getTime(), end: p.endsAt.getTime() },
      ]);
    const records: PlanningRecords = {
      name: e.slug,
      grid: s.grid,
      transferMinutes: s.bilateralTransferMinutes,
      seatsPerDelegation: s.bilateralSeatsPerDelegation,
      rooms: booths.map((b) => ({
        code: b.code,
        capacity: b.capacity,
        zone: b.zone,
        unavailable: [
          ...blocks
            .filter((x) => x.roomId === b.id)
            .map((x) => ({ start: x.startsAt.getTime(), end: x.endsAt.getTime() })),
          ...boothSessions
            .filter((x) => x.roomId === b.id)
            .map((x) => ({ start: x.startsAt.getTime(), end: x.endsAt.getTime() })),
        ],
      })),
      principals: [...info.values()].map((d) => ({
        delegationCode: d.code,
        participantId: d.head?.id ?? null,
        busy: d.head ? (busyOf.get(d.head.id) ?? []) : [],
      })),
      requests: relevant.map((r) => ({
        id: r.id,
        status: r.status,
        parties: partyIdsOf(
          r,
          (partiesOf.get(r.id) ?? []).map((delegationId) => ({ delegationId })),
        ).map((id) => info.get(id)!.code),
        priority: r.priority,
        lengthMinutes: r.lengthMinutes,
        window: windowOf(r.windowStart, r.windowEnd),
      })),
      meetings: meetingRows.map(({ m, roomCode }) => ({
        id: m.id,
        requestId: m.requestId,
        roomCode,
        start: m.startsAt.getTime(),
        end: m.endsAt.getTime(),
        status: m.status,
      })),
    };
    return {
      records,
      info,
      booths,
      requests: new Map(requestRows.map((r) => [r.id, r])),
      partiesOf,
      meetings: meetingRows.map((r) => r.m),
      fingerprint: await fingerprint(db, e.id),
    };
  }

  /** What a plan depends on: every meeting's place and state, and the requests' versions. */
  async function fingerprint(on: Db | Tx, editionId: string): Promise<string> {
    const ms = await on
      .select({
        id: bilateralMeetings.id,
        v: bilateralMeetings.version,
        s: bilateralMeetings.status,
        r: bilateralMeetings.roomId,
        t: bilateralMeetings.startsAt,
      })
      .from(bilateralMeetings)
      .where(eq(bilateralMeetings.editionId, editionId))
      .orderBy(asc(bilateralMeetings.id));
    const rs = await on
      .select({
        id: bilateralRequests.id,
        v: bilateralRequests.version,
        s: bilateralRequests.status,
      })
      .from(bilateralRequests)
      .where(eq(bilateralRequests.editionId, editionId))
      .orderBy(asc(bilateralRequests.id));
    const text = JSON.stringify([
      ms.map((m) => [m.id, m.v, m.s, m.r, iso(m.t)]),
      rs.map((r) => [r.id, r.v, r.s]),
    ]);
    return createHash('sha256').update(text).digest('base64url').slice(0, 22);
  }

  const placementAt = (grid: SlotGrid, room: string, slotId: string): Placement => ({
    room,
    startsAt: iso(grid.slots.find((s) => s.id === slotId)!.start),
  });

  const service = {
    // ───────────── Requests ─────────────

    async request(
      actor: Actor,
      slug: string,
      input: RequestInput,
      lang: Lang = 'en',
    ): Promise<RequestView> {
      const e = await edition(slug);
      const info = await delegationInfo(e.id);
      const own = ownDelegation(actor);
      let requesterId: string;
      if (own) {
        if (input.from && input.from !== info.get(own)?.code)
          throw forbidden('A focal point requests meetings for its own delegation.');
        requesterId = own;
      } else if (isSecretariat(actor)) {
        if (!input.from)
          throw new PlenaryError(
            'validation_failed',
            'Say which delegation requests the meeting.',
            {
              details: [
                { field: 'from', code: 'required', message: 'required for the secretariat' },
              ],
            },
          );
        requesterId = byCode(info, input.from).id;
      } else {
        throw forbidden('Only focal points and the secretariat request bilateral meetings.');
      }
      const counterparts = [...new Set(input.counterparts)].map((code) => byCode(info, code).id);
      if (counterparts.length === 0 || counterparts.includes(requesterId)) {
        throw new PlenaryError('validation_failed', 'Name at least one other delegation to meet.', {
          details: [
            { field: 'counterparts', code: 'invalid', message: 'one or more other delegations' },
          ],
        });
      }
      const maxPriority = isSecretariat(actor) ? 100 : 5;
      const priority = input.priority ?? 1;
      if (!Number.isInteger(priority) || priority < 1 || priority > maxPriority) {
        throw new PlenaryError('validation_failed', `Priority is 1 to ${maxPriority}.`, {
          details: [{ field: 'priority', code: 'invalid', message: `1..${maxPriority}` }],
        });
      }
      if (
        !Number.isInteger(input.lengthMinutes) ||
        input.lengthMinutes < 5 ||
        input.lengthMinutes > 240
      ) {
        throw new PlenaryError('validation_failed', 'A meeting lasts 5 to 240 minutes.', {
          details: [{ field: 'lengthMinutes', code: 'invalid', message: '5..240' }],
        });
      }
      const window = parseWindow(input.window);
      const now = clock.now();
      const kind = input.kind ?? 'meeting';
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(bilateralRequests)
          .values({
            editionId: e.id,
            requesterDelegationId: requesterId,
            kind,
            lengthMinutes: input.lengthMinutes,
            priority,
            windowStart: window ? new Date(window.start) : null,
            windowEnd: window ? new Date(window.end) : null,
            notes: input.notes ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await tx
          .insert(bilateralRequestParties)
          .values(counterparts.map((delegationId) => ({ requestId: row!.id, delegationId })));
        await audit(
          tx,
          actor,
          e,
          'bilateral.request',
          'bilateral_request',
          row!.id,
          null,
          { ...row, counterparts: counterparts.map((c) => info.get(c)!.code) },
          requesterId,
        );
        const requester = info.get(requesterId)!;
        await notify(
          tx,
          e,
          counterparts,
          'bilateral.request',
          { type: 'bilateral_request', id: row!.id },
          {
            en: `${nameOf(requester, 'en')} requests a ${KIND_WORDS[kind].en} (${input.lengthMinutes} min)`,
            ja: `${nameOf(requester, 'ja')}から${KIND_WORDS[kind].ja}の申し入れ（${input.lengthMinutes}分）`,
          },
          `${nameOf(requester, 'en')} requests a ${KIND_WORDS[kind].en} of ${input.lengthMinutes} minutes at ${pick(e.name, 'en')}.${input.notes ? `\n\n${input.notes}` : ''}\n\nAnswer in Plenary.`,
        );
        return row!.id;
      });
      return describeRequest(e, id, lang);
    },

    /** A focal point sees what its delegation sent and received; the secretariat sees all. */
    async list(
      actor: Actor,
      slug: string,
      filter: { status?: RequestStatus; delegation?: string } = {},
      lang: Lang = 'en',
    ): Promise<RequestView[]> {
      const e = await edition(slug);
      const own = ownDelegation(actor);
      if (!own && !isSecretariat(actor)) throw forbidden();
      let delegationId = own;
      if (!own && filter.delegation)
        delegationId = byCode(await delegationInfo(e.id), filter.delegation).id;
      const conditions = [eq(bilateralRequests.editionId, e.id)];
      if (filter.status) conditions.push(eq(bilateralRequests.status, filter.status));
      if (delegationId) {
        const received = db
          .select({ id: bilateralRequestParties.requestId })
          .from(bilateralRequestParties)
          .where(eq(bilateralRequestParties.delegationId, delegationId));
        conditions.push(
          or(
            eq(bilateralRequests.requesterDelegationId, delegationId),
            inArray(bilateralRequests.id, received),
          )!,
        );
      }
      const rows = await db
        .select()
        .from(bilateralRequests)
        .where(and(...conditions))
        .orderBy(desc(bilateralRequests.createdAt), asc(bilateralRequests.id));
      return requestViews(e, rows, lang);
    },

    async get(actor: Actor, slug: string, id: string, lang: Lang = 'en'): Promise<RequestView> {
      const e = await edition(slug);
      const { request, parties } = await loadRequest(e.id, id);
      requireParty(actor, partyIdsOf(request, parties));
      return describeRequest(e, id, lang);
    },

    /** A counterpart's focal point accepts, declines or proposes another window. */
    async respond(
      actor: Actor,
      slug: string,
      id: string,
      input: { response: 'accepted' | 'declined' | 'proposed'; window?: WindowInput | null },
      lang: Lang = 'en',
    ): Promise<RequestView> {
      const e = await edition(slug);
      const { request, parties, meeting } = await loadRequest(e.id, id);
      const own = ownDelegation(actor);
      if (!own || !parties.some((p) => p.delegationId === own)) {
        throw new PlenaryError(
          'not_a_party',
          "Only a counterpart's focal point answers a request, for its own delegation.",
        );
      }
      const proposed =
        input.response === 'proposed' ? (parseWindow(input.window) ?? undefined) : undefined;
      const next = nextRequestState(stateOf(request, parties), {
        type: 'respond',
        delegationId: own,
        response: input.response,
        ...(proposed ? { window: proposed } : {}),
      });
      await applyState(actor, e, request, parties, meeting, next, 'bilateral.respond', {
        en: `answered: ${input.response}`,
        ja: { accepted: '受諾', declined: '辞退', proposed: '別の時間帯を提案' }[input.response],
      });
      return describeRequest(e, id, lang);
    },

    /** The requester adopts the window a counterpart proposed. */
    async acceptProposal(
      actor: Actor,
      slug: string,
      id: string,
      from: string,
      lang: Lang = 'en',
    ): Promise<RequestView> {
      const e = await edition(slug);
      const { request, parties, meeting } = await loadRequest(e.id, id);
      if (!isFocalPointOf(actor, request.requesterDelegationId)) {
        throw new PlenaryError(
          'not_a_party',
          "Only the requesting delegation's focal point adopts a proposed window.",
        );
      }
      const info = await delegationInfo(e.id);
      const next = nextRequestState(stateOf(request, parties), {
        type: 'adopt_proposal',
        delegationId: byCode(info, from).id,
      });
      await applyState(actor, e, request, parties, meeting, next, 'bilateral.respond', {
        en: 'adopted the proposed window',
        ja: '提案された時間帯を受け入れ',
      });
      return describeRequest(e, id, lang);
    },

    /** Either side (or the secretariat) cancels; the meeting, if any, is removed. */
    async cancel(actor: Actor, slug: string, id: string, lang: Lang = 'en'): Promise<RequestView> {
      const e = await edition(slug);
      const { request, parties, meeting } = await loadRequest(e.id, id);
      requireParty(actor, partyIdsOf(request, parties));
      const next = nextRequestState(stateOf(request, parties), { type: 'cancel' });
      await applyState(actor, e, request, parties, meeting, next, 'bilateral.cancel', {
        en: 'cancelled',
        ja: '取り消し',
      });
      return describeRequest(e, id, lang);
    },

    /** A pending request holds a slot tentatively (the secretariat, or the requester's focal point). */
    async hold(
      actor: Actor,
      slug: string,
      id: string,
      at: { room: string; startsAt: string },
      lang: Lang = 'en',
    ): Promise<MeetingView> {
      const e = await edition(slug);
      const { request, parties, meeting } = await loadRequest(e.id, id);
      if (!isSecretariat(actor) && !isFocalPointOf(actor, request.requesterDelegationId)) {
        throw new PlenaryError(
          'not_a_party',
          'Only the requesting delegation or the secretariat holds a slot.',
        );
      }
      if (request.status !== 'pending')
        throw new PlenaryError(
          'request_not_pending',
          'Only a pending request holds a slot; an accepted one is planned.',
        );
      if (meeting) throw new PlenaryError('duplicate', 'This request holds a slot already.');
      const info = await delegationInfo(e.id);
      const partyIds = partyIdsOf(request, parties);
      const principals = principalsOf(info, partyIds);
      const room = await bookableRoom(e, at.room);
      const start = Date.parse(at.startsAt);
      const refusals = placementRefusals(
        await placementContext(e, info, room, request, partyIds, null),
        start,
      );
      if (refusals.length > 0) refuse(refusals);
      const meetingId = randomUUID();
      await guarded(() =>
        db.transaction(async (tx) => {
          await insertMeeting(
            tx,
            {
              id: meetingId,
              editionId: e.id,
              requestId: id,
              roomId: room.id,
              start,
              end: start + request.lengthMinutes * MINUTE,
              status: 'tentative',
            },
            principals,
          );
          await audit(
            tx,
            actor,
            e,
            'bilateral.hold',
            'bilateral_meeting',
            meetingId,
            null,
            { requestId: id, room: room.code, startsAt: iso(start) },
            request.requesterDelegationId,
          );
          await notify(
            tx,
            e,
            otherSide(actor, partyIds),
            'bilateral.hold',
            { type: 'bilateral_meeting', id: meetingId },
            {
              en: `A slot is held for ${bothNames(info, partyIds).en}: ${room.code}, ${iso(start)}`,
              ja: `${bothNames(info, partyIds).ja}の時間枠を仮押さえ：${room.code}、${iso(start)}`,
            },
            `A tentative slot is held in ${room.code} at ${iso(start)} for the pending request.`,
          );
        }),
      );
      return describeMeeting(e, meetingId, lang);
    },

    // ───────────── The board (secretariat) ─────────────

    async board(actor: Actor, slug: string, lang: Lang = 'en') {
      requireSecretariat(actor);
      const e = await edition(slug);
      const s = settingsOf(e);
      const booths = await db
        .select()
        .from(rooms)
        .where(and(eq(rooms.editionId, e.id), eq(rooms.kind, 'bilateral_booth')))
        .orderBy(asc(rooms.code));
      const meetingRows = await db
        .select()
        .from(bilateralMeetings)
        .where(eq(bilateralMeetings.editionId, e.id))
        .orderBy(asc(bilateralMeetings.startsAt));
      const views = await meetingViews(e, meetingRows, lang);
      const scheduled = new Set(meetingRows.map((m) => m.requestId));
      const accepted = await db
        .select()
        .from(bilateralRequests)
        .where(and(eq(bilateralRequests.editionId, e.id), eq(bilateralRequests.status, 'accepted')))
        .orderBy(desc(bilateralRequests.priority), asc(bilateralRequests.createdAt));
      return {
        slotMinutes: s.grid.slotMinutes,
        timeZone: e.timeZone,
        days: s.grid.days,
        slots: s.grid.slots.map((x) => ({
          id: x.id,
          day: x.day,
          startsAt: iso(x.start),
          endsAt: iso(x.end),
        })),
        rooms: booths.map((b) => ({
          code: b.code,
          name: pick(b.name, lang) || b.code,
          zone: b.zone,
          capacity: b.capacity,
        })),
        meetings: meetingRows.map((m) => views.get(m.id)!),
        unscheduled: await requestViews(
          e,
          accepted.filter((r) => !scheduled.has(r.id)),
          lang,
        ),
      };
    },

    /**
     * A plan proposal, not saved: the scheduler on the accepted requests, around confirmed
     * meetings and tentative holds (pinned). With provisional meetings already on the board it
     * re-plans from them, moving as few as it can; a confirmed meeting is never moved.
     */
    async plan(
      actor: Actor,
      slug: string,
      options: { timeLimitSeconds?: number; seed?: number } = {},
    ): Promise<Proposal> {
      requireSecretariat(actor);
      const e = await edition(slug);
      const ctx = await planningRecords(e);
      const { instance, previous, excluded } = toInstance(ctx.records);
      const timeLimitMs = Math.round(
        Math.min(Math.max(options.timeLimitSeconds ?? 5, 0.1), 60) * 1000,
      );
      const seed = options.seed ?? 1;
      // The solver's budget timer; the domain clock is not involved.
      const now = () => performance.now();
      const fixed = new Set(instance.requests.filter((r) => r.pinned).map((r) => r.id));
      const grid = ctx.records.grid;
      const lengths = new Map(ctx.records.requests.map((r) => [r.id, r.lengthMinutes]));
      let solution: BilateralSolution;
      let score: number;
      let elapsedMs: number;
      const diff: Proposal['diff'] = { added: [], moved: [], dropped: [] };
      const mode: Proposal['mode'] = previous.meetings.length > 0 ? 'replan' : 'solve';
      try {
        if (mode === 'replan') {
          const result = replan(instance, previous, { timeLimitMs, seed, now });
          ({ solution, score } = result);
          elapsedMs = result.stats.elapsedMs;
          const at = (p: { room: string; start: string }) => placementAt(grid, p.room, p.start);
          const reason = (r: ChangeReason) => r as string;
          for (const c of result.added)
            if (!fixed.has(c.request) && c.to)
              diff.added.push({ requestId: c.request, to: at(c.to), reason: reason(c.reason) });
          for (const c of result.moved)
            if (c.from && c.to)
              diff.moved.push({
                requestId: c.request,
                from: at(c.from),
                to: at(c.to),
                reason: reason(c.reason),
              });
          for (const c of result.dropped)
            if (c.from)
              diff.dropped.push({
                requestId: c.request,
                from: at(c.from),
                reason: reason(c.reason),
              });
        } else {
          const result = solve(instance, { timeLimitMs, seed, now, skipBound: true });
          ({ solution, score } = result);
          elapsedMs = result.stats.elapsedMs;
          for (const m of solution.meetings) {
            if (!fixed.has(m.request))
              diff.added.push({
                requestId: m.request,
                to: placementAt(grid, m.room, m.start),
                reason: 'newly_scheduled',
              });
          }
        }
      } catch (error) {
        if (error instanceof SchedulingInputError)
          throw new PlenaryError(
            'plan_invalid',
            `The records cannot be planned as they stand: ${error.message}`,
          );
        throw error;
      }
      const planned = {
        ...solution,
        meetings: solution.meetings.filter((m) => !fixed.has(m.request)),
      };
      const placed = new Set(solution.meetings.map((m) => m.request));
      return {
        basedOn: ctx.fingerprint,
        mode,
        meetings: fromSolution(planned, grid, lengths).map((m) => ({
          requestId: m.requestId,
          room: m.roomCode,
          startsAt: iso(m.start),
          endsAt: iso(m.end),
        })),
        diff,
        unscheduled: [
          ...excluded,
          ...instance.requests
            .filter((r) => !placed.has(r.id))
            .map((r) => ({ requestId: r.id, reason: 'no_room_or_slot' })),
        ],
        score,
        maxScore: instance.requests.reduce((sum, r) => sum + r.priority, 0),
        scheduled: solution.meetings.length,
        requests: instance.requests.length,
        elapsedMs: Math.round(elapsedMs),
      };
    },

    /**
     * Writes a proposal in one transaction: provisional meetings moved, added and dropped.
     * Refused when the records changed since it was proposed (`plan_stale`) or when it breaks a
     * rule against them (`plan_invalid`); the exclusion constraints stay the last line of defence.
     */
    async applyPlan(
      actor: Actor,
      slug: string,
      proposal: {
        basedOn: string;
        meetings: { requestId: string; room: string; startsAt: string }[];
      },
      lang: Lang = 'en',
    ) {
      requireSecretariat(actor);
      const e = await edition(slug);
      const ctx = await planningRecords(e);
      if (proposal.basedOn !== ctx.fingerprint) {
        throw new PlenaryError(
          'plan_stale',
          'The requests or meetings changed since this plan was made. Plan again.',
        );
      }
      const { instance } = toInstance(ctx.records);
      const grid = ctx.records.grid;
      const slotAt = new Map(grid.slots.map((s) => [s.start, s.id]));
      const pinned = instance.requests.filter((r) => r.pinned);
      const pinnedIds = new Set(pinned.map((r) => r.id));
      const inInstance = new Set(instance.requests.map((r) => r.id));
      const problems: { field: string; code: string; message: string }[] = [];
      const solution: BilateralSolution = {
        format: 'plenary.bilaterals-solution/1',
        instance: instance.name,
        meetings: pinned.map((r) => ({
          request: r.id,
          room: r.pinned!.room,
          start: r.pinned!.start,
        })),
      };
      proposal.meetings.forEach((m, i) => {
        const slot = slotAt.get(Date.parse(m.startsAt));
        if (!inInstance.has(m.requestId) || pinnedIds.has(m.requestId) || !slot) {
          problems.push({
            field: `meetings.${i}`,
            code: 'invalid',
            message: 'not a plannable request on a slot',
          });
        } else {
          solution.meetings.push({ request: m.requestId, room: m.room, start: slot });
        }
      });
      const seen = new Set<string>();
      for (const m of solution.meetings) {
        if (seen.has(m.request))
          problems.push({ field: 'meetings', code: 'duplicate', message: `${m.request} twice` });
        seen.add(m.request);
      }
      if (problems.length === 0) {
        const evaluation = evaluateSolution(instance, solution);
        for (const v of evaluation.violations)
          problems.push({ field: 'meetings', code: `rule_${v.rule}`, message: v.message });
      }
      if (problems.length > 0)
        throw new PlenaryError(
          'plan_invalid',
          'The plan breaks the rules against the current records.',
          { details: problems.slice(0, 50) },
        );

      const boothId = new Map(ctx.booths.map((b) => [b.code, b.id]));
      const current = new Map(
        ctx.meetings.filter((m) => m.status === 'provisional').map((m) => [m.requestId, m]),
      );
      const wanted = proposal.meetings.map((m) => {
        const request = ctx.requests.get(m.requestId)!;
        const start = Date.parse(m.startsAt);
        return {
          requestId: m.requestId,
          roomId: boothId.get(m.room)!,
          start,
          end: start + request.lengthMinutes * MINUTE,
        };
      });
      const added = wanted.filter((w) => !current.has(w.requestId));
      const moved = wanted.filter((w) => {
        const c = current.get(w.requestId);
        return c && (c.roomId !== w.roomId || c.startsAt.getTime() !== w.start);
      });
      const keep = new Set(wanted.map((w) => w.requestId));
      const dropped = [...current.values()].filter((c) => !keep.has(c.requestId));
      const unchanged = wanted.length - added.length - moved.length;
      await guarded(() =>
        db.transaction(async (tx) => {
          if ((await fingerprint(tx, e.id)) !== ctx.fingerprint) {
            throw new PlenaryError(
              'plan_stale',
              'The requests or meetings changed since this plan was made. Plan again.',
            );
          }
          const gone = [...dropped, ...moved.map((w) => current.get(w.requestId)!)];
          if (gone.length > 0)
            await tx.delete(bilateralMeetings).where(
              inArray(
                bilateralMeetings.id,
                gone.map((m) => m.id),
              ),
            );
          // Moved meetings keep their id (calendars follow them by UID) and publication state.
          for (const w of [...moved, ...added]) {
            const before = current.get(w.requestId);
            const request = ctx.requests.get(w.requestId)!;
            const partyIds = partyIdsOf(
              request,
              (ctx.partiesOf.get(w.requestId) ?? []).map((delegationId) => ({ delegationId })),
            );
            await insertMeeting(
              tx,
              {
                id: before?.id ?? randomUUID(),
                editionId: e.id,
                requestId: w.requestId,
                roomId: w.roomId,
                start: w.start,
                end: w.end,
                status: 'provisional',
                published: before?.published ?? 'no',
                version: (before?.version ?? 0) + 1,
              },
              principalsOf(ctx.info, partyIds),
            );
          }
          await audit(
            tx,
            actor,
            e,
            'bilateral.plan',
            'edition',
            e.id,
            { provisional: current.size },
            {
              added: added.map((w) => ({
                requestId: w.requestId,
                roomId: w.roomId,
                startsAt: iso(w.start),
              })),
              moved: moved.map((w) => ({
                requestId: w.requestId,
                roomId: w.roomId,
                startsAt: iso(w.start),
              })),
              dropped: dropped.map((d) => ({
                requestId: d.requestId,
                roomId: d.roomId,
                startsAt: iso(d.startsAt),
              })),
            },
          );
          // Delegations hear of a change to what they were shown: published meetings moved or dropped.
          const told = [...moved.map((w) => current.get(w.requestId)!), ...dropped].filter(
            (m) => m.published !== 'no',
          );
          for (const m of told) {
            const request = ctx.requests.get(m.requestId)!;
            const partyIds = partyIdsOf(
              request,
              (ctx.partiesOf.get(m.requestId) ?? []).map((delegationId) => ({ delegationId })),
            );
            await notify(
              tx,
              e,
              partyIds,
              'bilateral.plan',
              { type: 'bilateral_meeting', id: m.id },
              {
                en: `The schedule of ${bothNames(ctx.info, partyIds).en} changed`,
                ja: `${bothNames(ctx.info, partyIds).ja}の日程が変更されました`,
              },
              'The secretariat re-planned the bilateral meetings; see the schedule in Plenary.',
            );
          }
        }),
      );
      const after = await db
        .select()
        .from(bilateralMeetings)
        .where(eq(bilateralMeetings.editionId, e.id))
        .orderBy(asc(bilateralMeetings.startsAt));
      const views = await meetingViews(e, after, lang);
      return {
        added: added.length,
        moved: moved.length,
        dropped: dropped.length,
        unchanged,
        meetings: after.map((m) => views.get(m.id)!),
      };
    },

    /** The secretariat drags a meeting on the board; refused with every rule it would break. */
    async moveMeeting(
      actor: Actor,
      slug: string,
      id: string,
      to: { room: string; startsAt: string; version: number },
      lang: Lang = 'en',
    ): Promise<MeetingView> {
      requireSecretariat(actor);
      const e = await edition(slug);
      const { meeting, request, parties } = await loadMeeting(e.id, id);
      if (meeting.status === 'confirmed') {
        throw new PlenaryError(
          'meeting_confirmed',
          'A confirmed meeting is not moved without both sides’ consent: cancel and request it again.',
          { extra: { reasons: ['meeting_confirmed'] } },
        );
      }
      if (meeting.version !== to.version)
        throw new PlenaryError(
          'version_conflict',
          'Someone changed this meeting meanwhile. Reload the board.',
        );
      const info = await delegationInfo(e.id);
      const partyIds = partyIdsOf(request, parties);
      const room = await bookableRoom(e, to.room);
      const start = Date.parse(to.startsAt);
      const refusals = placementRefusals(
        await placementContext(e, info, room, request, partyIds, meeting.id),
        start,
      );
      if (refusals.length > 0) refuse(refusals);
      const end = start + request.lengthMinutes * MINUTE;
      await guarded(() =>
        db.transaction(async (tx) => {
          // The principals' copies of the time follow through the cascading foreign key.
          const [after] = await tx
            .update(bilateralMeetings)
            .set({
              roomId: room.id,
              startsAt: new Date(start),
              endsAt: new Date(end),
              version: meeting.version + 1,
              flaggedReason: null,
            })
            .where(
              and(eq(bilateralMeetings.id, meeting.id), eq(bilateralMeetings.version, to.version)),
            )
            .returning();
          if (!after)
            throw new PlenaryError(
              'version_conflict',
              'Someone changed this meeting meanwhile. Reload the board.',
            );
          await audit(
            tx,
            actor,
            e,
            'bilateral.move',
            'bilateral_meeting',
            meeting.id,
            meeting,
            after,
          );
          if (meeting.published !== 'no' || meeting.status === 'tentative') {
            await notify(
              tx,
              e,
              partyIds,
              'bilateral.move',
              { type: 'bilateral_meeting', id: meeting.id },
              {
                en: `${bothNames(info, partyIds).en} moved to ${room.code}, ${iso(start)}`,
                ja: `${bothNames(info, partyIds).ja}：${room.code}、${iso(start)}に変更`,
              },
              `The secretariat moved the meeting of ${bothNames(info, partyIds).en} to ${room.code} at ${iso(start)}.`,
            );
          }
        }),
      );
      return describeMeeting(e, meeting.id, lang);
    },

    /**
     * A side's consent to the meeting where it stands. Once every side consented it is
     * confirmed: plans never move it again. The secretariat records consent obtained for all.
     */
    async confirm(actor: Actor, slug: string, id: string, lang: Lang = 'en'): Promise<MeetingView> {
      const e = await edition(slug);
      const { meeting, request, parties } = await loadMeeting(e.id, id);
      const partyIds = partyIdsOf(request, parties);
      requireParty(actor, partyIds);
      if (meeting.status === 'tentative')
        throw new PlenaryError(
          'meeting_tentative',
          'A tentative hold is confirmed only after the request is accepted.',
        );
      const consenting = isSecretariat(actor)
        ? partyIds
        : partyIds.filter((pid) => isFocalPointOf(actor, pid));
      const info = await delegationInfo(e.id);
      await db.transaction(async (tx) => {
        // One confirmation at a time per meeting, so that the last consent always confirms.
        const [locked] = await tx
          .select()
          .from(bilateralMeetings)
          .where(eq(bilateralMeetings.id, meeting.id))
          .for('update');
        if (
          !locked ||
          locked.roomId !== meeting.roomId ||
          locked.startsAt.getTime() !== meeting.startsAt.getTime()
        ) {
          throw new PlenaryError(
            'version_conflict',
            'The meeting moved meanwhile. Reload and confirm again.',
          );
        }
        if (locked.status === 'confirmed') return;
        await audit(
          tx,
          actor,
          e,
          'bilateral.confirm',
          'bilateral_meeting',
          meeting.id,
          null,
          {
            roomId: meeting.roomId,
            startsAt: iso(meeting.startsAt),
            delegationIds: consenting,
          },
          consenting.length === 1 ? consenting[0] : null,
        );
        const given = new Set<string>(consenting);
        const rows = await tx
          .select({ after: auditEvents.after })
          .from(auditEvents)
          .where(
            and(eq(auditEvents.action, 'bilateral.confirm'), eq(auditEvents.entityId, meeting.id)),
          );
        for (const row of rows) {
          const after = row.after as {
            roomId?: string;
            startsAt?: string;
            delegationIds?: string[];
          } | null;
          if (after?.roomId === meeting.roomId && after.startsAt === iso(meeting.startsAt))
            for (const d of after.delegationIds ?? []) given.add(d);
        }
        const all = partyIds.every((pid) => given.has(pid));
        if (all) {
          await tx
            .update(bilateralMeetings)
            .set({ status: 'confirmed', version: locked.version + 1 })
            .where(eq(bilateralMeetings.id, meeting.id));
        }
        await notify(
          tx,
          e,
          otherSide(actor, partyIds),
          'bilateral.confirm',
          { type: 'bilateral_meeting', id: meeting.id },
          {
            en: all
              ? `${bothNames(info, partyIds).en}: confirmed by all sides`
              : `${bothNames(info, partyIds).en}: confirmed by ${consenting.map((c) => info.get(c)!.code).join(', ')}`,
            ja: all
              ? `${bothNames(info, partyIds).ja}：全当事者が確認`
              : `${bothNames(info, partyIds).ja}：${consenting.map((c) => info.get(c)!.code).join('、')}が確認`,
          },
          `The meeting of ${bothNames(info, partyIds).en} at ${iso(meeting.startsAt)}: ${all ? 'confirmed by every side.' : 'one side confirmed; the other side is asked to confirm too.'}`,
        );
      });
      return describeMeeting(e, meeting.id, lang);
    },

    /** Publishes every planned meeting (not tentative holds) in the provisional or the final schedule. */
    async publish(actor: Actor, slug: string, stage: 'provisional' | 'final') {
      requireSecretariat(actor);
      const e = await edition(slug);
      const info = await delegationInfo(e.id);
      return db.transaction(async (tx) => {
        const changed = await tx
          .update(bilateralMeetings)
          .set({ published: stage })
          .where(
            and(
              eq(bilateralMeetings.editionId, e.id),
              ne(bilateralMeetings.status, 'tentative'),
              stage === 'final'
                ? ne(bilateralMeetings.published, 'final')
                : eq(bilateralMeetings.published, 'no'),
            ),
          )
          .returning({ id: bilateralMeetings.id, requestId: bilateralMeetings.requestId });
        await audit(tx, actor, e, 'bilateral.publish', 'edition', e.id, null, {
          stage,
          meetings: changed.map((c) => c.id),
        });
        if (changed.length > 0) {
          const requestIds = changed.map((c) => c.requestId);
          const reqs = await tx
            .select()
            .from(bilateralRequests)
            .where(inArray(bilateralRequests.id, requestIds));
          const ps = await tx
            .select()
            .from(bilateralRequestParties)
            .where(inArray(bilateralRequestParties.requestId, requestIds));
          const told = new Set([
            ...reqs.map((r) => r.requesterDelegationId),
            ...ps.map((p) => p.delegationId),
          ]);
          for (const delegationId of told) {
            await notify(
              tx,
              e,
              [delegationId],
              'bilateral.publish',
              { type: 'edition', id: e.id },
              {
                en: `The ${stage} schedule of bilateral meetings is published`,
                ja: `二国間会談の${stage === 'final' ? '確定' : '暫定'}日程が公表されました`,
              },
              `The ${stage} schedule of bilateral meetings at ${pick(e.name, 'en')} is published. ${nameOf(info.get(delegationId)!, 'en')}'s meetings are in Plenary and in its calendar feed.`,
            );
          }
        }
        return { stage, published: changed.length };
      });
    },

    /** A delegation's own meetings: published ones for its focal points, all for the secretariat. */
    async schedule(actor: Actor, slug: string, code: string | undefined, lang: Lang = 'en') {
      const e = await edition(slug);
      const info = await delegationInfo(e.id);
      const own = ownDelegation(actor);
      const delegation = code ? byCode(info, code) : own ? info.get(own)! : null;
      if (!delegation)
        throw new PlenaryError('validation_failed', 'Say which delegation.', {
          details: [{ field: 'delegation', code: 'required', message: 'required' }],
        });
      if (!isSecretariat(actor) && !isFocalPointOf(actor, delegation.id))
        throw new PlenaryError('not_a_party', 'A focal point sees its own delegation’s schedule.');
      const meetings = await service.meetingsOf(e, delegation.id, !isSecretariat(actor), lang);
      return {
        delegation: { id: delegation.id, code: delegation.code, name: nameOf(delegation, lang) },
        meetings,
      };
    },

    async meetingsOf(e: EditionRow, delegationId: string, publishedOnly: boolean, lang: Lang) {
      const ids = db
        .select({ id: bilateralMeetingPrincipals.meetingId })
        .from(bilateralMeetingPrincipals)
        .where(eq(bilateralMeetingPrincipals.delegationId, delegationId));
      const rows = await db
        .select()
        .from(bilateralMeetings)
        .where(
          and(
            eq(bilateralMeetings.editionId, e.id),
            inArray(bilateralMeetings.id, ids),
            publishedOnly ? ne(bilateralMeetings.published, 'no') : undefined,
          ),
        )
        .orderBy(asc(bilateralMeetings.startsAt));
      const views = await meetingViews(e, rows, lang);
      return rows.map((m) => views.get(m.id)!);
    },

    /** For the signed calendar feed: the token is the authority, so no actor. */
    async publishedSchedule(slug: string, delegationId: string, lang: Lang = 'en') {
      const e = await edition(slug);
      const info = await delegationInfo(e.id);
      const delegation = info.get(delegationId);
      if (!delegation) throw new PlenaryError('delegation_not_found', 'No such delegation.');
      return {
        edition: e,
        delegation: { code: delegation.code, name: nameOf(delegation, lang) },
        meetings: await service.meetingsOf(e, delegationId, true, lang),
      };
    },

    /** After a programme change (the programme service calls it). */
    async flagConflicts(slug: string) {
      return flagBilateralConflicts(db, slug, clock.now());
    },

    /** The same, asked for by the secretariat from the board. */
    async flagConflictsAs(actor: Actor, slug: string) {
      requireSecretariat(actor);
      return flagBilateralConflicts(db, slug, clock.now());
    },

    // ───────────── Notifications and the outbox ─────────────

    async notifications(
      actor: Actor,
      slug: string,
      options: { unread?: boolean; delegation?: string } = {},
      lang: Lang = 'en',
    ) {
      const e = await edition(slug);
      let delegationId = ownDelegation(actor);
      if (!delegationId) {
        if (!isSecretariat(actor)) throw forbidden();
        if (!options.delegation)
          throw new PlenaryError('validation_failed', 'Say which delegation.', {
            details: [{ field: 'delegation', code: 'required', message: 'required' }],
          });
        delegationId = byCode(await delegationInfo(e.id), options.delegation).id;
      }
      const inEdition = db
        .select({ id: delegations.id })
        .from(delegations)
        .where(eq(delegations.editionId, e.id));
      const rows = await db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.delegationId, delegationId),
            inArray(notifications.delegationId, inEdition),
            options.unread ? isNull(notifications.readAt) : undefined,
          ),
        )
        .orderBy(desc(notifications.createdAt), asc(notifications.id))
        .limit(500);
      const [unread] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.delegationId, delegationId), isNull(notifications.readAt)));
      return { items: rows.map((r) => notificationView(r, lang)), unread: Number(unread?.n ?? 0) };
    },

    async markRead(actor: Actor, slug: string, id: string, lang: Lang = 'en') {
      const e = await edition(slug);
      if (!/^[0-9a-f-]{36}$/i.test(id))
        throw new PlenaryError('not_found', 'There is no such notification.');
      const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
      const info = await delegationInfo(e.id);
      if (!row || !info.has(row.delegationId))
        throw new PlenaryError('not_found', 'There is no such notification.');
      if (!isFocalPointOf(actor, row.delegationId))
        throw new PlenaryError(
          'not_a_party',
          'Only the delegation’s focal points mark its notifications read.',
        );
      if (row.readAt) return notificationView(row, lang);
      return db.transaction(async (tx) => {
        const [after] = await tx
          .update(notifications)
          .set({ readAt: clock.now() })
          .where(eq(notifications.id, id))
          .returning();
        await audit(
          tx,
          actor,
          e,
          'notification.read',
          'notification',
          id,
          null,
          { readAt: after!.readAt },
          row.delegationId,
        );
        return notificationView(after!, lang);
      });
    },

    async outbox(actor: Actor, slug: string, options: { pending?: boolean } = {}) {
      if (!isSecretariat(actor)) throw forbidden('Only the secretariat sends email.');
      const e = await edition(slug);
      const rows = await db
        .select()
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.editionId, e.id),
            options.pending ? isNull(emailOutbox.sentAt) : undefined,
          ),
        )
        .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id))
        .limit(1000);
      return { items: rows.map(outboxView) };
    },

    async markSent(actor: Actor, slug: string, id: string) {
      if (!isSecretariat(actor)) throw forbidden('Only the secretariat sends email.');
      const e = await edition(slug);
      if (!/^[0-9a-f-]{36}$/i.test(id))
        throw new PlenaryError('not_found', 'There is no such email.');
      const [row] = await db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.id, id), eq(emailOutbox.editionId, e.id)));
      if (!row) throw new PlenaryError('not_found', 'There is no such email.');
      if (row.sentAt) return outboxView(row);
      return db.transaction(async (tx) => {
        const [after] = await tx
          .update(emailOutbox)
          .set({ sentAt: clock.now() })
          .where(and(eq(emailOutbox.id, id), isNull(emailOutbox.sentAt)))
          .returning();
        await audit(tx, actor, e, 'outbox.sent', 'email', id, null, {
          to: row.to,
          subject: row.subject,
        });
        return outboxView(after ?? row);
      });
    },
  };

  function stateOf(request: RequestRow, parties: (typeof bilateralRequestParties.$inferSelect)[]) {
    return {
      status: request.status,
      window: windowOf(request.windowStart, request.windowEnd),
      parties: parties.map((p) => ({
        delegationId: p.delegationId,
        response: p.response,
        proposed: windowOf(p.proposedStart, p.proposedEnd),
      })),
    };
  }

  /** Writes a request's next state: its parties, its window, its meeting, the audit event and the other side's notification. */
  async function applyState(
    actor: Actor,
    e: EditionRow,
    request: RequestRow,
    parties: (typeof bilateralRequestParties.$inferSelect)[],
    meeting: MeetingRow | null,
    next: ReturnType<typeof nextRequestState>,
    action: Action,
    what: Localized,
  ) {
    const info = await delegationInfo(e.id);
    const partyIds = partyIdsOf(request, parties);
    const now = clock.now();
    await db.transaction(async (tx) => {
      const [after] = await tx
        .update(bilateralRequests)
        .set({
          status: next.status,
          windowStart: next.window ? new Date(next.window.start) : null,
          windowEnd: next.window ? new Date(next.window.end) : null,
          version: request.version + 1,
          updatedAt: now,
        })
        .where(
          and(eq(bilateralRequests.id, request.id), eq(bilateralRequests.version, request.version)),
        )
        .returning();
      if (!after)
        throw new PlenaryError(
          'version_conflict',
          'Someone answered or changed this request meanwhile. Reload it.',
        );
      for (const p of next.parties) {
        const old = parties.find((x) => x.delegationId === p.delegationId)!;
        const changed =
          old.response !== p.response ||
          windowOf(old.proposedStart, old.proposedEnd)?.start !== p.proposed?.start ||
          windowOf(old.proposedStart, old.proposedEnd)?.end !== p.proposed?.end;
        if (!changed) continue;
        await tx
          .update(bilateralRequestParties)
          .set({
            response: p.response,
            proposedStart: p.proposed ? new Date(p.proposed.start) : null,
            proposedEnd: p.proposed ? new Date(p.proposed.end) : null,
            respondedAt: p.response === 'pending' ? null : now,
          })
          .where(
            and(
              eq(bilateralRequestParties.requestId, request.id),
              eq(bilateralRequestParties.delegationId, p.delegationId),
            ),
          );
      }
      if (meeting) {
        const outside =
          next.window &&
          (meeting.startsAt.getTime() < next.window.start ||
            meeting.endsAt.getTime() > next.window.end);
        if (next.status === 'declined' || next.status === 'cancelled' || outside) {
          await tx.delete(bilateralMeetings).where(eq(bilateralMeetings.id, meeting.id));
        } else if (next.status === 'accepted' && meeting.status === 'tentative') {
          await tx
            .update(bilateralMeetings)
            .set({ status: 'provisional', version: meeting.version + 1 })
            .where(eq(bilateralMeetings.id, meeting.id));
        }
      }
      const own = ownDelegation(actor);
      await audit(
        tx,
        actor,
        e,
        action,
        'bilateral_request',
        request.id,
        { status: request.status, parties },
        { status: next.status, window: windowView(next.window), parties: next.parties },
        own,
      );
      const actorName = own ? info.get(own)! : null;
      await notify(
        tx,
        e,
        otherSide(actor, partyIds),
        action,
        { type: 'bilateral_request', id: request.id },
        {
          en: `${bothNames(info, partyIds).en}: ${actorName ? `${nameOf(actorName, 'en')} ` : 'the secretariat '}${what.en}`,
          ja: `${bothNames(info, partyIds).ja}：${actorName ? nameOf(actorName, 'ja') : '事務局'}が${what.ja ?? what.en}`,
        },
        `The request for a ${KIND_WORDS[request.kind].en} of ${bothNames(info, partyIds).en} is now ${next.status}.`,
      );
    });
  }

  return service;
}

function notificationView(row: typeof notifications.$inferSelect, lang: string) {
  return {
    id: row.id,
    kind: row.kind,
    subject: pick(row.subject, lang),
    entityType: row.entityType,
    entityId: row.entityId,
    readAt: row.readAt ? iso(row.readAt) : null,
    createdAt: iso(row.createdAt),
  };
}

function outboxView(row: typeof emailOutbox.$inferSelect) {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    body: row.body,
    sentAt: row.sentAt ? iso(row.sentAt) : null,
    createdAt: iso(row.createdAt),
  };
}

export type BilateralsService = ReturnType<typeof createBilateralsService>;
