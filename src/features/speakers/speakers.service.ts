/**
 * Lists of speakers as they run in the hall. The pure engine (precedence.ts) decides; this
 * service loads a list's state FOR UPDATE, applies one command, stores the new state with its
 * version + 1 and one audit event per engine event — all in one transaction — and then tells the
 * live hub, so that every open screen re-reads the list.
 *
 * Commands at this edge name delegations by code and speakers by participant id: a speaker's
 * rank comes from the participant record and its standing from the organisation's kind, never
 * from the caller (see speakers.policy.ts for who may give which command).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import {
  type AttendanceMode,
  delegations,
  editions,
  organisations,
  participants,
  rooms,
  sessionRoles,
  sessions,
  speakerLists,
} from '../../db/schema.js';
import type { Action } from '../../platform/actions.js';
import type { Clock } from '../../platform/clock.js';
import { forbidden, PlenaryError } from '../../platform/errors.js';
import { type Lang, rankLabel } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/localized.js';
import type { Actor } from '../accounts/actor.js';
import { displayName } from '../accreditation/participants.presenter.js';
import { type AuditEntry, recordAuditMany } from '../audit/audit.js';
import { organisationName } from '../conferences/organisation-name.js';
import type { LiveHub } from './live.js';
import {
  apply,
  createList,
  explain,
  type ListCommand,
  type ListCommandType,
  type ListEvent,
  type ListSettings,
  type ListState,
  type QueueItem,
  queue,
  standingOf,
  type TurnKind,
  timerState,
} from './precedence.js';
import { SpeakersError } from './speakers.errors.js';
import { mayBeSpeakerFor, mayCommand, mayViewList } from './speakers.policy.js';

// Every command type of the engine is an action of the shared vocabulary.
const _commandsAreActions: ListCommandType extends Action ? true : false = true;
void _commandsAreActions;

/** A command as a delegation or the chair's office gives it: delegations by code, speakers by participant. */
export type SpeakersCommand =
  | { type: 'speaker.inscribe'; delegation: string; participantId: string }
  | { type: 'speaker.withdraw'; delegation: string }
  | { type: 'speaker.change'; delegation: string; participantId: string }
  | { type: 'speaker.swap'; delegations: readonly [string, string] }
  | { type: 'speaker.next'; startTimer?: boolean }
  | { type: 'speaker.point_of_order'; delegation: string; participantId?: string | null }
  | { type: 'speaker.right_of_reply'; delegation: string; participantId?: string | null }
  | { type: 'speaker.withdraw_right_of_reply'; delegation: string }
  | { type: 'list.close' }
  | { type: 'list.reopen' }
  | { type: 'list.set_first_speakers'; delegations: readonly string[] }
  | {
      type: 'list.configure';
      settings: Partial<
        Pick<ListSettings, 'memberStatesFirst' | 'speakingTimeSeconds' | 'rightOfReplySeconds'>
      >;
    }
  | { type: 'list.end_of_day' }
  | { type: 'timer.start' }
  | { type: 'timer.pause' }
  | { type: 'timer.resume' }
  | { type: 'timer.reset' };

/** A swap notice given by one delegation, waiting for the other's. */
interface SwapNotice {
  delegationIds: [string, string];
  confirmedBy: string[];
  at: string;
}

/**
 * What the `speaker_lists.state` column holds: the engine's state, plus what only this service
 * needs — which participant each inscription or request names (the engine keeps the announced
 * name; screens show the participant's name in the reader's language) and pending swap notices.
 */
type StoredList = ListState & {
  plenary?: { speakers?: Record<string, string>; swapNotices?: SwapNotice[] };
};

export const SPEAKING_TIME_DEFAULT_SECONDS = 300;

export function speakersChannel(sessionId: string): string {
  return `speakers:${sessionId}`;
}

// ---------------------------------------------------------------- the view

export interface DelegationRef {
  code: string;
  name: string;
}

export interface SpeakerRef {
  name: string;
  title: string;
}

