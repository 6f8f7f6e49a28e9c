/**
 * The SPA's side of bilateral meetings (contract: scratch/BILATERALS-API.md): requests, the
 * secretariat's board and planner, publication, schedules, feeds, notifications and the outbox.
 * Unsafe calls carry the session's CSRF token (read from GET /api/auth/session, as in
 * ../hall/speakers.client.ts); a refusal keeps the API's `error.reasons` (every rule broken).
 */
import { ApiError, api, withQuery } from '../../api.js';
import type { ErrorDetail } from '../../types.js';

export type Kind = 'meeting' | 'stand_up' | 'courtesy_call';
export const KINDS: Kind[] = ['meeting', 'stand_up', 'courtesy_call'];

export interface Window {
  start: string;
  end: string;
}

export interface Party {
  code: string;
  name: string;
  principal: { participantId: string; name: string; title: string; rank: string } | null;
  response: 'requester' | 'pending' | 'accepted' | 'declined' | 'proposed' | string;
  proposedWindow: Window | null;
  respondedAt: string | null;
}

export interface MeetingView {
  id: string;
  requestId: string;
  kind: Kind | string;
  room: { code: string; name: string; zone: string | null; capacity: number };
  startsAt: string;
  endsAt: string;
  status: 'tentative' | 'provisional' | 'confirmed' | string;
  published: 'no' | 'provisional' | 'final' | string;
  parties: { code: string; name: string; principal: string | null; confirmed: boolean }[];
  flaggedReason: string | null;
  version: number;
}

export interface RequestView {
  id: string;
  kind: Kind | string;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled' | string;
  requester: Party;
  counterparts: Party[];
  lengthMinutes: number;
  priority: number;
  window: Window | null;
  notes: string | null;
  flags: string[];
  meeting: MeetingView | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RequestInput {
  counterparts: string[];
  kind: Kind;
  lengthMinutes: number;
  priority?: number;
  window?: Window | null;
  notes?: string | null;
}

export interface Room {
  code: string;
  name: string;
  zone: string | null;
  capacity: number;
}

export interface Board {
  slotMinutes: number;
  timeZone: string;
  days: string[];
  slots: { id: string; day: number; startsAt: string; endsAt: string }[];
  rooms: Room[];
  meetings: MeetingView[];
  unscheduled: RequestView[];
}

export interface Placement {
  room: string;
  startsAt: string;
}

export interface Proposal {
  basedOn: string;
  mode: 'solve' | 'replan' | string;
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

export interface Applied {
  added: number;
  moved: number;
  dropped: number;
  unchanged: number;
  meetings: MeetingView[];
}

export interface Notification {
  id: string;
  kind: string;
  subject: string;
  entityType: string;
  entityId: string;
  readAt: string | null;
  createdAt: string;
}

export interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  body: string;
  sentAt: string | null;
  createdAt: string;
}

export interface Organisation {
  code: string;
  name: string;
  kind: string;
}

/** A refused call: the first rule broken is `code`, `reasons` lists them all. */
export class BilateralsError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    details: ErrorDetail[],
    readonly reasons: string[],
  ) {
    super(status, code, message, details);
    this.name = 'BilateralsError';
  }
}

/** Every reason of a refusal (at least its code). */
export function reasonsOf(error: unknown): string[] {
  if (error instanceof BilateralsError && error.reasons.length > 0) return error.reasons;
  if (error instanceof ApiError) return [error.code];
  return [];
}

let csrf: Promise<string | null> | null = null;

/** The session's CSRF token (api.ts keeps its own copy private; the session answer carries it). */
function csrfToken(): Promise<string | null> {
  csrf ??= api.session().then(
    (session) => session.csrfToken,
    () => null,
  );
  return csrf;
}

type Query = Record<string, string | number | boolean | undefined>;

async function call<T>(
  method: string,
  path: string,
  query: Query = {},
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    const token = await csrfToken();
    if (token) headers['x-csrf-token'] = token;
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers,
      ...(method !== 'GET' ? { body: JSON.stringify(body ?? {}) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  const payload = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) {
    const error = (
      payload as
        | {
            error?: {
              code?: string;
              message?: string;
              details?: ErrorDetail[];
              reasons?: string[];
            };
          }
        | undefined
    )?.error;
    if (error?.code === 'csrf_failed') csrf = null; // a new session: fetch its token next time
    throw new BilateralsError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      Array.isArray(error?.details) ? error.details : [],
      Array.isArray(error?.reasons) ? error.reasons.filter((r) => typeof r === 'string') : [],
    );
  }
  return payload as T;
}

