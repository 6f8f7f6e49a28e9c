/**
 * The one pg-core schema, read by both drivers (PGlite and node-postgres).
 * Integrity lives here too: foreign keys, checks and unique constraints; what Drizzle cannot
 * express (extensions, exclusion constraints) lives in the custom migrations beside it.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import {
  EDITION_STATUSES,
  type EditionStatus,
  ORGANISATION_KINDS,
  type OrganisationKind,
  PARTICIPANT_STATUSES,
  type ParticipantStatus,
  RANKS,
  type Rank,
  REGISTRATION_CATEGORIES,
  type RegistrationCategory,
  ROLES,
  type Role,
} from '../platform/vocabulary.js';

export {
  EDITION_STATUSES,
  type EditionStatus,
  ORGANISATION_KINDS,
  type OrganisationKind,
  PARTICIPANT_STATUSES,
  type ParticipantStatus,
  RANKS,
  type Rank,
  REGISTRATION_CATEGORIES,
  type RegistrationCategory,
  ROLES,
  type Role,
};

/** A text in several languages, keyed by BCP 47 language tag: `{ en: 'State Minister', ja: '外務副大臣' }`. */
export type Localized = Record<string, string>;

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return 'bytea';
  },
});

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const series = pgTable('series', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: jsonb('name').$type<Localized>().notNull(),
  description: jsonb('description').$type<Localized>().notNull().default({}),
  createdAt: createdAt(),
});

export const editions = pgTable(
  'editions',
  {
    id: id(),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => series.id),
    slug: text('slug').notNull().unique(),
    ordinal: integer('ordinal').notNull(),
    name: jsonb('name').$type<Localized>().notNull(),
    /** ISO 3166 alpha-3 code of the host state. */
    hostIso3: text('host_iso3').notNull(),
    /** The host as the readout names it, e.g. "Korea's Minister of Foreign Affairs". */
    host: jsonb('host').$type<Localized>().notNull().default({}),
    chair: jsonb('chair').$type<Localized>().notNull().default({}),
    city: jsonb('city').$type<Localized>().notNull(),
    venue: jsonb('venue').$type<Localized>().notNull().default({}),
    timeZone: text('time_zone').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    theme: jsonb('theme').$type<Localized>().notNull().default({}),
    status: text('status').$type<EditionStatus>().notNull().default('planned'),
    /** Recorded scale of an edition held before Plenary kept its records (from public sources). */
    reportedCountries: integer('reported_countries'),
    reportedParticipants: integer('reported_participants'),
    outcomeSummary: jsonb('outcome_summary').$type<Localized>().notNull().default({}),
    /** Per-conference settings (see features/conferences/settings.ts); defaults follow common practice. */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    unique('editions_series_ordinal').on(t.seriesId, t.ordinal),
    check('editions_dates', sql`${t.endDate} >= ${t.startDate}`),
    check('editions_status', sql`${t.status} in ('planned', 'open', 'held', 'archived')`),
    check('editions_slug', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('editions_host_iso3', sql`${t.hostIso3} ~ '^[A-Z]{3}$'`),
  ],
);

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    /** ISO 3166 alpha-3 for states and observer states; their names come from Intl.DisplayNames. */
    iso3: text('iso3').unique(),
    /** A short code people type in URLs and the CLI: the ISO code for states, an acronym otherwise. */
    code: text('code').notNull().unique(),
    /** Names of non-state organisations (states are named by Intl.DisplayNames). */
    name: jsonb('name').$type<Localized>().notNull().default({}),
    acronym: text('acronym'),
    fictional: boolean('fictional').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'organisations_kind',
      sql`${t.kind} in ('state', 'observer_state', 'international_organisation', 'private_sector', 'academia', 'civil_society', 'media', 'host', 'secretariat')`,
    ),
    check(
      'organisations_state_has_iso3',
      sql`(${t.kind} in ('state', 'observer_state')) = (${t.iso3} is not null)`,
    ),
    check('organisations_iso3', sql`${t.iso3} is null or ${t.iso3} ~ '^[A-Z]{3}$'`),
    check('organisations_code', sql`${t.code} ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'`),
  ],
);