export interface QueueEntry {
  kind: TurnKind;
  delegation: DelegationRef;
  speaker: SpeakerRef | null;
  rank: string | null;
  rankLabel: string | null;
  resumes: boolean;
  explanation: string;
}

export interface SpeakersView {
  edition: { slug: string; name: string; timeZone: string };
  session: {
    code: string;
    title: string;
    status: string;
    room: string;
    startsAt: string;
    endsAt: string;
  };
  version: number;
  asOf: string;
  open: boolean;
  phase: 'regular' | 'rights_of_reply';
  settings: {
    speakingTimeSeconds: number | null;
    rightOfReplySeconds: number | null;
    memberStatesFirst: boolean;
  };
  current: {
    kind: TurnKind;
    delegation: DelegationRef;
    speaker: SpeakerRef | null;
    attendance: AttendanceMode;
    startedAt: string;
  } | null;
  timer: {
    limitMs: number | null;
    elapsedMs: number;
    remainingMs: number | null;
    running: boolean;
    overrun: boolean;
    overrunMs: number;
  };
  next: QueueEntry[];
  queue: QueueEntry[];
  pointsOfOrder: { delegation: DelegationRef; speaker: SpeakerRef | null; requestedAt: string }[];
  rightsOfReply: { delegation: DelegationRef; speaker: SpeakerRef | null; requestedAt: string }[];
  firstSpeakers: DelegationRef[];
  swapNotices: { delegations: DelegationRef[]; confirmedBy: DelegationRef[] }[];
  spoken: number;
}

// ---------------------------------------------------------------- the service

