/** The shapes of the HTTP API (scratch/API.md) as the SPA reads them. */
export type Localized = Record<string, string | undefined>;
export type Role = 'secretariat' | 'focal_point' | 'participant';
export type ParticipantStatus = 'nominated' | 'approved' | 'rejected' | 'withdrawn';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  delegation: { code: string; name: string; editionSlug: string } | null;
}

export interface Session {
  user: User | null;
  csrfToken: string | null;
}

export interface Invitation {
  email: string;
  displayName: string;
  role: Role;
  delegation: { code: string; name: string } | null;
  edition: { slug: string; name: string } | null;
  expiresAt: string;
}

export interface Category {
  code: string;
  name: string | Localized;
  colour: string;
  deadline: string | null;
  reopenedUntil: string | null;
  open: boolean;
}

export interface Edition {
  slug: string;
  name: string | Localized;
  series: { slug: string; name: string | Localized } | null;
  hostIso3: string;
  hostName: string;
  city: string | Localized;
  timeZone: string;
  startDate: string;
  endDate: string;
  status: string;
  categories: Category[];
}

export type StatusCounts = Record<ParticipantStatus, number>;

export interface DelegationSummary {
  code: string;
  name: string;
  kind: string;
  head: { name: string; title: string | Localized } | null;
  counts: StatusCounts;
  hasCredentials: boolean;
}

export interface FileInfo {
  id: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  uploadedAt: string;
}

export interface Participant {
  id: string;
  delegationCode: string;
  familyName: Localized;
  givenName: Localized;
  displayName: string;
  title: Localized;
  rank: string;
  category: string;
  email: string | null;
  gender: string | null;
  nationality: string | null;
  dateOfBirth?: string | null;
  passportNumber?: string | null;
  status: ParticipantStatus;
  decisionReason: string | null;
  decidedAt: string | null;
  hasPhoto: boolean;
  photoRequired: boolean;
  consentToPublish: boolean;
  checkedInAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Delegation {
  code: string;
  name: string;
  kind: string;
  iso3: string | null;
  head: (Partial<Participant> & { id: string; displayName: string }) | null;
  composition?: unknown;
  reopenedUntil: string | null;
  credentials: FileInfo[];
  counts: StatusCounts;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A keyset-paged list: follow `next`/`previous`; the total is counted up to a cap. */
export interface CursorPage<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
  pageSize: number;
  next: string | null;
  previous: string | null;
}

export type QueueItem = Participant & { delegationName: string; hasCredentials: boolean };

export interface ParticipantInput {
  familyName: Localized;
  givenName?: Localized;
  title?: Localized;
  rank: string;
  category: string;
  email?: string;
  gender?: string;
  nationality?: string;
  dateOfBirth?: string;
  passportNumber?: string;
  consentToPublish?: boolean;
}

export interface ImportReport {
  total: number;
  valid: number;
  imported: number;
  errors: ErrorDetail[];
}

export interface ErrorDetail {
  line?: number;
  field?: string;
  code: string;
  message: string;
}

export interface DecisionResults {
  results: { id: string; ok: boolean; code?: string; message?: string }[];
}

export interface CheckInResult {
  result: 'checked_in' | 'already_checked_in';
  checkedInAt: string;
  participant: {
    id: string;
    displayName: string;
    organisation: string;
    category: string;
    categoryColour: string;
    hasPhoto: boolean;
  };
}

export interface AuditEntry {
  id: string;
  at: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface InvitationCreated {
  id: string;
  url: string;
  expiresAt: string;
}

// ---------------------------------------------------------------- timetable and agenda

/** A room of the programme; `kind` is hall, meeting_room or bilateral_booth. */
export interface ProgrammeRoom {
  id: string;
  code: string;
  name: Localized;
  capacity: number;
  building: string | null;
  kind: string;
}

export interface ProgrammePerson {
  participantId: string;
  name: Localized;
  title: Localized;
  organisation: Localized;
  delegationCode: string;
  role: string;
  attendance: string;
  mediaUrl: string | null;
}

/** A session; times are ISO instants, shown in the venue's time zone. */
export interface ProgrammeSession {
  id: string;
  code: string;
  kind: string;
  title: Localized;
  theme: Localized;
  description: Localized;
  roomId: string;
  roomCode: string;
  roomName: Localized;
  startsAt: string;
  endsAt: string;
  languages: string[];
  status: string;
  people: ProgrammePerson[];
  updatedAt: string;
  version: number;
}

export interface Programme {
  edition: {
    slug: string;
    name: Localized;
    timeZone: string;
    startDate: string;
    endDate: string;
  };
  rooms: ProgrammeRoom[];
  sessions: ProgrammeSession[];
}

export interface SessionInput {
  code: string;
  kind: string;
  title: Localized;
  theme?: Localized;
  roomCode: string;
  startsAt: string;
  endsAt: string;
}

/** A person due in two sessions at once, for the overlap from–to. */
export interface PersonConflict {
  participantId: string;
  name: Localized;
  sessions: string[];
  overlap: { from: string; to: string };
}