/** Per edition and category: badge colour and the nomination deadline. */
export const categories = pgTable(
  'categories',
  {
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    code: text('code').$type<RegistrationCategory>().notNull(),
    name: jsonb('name').$type<Localized>().notNull(),
    colour: text('colour').notNull(),
    deadline: timestamp('deadline', { withTimezone: true }),
    /** The secretariat reopened nominations in this category until this moment. */
    reopenedUntil: timestamp('reopened_until', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.code] }),
    check('categories_colour', sql`${t.colour} ~ '^#[0-9a-f]{6}$'`),
  ],
);

export const delegations = pgTable(
  'delegations',
  {
    id: id(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Same as the organisation's code; stored for lookups by (edition, code). */
    code: text('code').notNull(),
    /** Participant heading the delegation (set once that participant exists). */
    headParticipantId: uuid('head_participant_id'),
    /** Government bodies or units the delegation draws on, as words. */
    composition: jsonb('composition').$type<Localized>().notNull().default({}),
    /** The secretariat reopened nominations for this delegation until this moment. */
    reopenedUntil: timestamp('reopened_until', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('delegations_edition_organisation').on(t.editionId, t.organisationId),
    unique('delegations_edition_code').on(t.editionId, t.code),
  ],
);

export const participants = pgTable(
  'participants',
  {
    id: id(),
    // Both are guaranteed by one composite key (delegation, edition) → delegations, with cascade
    // (0002_integrity.sql); single-column keys would only double the checks on bulk imports.
    editionId: uuid('edition_id').notNull(),
    delegationId: uuid('delegation_id').notNull(),
    familyName: jsonb('family_name').$type<Localized>().notNull(),
    givenName: jsonb('given_name').$type<Localized>().notNull().default({}),
    /** Title as words in any language: 外務副大臣, "State Minister for Foreign Affairs". */
    title: jsonb('title').$type<Localized>().notNull().default({}),
    /** Protocol rank as data (ranks are not derived from titles). */
    rank: text('rank').$type<Rank>().notNull().default('delegate'),
    category: text('category').$type<RegistrationCategory>().notNull(),
    email: text('email'),
    gender: text('gender'),
    nationality: text('nationality'),
    dateOfBirth: date('date_of_birth'),
    passportNumber: text('passport_number'),
    photoFileId: uuid('photo_file_id'),
    status: text('status').$type<ParticipantStatus>().notNull().default('nominated'),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    /** Consent to appear in the published participant list. */
    consentToPublish: boolean('consent_to_publish').notNull().default(false),
    badgeSerial: integer('badge_serial').notNull().default(1),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by'),
    fictional: boolean('fictional').notNull().default(false),
    version: integer('version').notNull().default(1),
    /**
     * Names in every language (the values, not the language keys), lower-cased, for substring
     * search through a trigram index. Email addresses are searched by their own index (whole
     * address): in this column they tripled the trigrams every import has to index.
     */
    nameSearch: text('name_search').generatedAlwaysAs(
      sql`lower(jsonb_path_query_array(family_name, '$.*')::text || ' ' || jsonb_path_query_array(given_name, '$.*')::text)`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Pages are ordered by (created_at, id): the indexes serve them without a sort.
    index('participants_delegation').on(t.delegationId, t.status, t.createdAt, t.id),
    index('participants_queue').on(t.editionId, t.status, t.createdAt, t.id),
    index('participants_queue_category').on(t.editionId, t.status, t.category, t.createdAt, t.id),
    index('participants_name_search').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
    index('participants_email').on(t.editionId, sql`lower(${t.email})`),
    check(
      'participants_rank',
      sql`${t.rank} in ('head_of_state', 'vice_president', 'head_of_government', 'head_of_io', 'deputy_prime_minister', 'foreign_minister', 'minister', 'vice_minister', 'ambassador', 'delegate', 'observer')`,
    ),
    check(
      'participants_status',
      sql`${t.status} in ('nominated', 'approved', 'rejected', 'withdrawn')`,
    ),
    check(
      'participants_category',
      sql`${t.category} in ('party', 'party_overflow', 'observer', 'igo', 'ngo', 'media', 'host', 'secretariat', 'temporary')`,
    ),
    check(
      'participants_rejection_reason',
      sql`${t.status} <> 'rejected' or coalesce(length(${t.decisionReason}), 0) > 0`,
    ),
  ],
);

export const FILE_KINDS = ['credentials', 'photo', 'meeting_photo', 'video_message'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Uploaded documents and photos, kept in the database so that both drivers hold everything. */
export const files = pgTable(
  'files',
  {
    id: id(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<FileKind>().notNull(),
    mediaType: text('media_type').notNull(),
    fileName: text('file_name').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('files_delegation').on(t.delegationId, t.kind),
    // Widened to meeting photos in 0007_documents_integrity.sql.
    check(
      'files_kind',
      sql`${t.kind} in ('credentials', 'photo', 'meeting_photo', 'video_message')`,
    ),
    check(
      'files_media_type',
      sql`${t.mediaType} in ('application/pdf', 'image/jpeg', 'image/png', 'video/mp4', 'video/webm')`,
    ),
  ],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    role: text('role').$type<Role>().notNull(),
    /** For focal points: the delegation they act for. */
    delegationId: uuid('delegation_id').references(() => delegations.id, { onDelete: 'cascade' }),
    /** For participants: their own participant record. */
    participantId: uuid('participant_id').references(() => participants.id, {
      onDelete: 'cascade',
    }),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email').on(sql`lower(${t.email})`),
    check('users_role', sql`${t.role} in ('secretariat', 'focal_point', 'participant')`),
    check(
      'users_focal_point_has_delegation',
      sql`${t.role} <> 'focal_point' or ${t.delegationId} is not null`,
    ),
  ],
);

/** Single-use invitation links; only a hash of the token is stored. */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    delegationId: uuid('delegation_id').references(() => delegations.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('invitations_role', sql`${t.role} in ('secretariat', 'focal_point', 'participant')`),
  ],
);

/** Signed-in sessions; only a hash of the cookie's token is stored. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('auth_sessions_user').on(t.userId)],
);

/** Every change: who, what, when, before and after — written in the change's own transaction. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    editionId: uuid('edition_id'),
    delegationId: uuid('delegation_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_events_at').on(t.at),
    index('audit_events_entity').on(t.entityType, t.entityId),
    index('audit_events_action').on(t.action, t.at),
    index('audit_events_delegation').on(t.delegationId, t.at),
  ],
);

/** Installation-wide values generated once, such as the key that signs badge codes. */
export const installation = pgTable('installation', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// ───────────────────────── Programme: rooms, sessions, who chairs and speaks ─────────────────────────

const tstzrange = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'tstzrange';
  },
});

export const ROOM_KINDS = ['hall', 'meeting_room', 'bilateral_booth'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export const rooms = pgTable(
  'rooms',
  {
    id: id(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: jsonb('name').$type<Localized>().notNull(),
    kind: text('kind').$type<RoomKind>().notNull().default('meeting_room'),
    capacity: integer('capacity').notNull(),
    building: text('building'),
    /** Rooms in different zones need transfer time between them (bilateral scheduling). */
    zone: text('zone'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('rooms_edition_code').on(t.editionId, t.code),
    check('rooms_kind', sql`${t.kind} in ('hall', 'meeting_room', 'bilateral_booth')`),
    check('rooms_capacity', sql`${t.capacity} >= 0`),
  ],
);

/** Times a room cannot be used (set-up, another event, maintenance). */
export const roomUnavailability = pgTable(
  'room_unavailability',
  {
    id: id(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
  },
  (t) => [check('room_unavailability_order', sql`${t.endsAt} > ${t.startsAt}`)],
);

export const SESSION_KINDS = ['opening', 'plenary', 'panel', 'closing', 'side_event'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    /** The session's slug within its edition, e.g. `plenary-2`. */
    code: text('code').notNull(),
    kind: text('kind').$type<SessionKind>().notNull(),
    title: jsonb('title').$type<Localized>().notNull(),
    theme: jsonb('theme').$type<Localized>().notNull().default({}),
    description: jsonb('description').$type<Localized>().notNull().default({}),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** Derived, for the exclusion constraint against two sessions in one room at once. */
    during: tstzrange('during').generatedAlwaysAs(sql`tstzrange(starts_at, ends_at)`),
    /** Languages of the session (BCP 47), interpretation included. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').$type<SessionStatus>().notNull().default('published'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('sessions_edition_code').on(t.editionId, t.code),
    index('sessions_edition_start').on(t.editionId, t.startsAt),
    check(
      'sessions_kind',
      sql`${t.kind} in ('opening', 'plenary', 'panel', 'closing', 'side_event')`,
    ),
    check('sessions_status', sql`${t.status} in ('draft', 'published', 'cancelled')`),
    check('sessions_order', sql`${t.endsAt} > ${t.startsAt}`),
    check('sessions_code', sql`${t.code} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export const SESSION_ROLES = ['chair', 'moderator', 'speaker', 'panellist'] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];
export const ATTENDANCE_MODES = ['present', 'video_message', 'live_link'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

/** Who chairs, moderates or speaks in a session, and how: present, by video message or live link. */
export const sessionRoles = pgTable(
  'session_roles',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    role: text('role').$type<SessionRole>().notNull(),
    attendance: text('attendance').$type<AttendanceMode>().notNull().default('present'),
    /** A link to the pre-recorded video message or the live link. */
    mediaUrl: text('media_url'),
    mediaFileId: uuid('media_file_id'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.participantId, t.role] }),
    index('session_roles_participant').on(t.participantId),
    check('session_roles_role', sql`${t.role} in ('chair', 'moderator', 'speaker', 'panellist')`),
    check(
      'session_roles_attendance',
      sql`${t.attendance} in ('present', 'video_message', 'live_link')`,
    ),
    check('session_roles_media_url', sql`${t.mediaUrl} is null or ${t.mediaUrl} ~ '^https?://'`),
  ],
);

/** A list of speakers: its state as the pure engine (features/speakers/precedence.ts) keeps it. */
export const speakerLists = pgTable('speaker_lists', {
  id: id(),
  sessionId: uuid('session_id')
    .notNull()
    .unique()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  state: jsonb('state').$type<Record<string, unknown>>().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});

// ───────────────────────── Statements and their positions ─────────────────────────

/** The themes a conference tracks positions on (capacity building, human rights online…). */
export const themes = pgTable(
  'themes',
  {
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: jsonb('name').$type<Localized>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.code] }),
    check('themes_code', sql`${t.code} ~ '^[a-z0-9_]+$'`),
  ],
);