export function createSpeakersService({
  db,
  clock,
  live,
}: {
  db: Db;
  clock: Clock;
  live: LiveHub;
}) {
  async function edition(slug: string) {
    const [row] = await db.select().from(editions).where(eq(editions.slug, slug));
    if (!row) throw new PlenaryError('edition_not_found', `There is no edition "${slug}".`);
    return row;
  }

  async function session(editionId: string, code: string) {
    const [row] = await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.editionId, editionId), eq(sessions.code, code)));
    if (!row) throw new PlenaryError('session_not_found', `There is no session "${code}".`);
    return row;
  }

  /** A new list takes the conference's settings: the venue's time zone, its speaking time. */
  function initialList(e: typeof editions.$inferSelect): StoredList {
    const raw = e.settings ?? {};
    const seconds = (value: unknown, fallback: number | null) =>
      value === null || (typeof value === 'number' && Number.isInteger(value) && value > 0)
        ? (value as number | null)
        : fallback;
    return createList({
      timeZone: e.timeZone,
      speakingTimeSeconds: seconds(raw.speakingTimeSeconds, SPEAKING_TIME_DEFAULT_SECONDS),
      rightOfReplySeconds: seconds(raw.rightOfReplySeconds, null),
      ...(typeof raw.memberStatesFirst === 'boolean'
        ? { memberStatesFirst: raw.memberStatesFirst }
        : {}),
    });
  }

  async function delegationIdsByCode(editionId: string, codes: readonly string[]) {
    const wanted = [...new Set(codes)];
    const rows = wanted.length
      ? await db
          .select({ id: delegations.id, code: delegations.code })
          .from(delegations)
          .where(and(eq(delegations.editionId, editionId), inArray(delegations.code, wanted)))
      : [];
    const byCode = new Map(rows.map((r) => [r.code, r.id]));
    return codes.map((code) => {
      const found = byCode.get(code);
      if (!found)
        throw new PlenaryError(
          'delegation_not_found',
          `There is no delegation "${code}" at this conference.`,
        );
      return found;
    });
  }

  /** The speaker a delegation names: one of its own members, rank from the record. */
  async function speakerFor(editionId: string, delegationId: string, participantId: string) {
    const [row] = await db
      .select({ p: participants, kind: organisations.kind })
      .from(participants)
      .innerJoin(delegations, eq(delegations.id, participants.delegationId))
      .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
      .where(and(eq(participants.id, participantId), eq(participants.editionId, editionId)));
    if (!row)
      throw new PlenaryError(
        'participant_not_found',
        'This participant was not found at this conference.',
      );
    if (!mayBeSpeakerFor(row.p, delegationId)) {
      throw new PlenaryError(
        'validation_failed',
        "A delegation's speaker is one of its own members, not withdrawn or rejected.",
        {
          details: [
            {
              field: 'participantId',
              code: 'invalid',
              message: 'Not a member of this delegation.',
            },
          ],
        },
      );
    }
    const title = pick(row.p.title, 'en');
    return {
      participantId: row.p.id,
      speaker: title
        ? { name: displayName(row.p, 'en'), title }
        : { name: displayName(row.p, 'en') },
      rank: row.p.rank,
      standing: standingOf(row.kind),
    };
  }

  /** The delegations a command names, for the policy. */
  function named(command: SpeakersCommand): readonly string[] {
    if ('delegation' in command) return [command.delegation];
    if (command.type === 'speaker.swap' || command.type === 'list.set_first_speakers')
      return command.delegations;
    return [];
  }

  /** Turns an edge command into the engine's, reading records for speakers, ranks and standings. */
  async function engineCommand(
    editionId: string,
    command: SpeakersCommand,
    ids: readonly string[],
  ) {
    const speakers: { participantId: string }[] = [];
    const [delegationId = ''] = ids;
    switch (command.type) {
      case 'speaker.inscribe': {
        const s = await speakerFor(editionId, delegationId, command.participantId);
        speakers.push(s);
        return {
          speakers,
          command: {
            type: command.type,
            delegationId,
            speaker: s.speaker,
            rank: s.rank,
            standing: s.standing,
          } satisfies ListCommand,
        };
      }
      case 'speaker.change': {
        const s = await speakerFor(editionId, delegationId, command.participantId);
        speakers.push(s);
        return {
          speakers,
          command: {
            type: command.type,
            delegationId,
            speaker: s.speaker,
            rank: s.rank,
          } satisfies ListCommand,
        };
      }
      case 'speaker.point_of_order':
      case 'speaker.right_of_reply': {
        const s = command.participantId
          ? await speakerFor(editionId, delegationId, command.participantId)
          : null;
        if (s) speakers.push(s);
        return {
          speakers,
          command: {
            type: command.type,
            delegationId,
            speaker: s?.speaker ?? null,
          } satisfies ListCommand,
        };
      }
      case 'speaker.withdraw':
      case 'speaker.withdraw_right_of_reply':
        return { speakers, command: { type: command.type, delegationId } satisfies ListCommand };
      case 'speaker.swap':
        return {
          speakers,
          command: {
            type: command.type,
            delegationIds: [ids[0]!, ids[1]!],
            confirmedBy: [] as string[],
          } satisfies ListCommand,
        };
      case 'list.set_first_speakers':
        return {
          speakers,
          command: { type: command.type, delegationIds: ids } satisfies ListCommand,
        };
      case 'list.configure':
        return {
          speakers,
          command: { type: command.type, settings: command.settings } satisfies ListCommand,
        };
      case 'speaker.next':
        return {
          speakers,
          command: {
            type: command.type,
            startTimer: command.startTimer === true,
          } satisfies ListCommand,
        };
      default:
        return { speakers, command: { type: command.type } satisfies ListCommand };
    }
  }

  /** The list's row, created with the conference's settings on first use, locked for this transaction. */
  async function lockedList(tx: Tx, e: typeof editions.$inferSelect, sessionId: string) {
    await tx
      .insert(speakerLists)
      .values({
        sessionId,
        state: initialList(e) as unknown as Record<string, unknown>,
        updatedAt: clock.now(),
      })
      .onConflictDoNothing({ target: speakerLists.sessionId });
    const [row] = await tx
      .select()
      .from(speakerLists)
      .where(eq(speakerLists.sessionId, sessionId))
      .for('update');
    return row!;
  }

  function auditEntries(
    actor: Actor,
    editionId: string,
    listId: string,
    sessionCode: string,
    action: Action,
    events: readonly (ListEvent | { type: 'swap_notice'; notice: SwapNotice })[],
  ): AuditEntry[] {
    return events.map((event) => {
      const delegationId =
        'delegationId' in event
          ? event.delegationId
          : 'inscription' in event
            ? event.inscription.delegationId
            : 'request' in event
              ? event.request.delegationId
              : null;
      return {
        actor,
        action,
        entityType: 'speaker_list',
        entityId: listId,
        editionId,
        delegationId,
        before: 'before' in event ? event.before : null,
        after: { session: sessionCode, event },
      };
    });
  }

  const service = {
    /**
     * Applies one command. Returns the new view (in `lang`) after the change is committed and the
     * screens are told.
     */
    async command(
      actor: Actor,
      slug: string,
      sessionCode: string,
      command: SpeakersCommand,
      lang: Lang = 'en',
    ): Promise<SpeakersView> {
      const e = await edition(slug);
      const s = await session(e.id, sessionCode);
      const ids = await delegationIdsByCode(e.id, named(command));
      if (!mayCommand(actor, command.type, ids)) {
        throw forbidden(
          actor.kind === 'user' && actor.role === 'focal_point'
            ? 'A focal point acts on the list for its own delegation only.'
            : 'Only the secretariat runs the list of speakers.',
        );
      }
      if (command.type === 'speaker.swap' && ids[0] === ids[1]) {
        throw new PlenaryError('invalid_command', 'A delegation cannot swap with itself.');
      }
      const { command: engine, speakers } = await engineCommand(e.id, command, ids);
      const now = clock.now();

      const version = await db.transaction(async (tx) => {
        const row = await lockedList(tx, e, s.id);
        const { plenary = {}, ...state } = row.state as unknown as StoredList;
        const extra = {
          speakers: { ...(plenary.speakers ?? {}) },
          swapNotices: [...(plenary.swapNotices ?? [])],
        };
        let events: ListEvent[];
        const notices: { type: 'swap_notice'; notice: SwapNotice }[] = [];
        let nextState: ListState = state;
        try {
          if (engine.type === 'speaker.swap') {
            const pair = engine.delegationIds as [string, string];
            const samePair = (n: SwapNotice) =>
              n.delegationIds.includes(pair[0]) && n.delegationIds.includes(pair[1]);
            const earlier = extra.swapNotices.find(samePair);
            // The chair's office records a joint notice; a focal point gives its own side of it.
            const confirmedBy = new Set(
              actor.kind === 'user' && actor.role === 'focal_point'
                ? [actor.delegationId, ...(earlier?.confirmedBy ?? [])]
                : pair,
            );
            if (pair.every((id) => confirmedBy.has(id))) {
              ({ state: nextState, events } = apply(
                state,
                { ...engine, confirmedBy: [...confirmedBy] },
                now,
              ));
              extra.swapNotices = extra.swapNotices.filter((n) => !samePair(n));
            } else {
              // Check now that both are waiting, so a notice never stands for a swap that cannot happen.
              for (const id of pair) {
                if (
                  !state.inscriptions.some((i) => i.delegationId === id && i.status === 'pending')
                ) {
                  throw new SpeakersError(
                    'not_inscribed',
                    'Both delegations must be waiting on the list to swap places.',
                  );
                }
              }
              const notice: SwapNotice = {
                delegationIds: pair,
                confirmedBy: [...confirmedBy],
                at: now.toISOString(),
              };
              extra.swapNotices = [...extra.swapNotices.filter((n) => !samePair(n)), notice];
              notices.push({ type: 'swap_notice', notice });
              events = [];
            }
          } else {
            ({ state: nextState, events } = apply(state, engine, now));
          }
        } catch (error) {
          if (error instanceof SpeakersError) throw new PlenaryError(error.code, error.message);
          throw error;
        }
        if (events.length === 0 && notices.length === 0) return row.version; // nothing changed, nothing recorded
        // Which participant each new inscription or request names (the engine gives it its seq).
        const [chosen] = speakers;
        if (chosen) {
          for (const event of events) {
            const seq =
              event.type === 'inscribed'
                ? event.inscription.seq
                : event.type === 'speaker_changed'
                  ? event.seq
                  : event.type === 'point_of_order_raised' ||
                      event.type === 'right_of_reply_requested'
                    ? event.request.seq
                    : null;
            if (seq !== null) extra.speakers[String(seq)] = chosen.participantId;
          }
        }
        const stored: StoredList = { ...nextState, plenary: extra };
        const [updated] = await tx
          .update(speakerLists)
          .set({
            state: stored as unknown as Record<string, unknown>,
            version: sql`${speakerLists.version} + 1`,
            updatedAt: now,
          })
          .where(eq(speakerLists.id, row.id))
          .returning({ version: speakerLists.version });
        await recordAuditMany(
          tx,
          now,
          auditEntries(actor, e.id, row.id, s.code, command.type, [...events, ...notices]),
        );
        return updated!.version;
      });
      await live.publish(speakersChannel(s.id), { version });
      return service.view(actor, slug, sessionCode, lang);
    },

    /** The session's id and live channel, for screens that follow it (public for published sessions). */
    async channel(actor: Actor, slug: string, sessionCode: string) {
      const e = await edition(slug);
      const s = await session(e.id, sessionCode);
      if (!mayViewList(actor, s.status))
        throw new PlenaryError('session_not_found', `There is no session "${sessionCode}".`);
      return speakersChannel(s.id);
    },

    /**
     * The list as the hall sees it: names, titles and delegations only — no personal data. A
     * session without a list yet shows the empty list it would start with.
     */
    async view(
      actor: Actor,
      slug: string,
      sessionCode: string,
      lang: Lang = 'en',
    ): Promise<SpeakersView> {
      const e = await edition(slug);
      const s = await session(e.id, sessionCode);
      if (!mayViewList(actor, s.status))
        throw new PlenaryError('session_not_found', `There is no session "${sessionCode}".`);
      const [row] = await db.select().from(speakerLists).where(eq(speakerLists.sessionId, s.id));
      const { plenary = {}, ...state } = (row?.state ?? initialList(e)) as unknown as StoredList;
      const [room] = await db
        .select({ name: rooms.name })
        .from(rooms)
        .where(eq(rooms.id, s.roomId));

      // Names of the delegations and participants the list mentions, in the reader's language.
      const delegationIds = new Set<string>([
        ...state.firstSpeakers,
        ...state.inscriptions.map((i) => i.delegationId),
        ...state.pointsOfOrder.map((r) => r.delegationId),
        ...state.rightsOfReply.map((r) => r.delegationId),
        ...(plenary.swapNotices ?? []).flatMap((n) => n.delegationIds),
      ]);
      if (state.current) delegationIds.add(state.current.delegationId);
      const delegationRows = delegationIds.size
        ? await db
            .select({ id: delegations.id, code: delegations.code, org: organisations })
            .from(delegations)
            .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
            .where(inArray(delegations.id, [...delegationIds]))
        : [];
      const delegationById = new Map(
        delegationRows.map((d) => [d.id, { code: d.code, name: organisationName(d.org, lang) }]),
      );
      const delegationRef = (id: string): DelegationRef =>
        delegationById.get(id) ?? { code: '?', name: '?' };

      const speakerIds = plenary.speakers ?? {};
      const participantIds = [...new Set(Object.values(speakerIds))];
      const people = participantIds.length
        ? await db
            .select({
              id: participants.id,
              familyName: participants.familyName,
              givenName: participants.givenName,
              title: participants.title,
            })
            .from(participants)
            .where(inArray(participants.id, participantIds))
        : [];
      const personById = new Map(people.map((p) => [p.id, p]));
      const speakerRef = (
        seq: number,
        fallback: { name: string; title?: string } | null,
      ): SpeakerRef | null => {
        const person = personById.get(speakerIds[String(seq)] ?? '');
        if (person) return { name: displayName(person, lang), title: pick(person.title, lang) };
        return fallback ? { name: fallback.name, title: fallback.title ?? '' } : null;
      };

      const now = clock.now();
      const nameOf = (id: string) => delegationRef(id).name;
      const entry = (item: QueueItem): QueueEntry => ({
        kind: item.kind,
        delegation: delegationRef(item.delegationId),
        speaker: speakerRef(item.seq, item.speaker),
        rank: item.rank,
        rankLabel: item.rank ? rankLabel(lang, item.rank) : null,
        resumes: item.resumes,
        explanation: explain(isolate(state, item), item.delegationId, lang, { nameOf }) ?? '',
      });
      const items = queue(state);
      const ordered = items.map(entry);

      let attendance: AttendanceMode = 'present';
      const current = state.current;
      const currentParticipant = current ? speakerIds[String(current.seq)] : undefined;
      if (currentParticipant) {
        const [role] = await db
          .select({ attendance: sessionRoles.attendance })
          .from(sessionRoles)
          .where(
            and(
              eq(sessionRoles.sessionId, s.id),
              eq(sessionRoles.participantId, currentParticipant),
            ),
          )
          .orderBy(sessionRoles.position)
          .limit(1);
        if (role) attendance = role.attendance;
      }

      const request = (r: {
        seq: number;
        delegationId: string;
        speaker: { name: string; title?: string } | null;
        requestedAt: string;
      }) => ({
        delegation: delegationRef(r.delegationId),
        speaker: speakerRef(r.seq, r.speaker),
        requestedAt: r.requestedAt,
      });
      return {
        edition: { slug: e.slug, name: pick(e.name, lang), timeZone: e.timeZone },
        session: {
          code: s.code,
          title: pick(s.title, lang),
          status: s.status,
          room: pick(room?.name, lang),
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
        },
        version: row?.version ?? 0,
        asOf: now.toISOString(),
        open: state.open,
        phase: state.phase,
        settings: {
          speakingTimeSeconds: state.settings.speakingTimeSeconds,
          rightOfReplySeconds: state.settings.rightOfReplySeconds,
          memberStatesFirst: state.settings.memberStatesFirst,
        },
        current: current
          ? {
              kind: current.kind,
              delegation: delegationRef(current.delegationId),
              speaker: speakerRef(current.seq, current.speaker),
              attendance,
              startedAt: current.startedAt,
            }
          : null,
        timer: timerState(state, now),
        next: ordered.slice(0, 3),
        queue: ordered,
        pointsOfOrder: state.pointsOfOrder.map(request),
        rightsOfReply: state.rightsOfReply.map(request),
        firstSpeakers: state.firstSpeakers.map(delegationRef),
        swapNotices: (plenary.swapNotices ?? []).map((n) => ({
          delegations: n.delegationIds.map(delegationRef),
          confirmedBy: n.confirmedBy.map(delegationRef),
        })),
        spoken: state.inscriptions.filter((i) => i.status === 'spoken').length,
      };
    },
  };
  return service;
}

/**
 * The list with only the collection `item` comes from, so that `explain` (which explains a
 * delegation's FIRST turn in the queue) explains this item even when the delegation also has a
 * point of order or a right of reply waiting.
 */
function isolate(state: ListState, item: QueueItem): ListState {
  const empty = { pointsOfOrder: [], rightsOfReply: [], interrupted: [], current: null };
  if (item.resumes)
    return { ...state, ...empty, interrupted: state.interrupted.filter((t) => t.seq === item.seq) };
  if (item.kind === 'point_of_order')
    return {
      ...state,
      ...empty,
      pointsOfOrder: state.pointsOfOrder.filter((r) => r.seq === item.seq),
    };
  if (item.kind === 'right_of_reply')
    return {
      ...state,
      ...empty,
      rightsOfReply: state.rightsOfReply.filter((r) => r.seq === item.seq),
      inscriptions: [],
      swaps: [],
      phase: 'rights_of_reply',
    };
  return { ...state, ...empty, phase: 'regular' };
}

export type SpeakersService = ReturnType<typeof createSpeakersService>;
