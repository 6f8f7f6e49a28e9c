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

export const EDITION_STATUSES = ['planned', 'open', 'held', 'archived'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

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
    check(
      'editions_status',
      sql`${t.status} in ('planned', 'open', 'held', 'archived')`,
    ),
    check('editions_slug', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('editions_host_iso3', sql`${t.hostIso3} ~ '^[A-Z]{3}$'`),
  ],
);

export const ORGANISATION_KINDS = [
  'state',
  'observer_state',
  'international_organisation',
  'private_sector',
  'academia',
  'civil_society',
  'media',
  'host',
  'secretariat',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

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

export const REGISTRATION_CATEGORIES = [
  'party',
  'party_overflow',
  'observer',
  'igo',
  'ngo',
  'media',
  'host',
  'secretariat',
  'temporary',
] as const;
export type RegistrationCategory = (typeof REGISTRATION_CATEGORIES)[number];

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

export const RANKS = [
  'head_of_state',
  'vice_president',
  'head_of_government',
  'head_of_io',
  'deputy_prime_minister',
  'foreign_minister',
  'minister',
  'vice_minister',
  'ambassador',
  'delegate',
  'observer',
] as const;
export type Rank = (typeof RANKS)[number];

export const PARTICIPANT_STATUSES = ['nominated', 'approved', 'rejected', 'withdrawn'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const participants = pgTable(
  'participants',
  {
    id: id(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('participants_delegation').on(t.delegationId, t.status),
    index('participants_queue').on(t.editionId, t.status, t.createdAt),
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

export const FILE_KINDS = ['credentials', 'photo'] as const;
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
    check('files_kind', sql`${t.kind} in ('credentials', 'photo')`),
    check(
      'files_media_type',
      sql`${t.mediaType} in ('application/pdf', 'image/jpeg', 'image/png')`,
    ),
  ],
);

export const ROLES = ['secretariat', 'focal_point', 'participant'] as const;
export type Role = (typeof ROLES)[number];

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
  (t) => [check('invitations_role', sql`${t.role} in ('secretariat', 'focal_point', 'participant')`)],
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