export const statements = pgTable(
  'statements',
  {
    id: id(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id').references(() => participants.id, {
      onDelete: 'set null',
    }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    attendance: text('attendance').$type<AttendanceMode>().notNull().default('present'),
    /** The language the statement was delivered in; `texts` holds it and its translations. */
    originalLanguage: text('original_language').notNull(),
    texts: jsonb('texts').$type<Localized>().notNull(),
    /** Written from a readout's summary rather than the delivered text. */
    isSummary: boolean('is_summary').notNull().default(false),
    /** Theme codes the statement takes a position on. */
    positions: text('positions').array().notNull().default(sql`'{}'::text[]`),
    published: boolean('published').notNull().default(true),
    /** Lower-cased text of every language, words of unspaced scripts separated, for search. */
    searchText: text('search_text').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('statements_session').on(t.sessionId),
    index('statements_delegation').on(t.delegationId),
    index('statements_search').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check(
      'statements_attendance',
      sql`${t.attendance} in ('present', 'video_message', 'live_link')`,
    ),
  ],
);

// ───────────────────────── Bilateral meetings on the sidelines ─────────────────────────

export const BILATERAL_KINDS = ['meeting', 'stand_up', 'courtesy_call'] as const;
export type BilateralKind = (typeof BILATERAL_KINDS)[number];
export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const PARTY_RESPONSES = ['pending', 'accepted', 'declined', 'proposed'] as const;
export type PartyResponse = (typeof PARTY_RESPONSES)[number];

