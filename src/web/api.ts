/**
 * The typed client of the HTTP API (scratch/API.md). It keeps the CSRF token of the session and
 * sends it as `x-csrf-token` on every unsafe request, and turns `{ error: { code, message,
 * details } }` into an ApiError whose code the UI translates (errorMessage in the i18n layer).
 */
import type {
  AuditEntry,
  Category,
  CheckInResult,
  CursorPage,
  DecisionResults,
  Delegation,
  DelegationSummary,
  Edition,
  ErrorDetail,
  FileInfo,
  ImportReport,
  Invitation,
  InvitationCreated,
  Page,
  Participant,
  ParticipantInput,
  PersonConflict,
  Programme,
  ProgrammeSession,
  QueueItem,
  Session,
  SessionInput,
  User,
} from './types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const SAFE = new Set(['GET', 'HEAD']);

/**
 * One request to the API: JSON in and out, the session's CSRF token on unsafe methods, errors
 * as ApiError. Feature clients (documents, speakers…) use it rather than a fetch of their own.
 */
export async function request<T>(
  method: string,
  path: string,
  options: { query?: Query; json?: unknown; form?: FormData; cache?: RequestCache } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form; // the browser sets the multipart boundary
  }
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      ...(options.cache ? { cache: options.cache } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = undefined;
  }
  if (!response.ok) {
    const error = (
      payload as { error?: { code?: string; message?: string; details?: ErrorDetail[] } }
    )?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      Array.isArray(error?.details) ? error.details : [],
    );
  }
  return payload as T;
}

const e = encodeURIComponent;
const edition = (slug: string) => `/api/editions/${e(slug)}`;
const delegation = (slug: string, code: string) => `${edition(slug)}/delegations/${e(code)}`;

function fileForm(file: File, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set('file', file); // after the fields: multipart parsers stream the file last
  return form;
}

export const api = {
  session: () => request<Session>('GET', '/api/auth/session'),
  signIn: (email: string, password: string) =>
    request<{ user: User; csrfToken: string }>('POST', '/api/auth/sign-in', {
      json: { email, password },
    }),
  signOut: () => request<void>('POST', '/api/auth/sign-out'),
  invitation: (token: string) => request<Invitation>('GET', `/api/invitations/${e(token)}`),
  acceptInvitation: (token: string, password: string, displayName?: string) =>
    request<{ user: User; csrfToken: string }>('POST', `/api/invitations/${e(token)}/accept`, {
      json: displayName ? { password, displayName } : { password },
    }),
  invite: (slug: string, input: { email: string; displayName: string; delegationCode: string }) =>
    request<InvitationCreated>('POST', `${edition(slug)}/invitations`, { json: input }),

  edition: (slug: string) => request<Edition>('GET', edition(slug)),
  updateCategory: (
    slug: string,
    code: string,
    input: { deadline?: string | null; reopenedUntil?: string | null },
  ) => request<Category>('PATCH', `${edition(slug)}/categories/${e(code)}`, { json: input }),

  delegations: (slug: string) =>
    request<{ items: DelegationSummary[] }>('GET', `${edition(slug)}/delegations`),
  delegation: (slug: string, code: string) => request<Delegation>('GET', delegation(slug, code)),
  reopen: (slug: string, code: string, until: string | null) =>
    request<Delegation>('POST', `${delegation(slug, code)}/reopen`, { json: { until } }),
  setHead: (slug: string, code: string, participantId: string) =>
    request<Delegation>('PUT', `${delegation(slug, code)}/head`, { json: { participantId } }),
  uploadCredentials: (slug: string, code: string, file: File) =>
    request<FileInfo>('POST', `${delegation(slug, code)}/credentials`, { form: fileForm(file) }),
  fileUrl: (id: string) => `/api/files/${e(id)}`,

  participants: (slug: string, code: string, query: Query) =>
    request<Page<Participant>>('GET', `${delegation(slug, code)}/participants`, { query }),
  nominate: (slug: string, code: string, input: ParticipantInput) =>
    request<Participant>('POST', `${delegation(slug, code)}/participants`, { json: input }),
  participant: (id: string) => request<Participant>('GET', `/api/participants/${e(id)}`),
  updateParticipant: (id: string, input: Partial<ParticipantInput> & { version: number }) =>
    request<Participant>('PATCH', `/api/participants/${e(id)}`, { json: input }),
  withdraw: (id: string) => request<Participant>('POST', `/api/participants/${e(id)}/withdraw`),
  uploadPhoto: (id: string, file: File) =>
    request<Participant>('PUT', `/api/participants/${e(id)}/photo`, { form: fileForm(file) }),
  photoUrl: (id: string, version?: number | string) =>
    withQuery(`/api/participants/${e(id)}/photo`, { v: version }),
  badgeUrl: (id: string) => `/api/participants/${e(id)}/badge.pdf`,
  badgeSheetUrl: (slug: string, code: string) => `${delegation(slug, code)}/badges.pdf`,
  importMembers: (
    slug: string,
    code: string,
    file: File,
    mode: 'validate' | 'all-or-nothing' | 'valid-rows',
  ) =>
    request<ImportReport>('POST', `${delegation(slug, code)}/import`, {
      form: fileForm(file, { mode }),
    }),

  queue: (slug: string, query: Query) =>
    request<CursorPage<QueueItem>>('GET', `${edition(slug)}/queue`, { query }),
  approve: (id: string) => request<Participant>('POST', `/api/participants/${e(id)}/approve`),
  reject: (id: string, reason: string) =>
    request<Participant>('POST', `/api/participants/${e(id)}/reject`, { json: { reason } }),
  decide: (
    slug: string,
    participantIds: string[],
    decision: 'approve' | 'reject',
    reason?: string,
  ) =>
    request<DecisionResults>('POST', `${edition(slug)}/decisions`, {
      json: reason ? { participantIds, decision, reason } : { participantIds, decision },
    }),
  checkIn: (slug: string, code: string) =>
    request<CheckInResult>('POST', `${edition(slug)}/check-in`, { json: { code } }),
  exportUrl: (slug: string, format: 'csv' | 'xlsx', status?: string) =>
    withQuery(`${edition(slug)}/participants.${format}`, { status }),
  // timetable and agenda: the public programme is cached 30 s by browsers, the editor must not be
  programme: (slug: string) =>
    request<Programme>('GET', `${edition(slug)}/programme`, { cache: 'no-store' }),
  createSession: (slug: string, input: SessionInput) =>
    request<ProgrammeSession>('POST', `${edition(slug)}/sessions`, { json: input }),
  updateSession: (
    slug: string,
    code: string,
    change: Partial<Omit<SessionInput, 'code'>> & { version: number },
  ) => request<ProgrammeSession>('PATCH', `${edition(slug)}/sessions/${e(code)}`, { json: change }),
  conflicts: (slug: string) =>
    request<{ items: PersonConflict[] }>('GET', `${edition(slug)}/conflicts`, {
      cache: 'no-store',
    }),
  agenda: (slug: string, participantId: string) =>
    request<Programme>('GET', `${edition(slug)}/agenda`, {
      query: { participant: participantId },
      cache: 'no-store',
    }),
  agendaFeed: (slug: string, participantId: string) =>
    request<{ url: string }>('GET', `${edition(slug)}/agenda/feed`, {
      query: { participant: participantId },
    }),
  audit: (query: Query) =>
    request<{ items: AuditEntry[]; total: number; page?: number; pageSize?: number }>(
      'GET',
      '/api/audit',
      { query },
    ),
};
