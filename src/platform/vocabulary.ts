/**
 * The domain's vocabularies, as plain data with no dependencies, so that the database schema,
 * the server and the browser's bundle read the same lists (DOMAIN.md).
 */

/** Protocol ranks, highest first (ranks are data, not derived from titles). */
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

export const PARTICIPANT_STATUSES = ['nominated', 'approved', 'rejected', 'withdrawn'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const EDITION_STATUSES = ['planned', 'open', 'held', 'archived'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

export const ROLES = ['secretariat', 'focal_point', 'participant'] as const;
export type Role = (typeof ROLES)[number];