export const bilateralRequests = pgTable(
  'bilateral_requests',
  {
    id: id(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    requesterDelegationId: uuid('requester_delegation_id')
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<BilateralKind>().notNull().default('meeting'),
    lengthMinutes: integer('length_minutes').notNull(),
    priority: integer('priority').notNull().default(1),
    windowStart: timestamp('window_start', { withTimezone: true }),
    windowEnd: timestamp('window_end', { withTimezone: true }),
    notes: text('notes'),
    status: text('status').$type<RequestStatus>().notNull().default('pending'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('bilateral_requests_edition').on(t.editionId, t.status),
    check('bilateral_requests_kind', sql`${t.kind} in ('meeting', 'stand_up', 'courtesy_call')`),
    check(
      'bilateral_requests_status',
      sql`${t.status} in ('pending', 'accepted', 'declined', 'cancelled')`,
    ),
    check('bilateral_requests_length', sql`${t.lengthMinutes} between 5 and 240`),
    check('bilateral_requests_priority', sql`${t.priority} between 1 and 100`),
    check(
      'bilateral_requests_window',
      sql`${t.windowEnd} is null or ${t.windowStart} is null or ${t.windowEnd} > ${t.windowStart}`,
    ),
  ],
);

/** The counterparts of a request and what each answered. */
export const bilateralRequestParties = pgTable(
  'bilateral_request_parties',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => bilateralRequests.id, { onDelete: 'cascade' }),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
    response: text('response').$type<PartyResponse>().notNull().default('pending'),
    proposedStart: timestamp('proposed_start', { withTimezone: true }),
    proposedEnd: timestamp('proposed_end', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.delegationId] }),
    check(
      'bilateral_request_parties_response',
      sql`${t.response} in ('pending', 'accepted', 'declined', 'proposed')`,
    ),
  ],
);