const e = encodeURIComponent;
const base = (slug: string) => `/api/editions/${e(slug)}`;
const bil = (slug: string) => `${base(slug)}/bilaterals`;

export const bilaterals = {
  organisations: async (slug: string, lang: string): Promise<Organisation[]> => {
    const body = await call<{
      kinds: { kind: string; organisations: { code: string; name: string }[] }[];
    }>('GET', `${base(slug)}/organisations`, { lang });
    return body.kinds.flatMap((k) => k.organisations.map((o) => ({ ...o, kind: k.kind })));
  },
  requests: (slug: string, lang: string, query: { status?: string; delegation?: string } = {}) =>
    call<{ items: RequestView[] }>('GET', `${bil(slug)}/requests`, { lang, ...query }),
  request: (slug: string, lang: string, input: RequestInput) =>
    call<RequestView>('POST', `${bil(slug)}/requests`, { lang }, input),
  respond: (
    slug: string,
    lang: string,
    id: string,
    response: 'accepted' | 'declined' | 'proposed',
    window?: Window,
  ) =>
    call<RequestView>(
      'POST',
      `${bil(slug)}/requests/${e(id)}/respond`,
      { lang },
      window ? { response, window } : { response },
    ),
  acceptProposal: (slug: string, lang: string, id: string, from: string) =>
    call<RequestView>('POST', `${bil(slug)}/requests/${e(id)}/accept-proposal`, { lang }, { from }),
  cancel: (slug: string, lang: string, id: string) =>
    call<RequestView>('POST', `${bil(slug)}/requests/${e(id)}/cancel`, { lang }, {}),
  confirm: (slug: string, lang: string, meetingId: string) =>
    call<MeetingView>('POST', `${bil(slug)}/meetings/${e(meetingId)}/confirm`, { lang }, {}),
  board: (slug: string, lang: string) => call<Board>('GET', `${bil(slug)}/board`, { lang }),
  plan: (slug: string, input: { timeLimitSeconds?: number; seed?: number }) =>
    call<Proposal>('POST', `${bil(slug)}/plan`, {}, input),
  apply: (slug: string, lang: string, proposal: Proposal) =>
    call<Applied>('POST', `${bil(slug)}/plan/apply`, { lang }, proposal),
  move: (slug: string, lang: string, id: string, to: Placement & { version: number }) =>
    call<MeetingView>('PATCH', `${bil(slug)}/meetings/${e(id)}`, { lang }, to),
  publish: (slug: string, stage: 'provisional' | 'final') =>
    call<{ stage: string; published: number }>('POST', `${bil(slug)}/publish`, {}, { stage }),
  flagConflicts: (slug: string) =>
    call<{ flagged: number; cleared: number }>('POST', `${bil(slug)}/flag-conflicts`, {}, {}),
  schedule: (slug: string, lang: string, delegation?: string) =>
    call<{ delegation: { code: string; name: string }; meetings: MeetingView[] }>(
      'GET',
      `${bil(slug)}/schedule`,
      { lang, delegation },
    ),
  feed: (slug: string, delegation?: string) =>
    call<{ url: string }>('GET', `${bil(slug)}/schedule/feed`, { delegation }),
  notifications: (slug: string, lang: string) =>
    call<{ items: Notification[]; unread: number }>('GET', `${base(slug)}/notifications`, {
      lang,
    }),
  markRead: (slug: string, lang: string, id: string) =>
    call<Notification>('POST', `${base(slug)}/notifications/${e(id)}/read`, { lang }, {}),
  outbox: (slug: string, pending: boolean) =>
    call<{ items: OutboxItem[] }>('GET', `${base(slug)}/outbox`, pending ? { pending } : {}),
  markSent: (slug: string, id: string) =>
    call<OutboxItem>('POST', `${base(slug)}/outbox/${e(id)}/sent`, {}, {}),
};
