/**
 * The programme: rooms, sessions and who chairs or speaks in them. The database refuses two
 * sessions in one room at overlapping times; a person due in two places at once is flagged.
 */

import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { EXCLUSION_VIOLATION, pgError, UNIQUE_VIOLATION } from '../../db/errors.js';
import {
  type AttendanceMode,
  delegations,
  editions,
  files,
  type Localized,
  organisations,
  participants,
  rooms,
  type SessionKind,
  type SessionRole,
  type SessionStatus,
  sessionRoles,
  sessions,
} from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { countryName } from '../../platform/countries.js';
import { forbidden, PlenaryError } from '../../platform/errors.js';
import { checkUpload } from '../../platform/file-sniff.js';
import { type Actor, isSecretariat } from '../accounts/actor.js';
import { displayName } from '../accreditation/participants.presenter.js';
import { recordAudit } from '../audit/audit.js';
import { storeFile } from '../audit/stored-files.js';
import { findPersonConflicts } from './conflicts.js';
import type { ProgrammeView, SessionPerson, SessionView } from './programme.view.js';

export interface SessionInput {
  code: string;
  kind: SessionKind;
  title: Localized;
  theme?: Localized;
  description?: Localized;
  roomCode: string;
  startsAt: string;
  endsAt: string;
  languages?: string[];
  status?: SessionStatus;
}

export interface SessionPersonInput {
  participantId: string;
  role: SessionRole;
  attendance?: AttendanceMode;
  mediaUrl?: string | null;
}

type SessionRow = typeof sessions.$inferSelect;

function toView(row: SessionRow) {
  return { ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() };
}