export const MEETING_STATUSES = ['tentative', 'provisional', 'confirmed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const bilateralMeetings = pgTable(
  'bilateral_meetings',
  {
    id: id(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .unique()
      .references(() => bilateralRequests.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    during: tstzrange('during').generatedAlwaysAs(sql`tstzrange(starts_at, ends_at)`),
    /** tentative: holds a slot for a pending request; provisional: planned; confirmed: never moved without both sides' consent. */
    status: text('status').$type<MeetingStatus>().notNull().default('provisional'),
    /** Whether the delegations see it in the provisional or the final published schedule. */
    published: text('published').$type<'no' | 'provisional' | 'final'>().notNull().default('no'),
    /** Set when a programme change overlaps a principal's commitment. */
    flaggedReason: text('flagged_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    check('bilateral_meetings_order', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'bilateral_meetings_status',
      sql`${t.status} in ('tentative', 'provisional', 'confirmed')`,
    ),
    check('bilateral_meetings_published', sql`${t.published} in ('no', 'provisional', 'final')`),
  ],
);

/**
 * The principals (heads of delegation) in a meeting, with the meeting's time copied through a
 * cascading foreign key, so that one exclusion constraint keeps a principal out of two meetings.
 */
export const bilateralMeetingPrincipals = pgTable(
  'bilateral_meeting_principals',
  {
    meetingId: uuid('meeting_id').notNull(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
    during: tstzrange('during').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.participantId] })],
);

/** In-app notifications for a delegation's focal points. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    subject: jsonb('subject').$type<Localized>().notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_delegation').on(t.delegationId, t.createdAt)],
);

/** Email the secretariat can send from; Plenary itself sends nothing. */
export const emailOutbox = pgTable('email_outbox', {
  id: id(),
  editionId: uuid('edition_id').references(() => editions.id, { onDelete: 'cascade' }),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: createdAt(),
});

// ───────────────────────── Outcome documents, the chair's statement, readouts ─────────────────────────