export function createProgrammeService({ db, clock }: { db: Db; clock: Clock }) {
  /** Cache of public programme views, keyed by edition and whether drafts are included. */
  const cache = new Map<string, ProgrammeView>();
  const listeners = new Set<(slug: string, origin: 'local' | 'remote') => void>();

  /** Drops what is cached of an edition; `remote` when another process made the change. */
  function invalidate(slug: string, origin: 'local' | 'remote' = 'local') {
    for (const key of cache.keys()) if (key.startsWith(`${slug}|`)) cache.delete(key);
    for (const listener of listeners) listener(slug, origin);
  }

  async function edition(slug: string) {
    const [row] = await db.select().from(editions).where(eq(editions.slug, slug));
    if (!row) throw new PlenaryError('edition_not_found', `There is no edition "${slug}".`);
    return row;
  }

  async function room(editionId: string, code: string) {
    const [row] = await db
      .select()
      .from(rooms)
      .where(and(eq(rooms.editionId, editionId), eq(rooms.code, code)));
    if (!row) throw new PlenaryError('room_not_found', `There is no room "${code}".`);
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

  function requireSecretariat(actor: Actor) {
    if (!isSecretariat(actor)) throw forbidden('Only the secretariat edits the programme.');
  }

  /** Turns the database's refusals into errors a user can act on. */
  async function guarded<T>(work: () => Promise<T>, roomCode?: string): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const { code, constraint } = pgError(error);
      if (code === EXCLUSION_VIOLATION && constraint === 'sessions_no_double_booking') {
        throw new PlenaryError(
          'room_double_booked',
          `The room${roomCode ? ` ${roomCode}` : ''} is already booked for another session at that time.`,
        );
      }
      if (code === UNIQUE_VIOLATION)
        throw new PlenaryError('duplicate', 'A session or room with that code exists already.');
      throw error;
    }
  }

  function checkTimes(startsAt: string, endsAt: string) {
    const start = new Date(startsAt);
    const end = new Date(endsAt);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start) {
      throw new PlenaryError('validation_failed', 'A session ends after it starts.', {
        details: [{ field: 'endsAt', code: 'invalid', message: 'Must be after startsAt.' }],
      });
    }
    if (end.getTime() - start.getTime() > 24 * 3_600_000) {
      throw new PlenaryError('validation_failed', 'A session lasts at most 24 hours.', {
        details: [{ field: 'endsAt', code: 'invalid', message: 'Too long.' }],
      });
    }
    return { start, end };
  }

  async function audit(
    tx: Tx,
    actor: Actor,
    editionId: string,
    action:
      | 'session.create'
      | 'session.update'
      | 'session.cancel'
      | 'session.people'
      | 'room.create',
    entityId: string,
    before: unknown,
    after: unknown,
  ) {
    await recordAudit(tx, clock.now(), {
      actor,
      action,
      entityType: action.split('.')[0]!,
      entityId,
      editionId,
      before,
      after,
    });
  }

  const service = {
    onChange(listener: (slug: string, origin: 'local' | 'remote') => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    invalidate,

    async rooms(slug: string) {
      const e = await edition(slug);
      return db.select().from(rooms).where(eq(rooms.editionId, e.id)).orderBy(asc(rooms.code));
    },

    async createRoom(
      actor: Actor,
      slug: string,
      input: {
        code: string;
        name: Localized;
        capacity: number;
        kind?: 'hall' | 'meeting_room' | 'bilateral_booth';
        building?: string | null;
        zone?: string | null;
      },
    ) {
      requireSecretariat(actor);
      const e = await edition(slug);
      return guarded(() =>
        db.transaction(async (tx) => {
          const [row] = await tx
            .insert(rooms)
            .values({ ...input, editionId: e.id })
            .returning();
          await audit(tx, actor, e.id, 'room.create', row!.id, null, row);
          invalidate(slug);
          return row!;
        }),
      );
    },

    async createSession(actor: Actor, slug: string, input: SessionInput) {
      requireSecretariat(actor);
      const e = await edition(slug);
      const r = await room(e.id, input.roomCode);
      const { start, end } = checkTimes(input.startsAt, input.endsAt);
      const created = await guarded(
        () =>
          db.transaction(async (tx) => {
            const [row] = await tx
              .insert(sessions)
              .values({
                editionId: e.id,
                code: input.code,
                kind: input.kind,
                title: input.title,
                theme: input.theme ?? {},
                description: input.description ?? {},
                roomId: r.id,
                startsAt: start,
                endsAt: end,
                languages: input.languages ?? [],
                status: input.status ?? 'published',
                createdAt: clock.now(),
                updatedAt: clock.now(),
              })
              .returning();
            await audit(tx, actor, e.id, 'session.create', row!.id, null, toView(row!));
            return row!;
          }),
        r.code,
      );
      invalidate(slug);
      return service.describeSession(slug, created.code);
    },

    /** Moves, resizes or edits a session; `version` guards against lost updates. */
    async updateSession(
      actor: Actor,
      slug: string,
      code: string,
      change: Partial<Omit<SessionInput, 'code'>> & { version: number },
    ) {
      requireSecretariat(actor);
      const e = await edition(slug);
      const before = await session(e.id, code);
      const r = change.roomCode ? await room(e.id, change.roomCode) : undefined;
      const { start, end } = checkTimes(
        change.startsAt ?? before.startsAt.toISOString(),
        change.endsAt ?? before.endsAt.toISOString(),
      );
      await guarded(
        () =>
          db.transaction(async (tx) => {
            const [after] = await tx
              .update(sessions)
              .set({
                ...(change.kind ? { kind: change.kind } : {}),
                ...(change.title ? { title: change.title } : {}),
                ...(change.theme ? { theme: change.theme } : {}),
                ...(change.description ? { description: change.description } : {}),
                ...(change.languages ? { languages: change.languages } : {}),
                ...(change.status ? { status: change.status } : {}),
                ...(r ? { roomId: r.id } : {}),
                startsAt: start,
                endsAt: end,
                version: before.version + 1,
                updatedAt: clock.now(),
              })
              .where(and(eq(sessions.id, before.id), eq(sessions.version, change.version)))
              .returning();
            if (!after)
              throw new PlenaryError(
                'version_conflict',
                'Someone changed this session meanwhile. Reload the timetable.',
              );
            await audit(
              tx,
              actor,
              e.id,
              change.status === 'cancelled' ? 'session.cancel' : 'session.update',
              before.id,
              toView(before),
              toView(after),
            );
          }),
        r?.code,
      );
      invalidate(slug);
      return service.describeSession(slug, code);
    },

    async setPeople(actor: Actor, slug: string, code: string, people: SessionPersonInput[]) {
      requireSecretariat(actor);
      const e = await edition(slug);
      const s = await session(e.id, code);
      const ids = [...new Set(people.map((p) => p.participantId))];
      if (ids.length > 0) {
        const found = await db
          .select({ id: participants.id })
          .from(participants)
          .where(and(inArray(participants.id, ids), eq(participants.editionId, e.id)));
        if (found.length !== ids.length)
          throw new PlenaryError(
            'participant_not_found',
            'Every person in a session must be a participant of this edition.',
          );
      }
      await db.transaction(async (tx) => {
        const before = await tx.select().from(sessionRoles).where(eq(sessionRoles.sessionId, s.id));
        await tx.delete(sessionRoles).where(eq(sessionRoles.sessionId, s.id));
        if (people.length > 0) {
          await tx.insert(sessionRoles).values(
            people.map((p, position) => ({
              sessionId: s.id,
              participantId: p.participantId,
              role: p.role,
              attendance: p.attendance ?? 'present',
              mediaUrl: p.mediaUrl ?? null,
              position,
            })),
          );
        }
        await tx
          .update(sessions)
          .set({ updatedAt: clock.now(), version: s.version + 1 })
          .where(eq(sessions.id, s.id));
        await audit(tx, actor, e.id, 'session.people', s.id, before, people);
      });
      invalidate(slug);
      return service.describeSession(slug, code);
    },

    async describeSession(slug: string, code: string): Promise<SessionView> {
      const view = await service.view(slug, { includeDrafts: true });
      const found = view.sessions.find((s) => s.code === code);
      if (!found) throw new PlenaryError('session_not_found', `There is no session "${code}".`);
      return found;
    },

    /** The programme as plain data, for pages and exports; public views are cached until a change. */
    async view(
      slug: string,
      options: { includeDrafts?: boolean; baseUrl?: string } = {},
    ): Promise<ProgrammeView> {
      const key = `${slug}|${options.includeDrafts ? 'all' : 'public'}|${options.baseUrl ?? ''}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const e = await edition(slug);
      const roomRows = await db
        .select()
        .from(rooms)
        .where(eq(rooms.editionId, e.id))
        .orderBy(asc(rooms.code));
      const sessionRows = await db
        .select()
        .from(sessions)
        .where(
          options.includeDrafts
            ? eq(sessions.editionId, e.id)
            : and(eq(sessions.editionId, e.id), ne(sessions.status, 'draft')),
        )
        .orderBy(asc(sessions.startsAt), asc(sessions.code));
      const roles = sessionRows.length
        ? await db
            .select({
              role: sessionRoles,
              p: participants,
              code: delegations.code,
              org: organisations,
            })
            .from(sessionRoles)
            .innerJoin(participants, eq(participants.id, sessionRoles.participantId))
            .innerJoin(delegations, eq(delegations.id, participants.delegationId))
            .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
            .where(
              inArray(
                sessionRoles.sessionId,
                sessionRows.map((s) => s.id),
              ),
            )
            .orderBy(asc(sessionRoles.position))
        : [];
      const sessionCodes = new Map(sessionRows.map((s) => [s.id, s.code]));
      const bySession = new Map<string, SessionPerson[]>();
      for (const r of roles) {
        const people = bySession.get(r.role.sessionId) ?? [];
        people.push({
          participantId: r.p.id,
          name: { en: displayName(r.p, 'en'), ja: displayName(r.p, 'ja') },
          title: r.p.title,
          organisation: r.org.iso3
            ? { en: countryName(r.org.iso3, 'en'), ja: countryName(r.org.iso3, 'ja') }
            : r.org.name,
          delegationCode: r.code,
          role: r.role.role,
          attendance: r.role.attendance,
          // An uploaded video message is served at a stable public address of the session.
          mediaUrl: r.role.mediaFileId
            ? `/editions/${e.slug}/sessions/${sessionCodes.get(r.role.sessionId)}/video/${r.p.id}`
            : r.role.mediaUrl,
        });
        bySession.set(r.role.sessionId, people);
      }
      const roomById = new Map(roomRows.map((r) => [r.id, r]));
      const view: ProgrammeView = {
        edition: {
          slug: e.slug,
          name: e.name,
          acronym: e.slug,
          city: e.city,
          venue: e.venue,
          timeZone: e.timeZone,
          startDate: e.startDate,
          endDate: e.endDate,
          baseUrl: options.baseUrl ?? '',
        },
        rooms: roomRows.map((r) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          capacity: r.capacity,
          building: r.building,
          kind: r.kind,
        })),
        sessions: sessionRows.map((s) => {
          const r = roomById.get(s.roomId)!;
          return {
            id: s.id,
            code: s.code,
            kind: s.kind,
            title: s.title,
            theme: s.theme,
            description: s.description,
            roomId: s.roomId,
            roomCode: r.code,
            roomName: r.name,
            startsAt: s.startsAt.toISOString(),
            endsAt: s.endsAt.toISOString(),
            languages: s.languages,
            status: s.status,
            people: bySession.get(s.id) ?? [],
            updatedAt: s.updatedAt.toISOString(),
            version: s.version,
          };
        }),
      };
      cache.set(key, view);
      return view;
    },

    /** A remote speaker's pre-recorded video message, uploaded (MP4 or WebM, checked from the bytes). */
    async setVideoMessage(
      actor: Actor,
      slug: string,
      code: string,
      participantId: string,
      upload: { fileName: string; bytes: Uint8Array },
    ) {
      requireSecretariat(actor);
      const e = await edition(slug);
      const s = await session(e.id, code);
      const sniffed = checkUpload(upload.bytes, 'video');
      const [role] = await db
        .select({ delegationId: participants.delegationId })
        .from(sessionRoles)
        .innerJoin(participants, eq(participants.id, sessionRoles.participantId))
        .where(
          and(eq(sessionRoles.sessionId, s.id), eq(sessionRoles.participantId, participantId)),
        );
      if (!role) {
        throw new PlenaryError('participant_not_found', 'That person has no role in this session.');
      }
      await db.transaction(async (tx) => {
        const file = await storeFile(tx, {
          editionId: e.id,
          delegationId: role.delegationId,
          kind: 'video_message',
          mediaType: sniffed.mediaType,
          fileName: upload.fileName,
          bytes: upload.bytes,
          actor,
        });
        await tx
          .update(sessionRoles)
          .set({ attendance: 'video_message', mediaFileId: file.id, mediaUrl: null })
          .where(
            and(eq(sessionRoles.sessionId, s.id), eq(sessionRoles.participantId, participantId)),
          );
        await tx
          .update(sessions)
          .set({ updatedAt: clock.now(), version: s.version + 1 })
          .where(eq(sessions.id, s.id));
        await audit(tx, actor, e.id, 'session.people', s.id, null, {
          videoMessage: {
            participantId,
            fileId: file.id,
            mediaType: sniffed.mediaType,
            byteSize: upload.bytes.byteLength,
          },
        });
      });
      invalidate(slug);
      return service.describeSession(slug, code);
    },

    /** The uploaded video message of a published session, for anyone (it is played in the hall). */
    async videoMessage(slug: string, code: string, participantId: string) {
      const e = await edition(slug);
      const s = await session(e.id, code);
      if (s.status === 'draft') throw new PlenaryError('file_not_found', 'No such video message.');
      const [row] = await db
        .select({ bytes: files.bytes, mediaType: files.mediaType })
        .from(sessionRoles)
        .innerJoin(files, eq(files.id, sessionRoles.mediaFileId))
        .where(
          and(eq(sessionRoles.sessionId, s.id), eq(sessionRoles.participantId, participantId)),
        );
      if (!row) throw new PlenaryError('file_not_found', 'No such video message.');
      return row;
    },

    /** People due in two sessions at once (present in both; video messages do not count). */
    async conflicts(actor: Actor, slug: string) {
      requireSecretariat(actor);
      return findPersonConflicts((await service.view(slug, { includeDrafts: true })).sessions);
    },

    /** A participant's own agenda: the sessions they chair, moderate or speak in. */
    async agenda(slug: string, participantId: string) {
      const view = await service.view(slug, { includeDrafts: false });
      return {
        ...view,
        sessions: view.sessions.filter(
          (s) =>
            s.status !== 'cancelled' && s.people.some((p) => p.participantId === participantId),
        ),
      };
    },
  };
  return service;
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>;