export const DOCUMENT_KINDS = ['outcome', 'chair_statement'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_STATUSES = ['draft', 'under_negotiation', 'adopted', 'published'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * A negotiated outcome document or the chair's own statement. Its text lives in versions; every
 * version is kept. An annex points at the document it is annexed to.
 */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    kind: text('kind').$type<DocumentKind>().notNull(),
    title: jsonb('title').$type<Localized>().notNull(),
    status: text('status').$type<DocumentStatus>().notNull().default('draft'),
    annexToId: uuid('annex_to_id'),
    /** The session where it is read out or adopted. */
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    currentVersion: integer('current_version').notNull().default(0),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    adoptionMethod: text('adoption_method').$type<'consensus' | 'silence'>(),
    /** Silence procedure: circulated until this moment; an objection before it breaks silence. */
    silenceDeadline: timestamp('silence_deadline', { withTimezone: true }),
    silenceBrokenAt: timestamp('silence_broken_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('documents_edition_code').on(t.editionId, t.code),
    check('documents_kind', sql`${t.kind} in ('outcome', 'chair_statement')`),
    check(
      'documents_status',
      sql`${t.status} in ('draft', 'under_negotiation', 'adopted', 'published')`,
    ),
    check(
      'documents_adoption_method',
      sql`${t.adoptionMethod} is null or ${t.adoptionMethod} in ('consensus', 'silence')`,
    ),
    check('documents_code', sql`${t.code} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

/** Every version of a document's text, as structured data (features/documents defines it). */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    label: jsonb('label').$type<Localized>().notNull().default({}),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('document_versions_number').on(t.documentId, t.number),
    check('document_versions_number_positive', sql`${t.number} >= 1`),
  ],
);

export const AMENDMENT_KINDS = ['replace', 'insert', 'delete', 'new_paragraph'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];
export const AMENDMENT_STATUSES = [
  'proposed',
  'accepted',
  'rejected',
  'merged',
  'bracketed',
  'withdrawn',
] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

/** A delegation's proposed change to a paragraph of one version of a document. */
export const amendments = pgTable(
  'amendments',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    /** The version the amendment was proposed against. */
    versionNumber: integer('version_number').notNull(),
    /** The stable id of the paragraph (or, for a new paragraph, the one it follows). */
    paragraphId: text('paragraph_id').notNull(),
    kind: text('kind').$type<AmendmentKind>().notNull(),
    /** The change as data: the new text, the span to delete, the position to insert at. */
    change: jsonb('change').$type<Record<string, unknown>>().notNull(),
    reason: text('reason'),
    proposerDelegationId: uuid('proposer_delegation_id')
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
    status: text('status').$type<AmendmentStatus>().notNull().default('proposed'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    /** The version the decision took effect in. */
    appliedInVersion: integer('applied_in_version'),
    createdAt: createdAt(),
  },
  (t) => [
    index('amendments_document').on(t.documentId, t.status),
    check('amendments_kind', sql`${t.kind} in ('replace', 'insert', 'delete', 'new_paragraph')`),
    check(
      'amendments_status',
      sql`${t.status} in ('proposed', 'accepted', 'rejected', 'merged', 'bracketed', 'withdrawn')`,
    ),
  ],
);

export const amendmentCosponsors = pgTable(
  'amendment_cosponsors',
  {
    amendmentId: uuid('amendment_id')
      .notNull()
      .references(() => amendments.id, { onDelete: 'cascade' }),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.amendmentId, t.delegationId] })],
);

/** An objection that breaks silence. */
export const silenceObjections = pgTable(
  'silence_objections',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.delegationId] })],
);

/**
 * Work due at a moment (a silence deadline), kept in the database so that it survives a
 * restart; a runner claims due jobs with FOR UPDATE SKIP LOCKED.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text('kind').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    doneAt: timestamp('done_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('jobs_due').on(t.doneAt, t.runAt)],
);

export const READOUT_STATUSES = ['draft', 'published'] as const;
export type ReadoutStatus = (typeof READOUT_STATUSES)[number];

/** A delegation's readout of an edition, in one language: composed from records, then edited. */
export const readouts = pgTable(
  'readouts',
  {
    id: id(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    status: text('status').$type<ReadoutStatus>().notNull().default('draft'),
    /** Sections as the composer wrote them and the delegation edited them. */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('readouts_delegation_lang').on(t.editionId, t.delegationId, t.lang),
    check('readouts_status', sql`${t.status} in ('draft', 'published')`),
  ],
);

/** Photographs of bilateral meetings, for readouts (the seed's 【…との会談】 captions). */
export const meetingPhotos = pgTable(
  'meeting_photos',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => bilateralMeetings.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    caption: jsonb('caption').$type<Localized>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('meeting_photos_meeting').on(t.meetingId)],
);
