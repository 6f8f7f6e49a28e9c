/**
 * Bilateral meetings over HTTP (contract: scratch/BILATERALS-API.md). Thin routes: validate,
 * call one service function, present through the response schemas. The per-delegation
 * calendar feed is reached by a signed address, since calendar apps send no session cookie.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { BILATERAL_KINDS, REQUEST_STATUSES } from '../../db/schema.js';
import {
  Code,
  errorResponses,
  Instant,
  LangQuery,
  Nullable,
  Slug,
  Uuid,
} from '../../platform/schemas.js';
import { hmac, safeEqual } from '../../platform/tokens.js';
import { requireUser } from '../../server/auth.plugin.js';
import type { Services } from '../../server/context.js';
import { programmeToIcal } from '../programme/exports/ical.js';
import type { ProgrammeView } from '../programme/programme.view.js';
import type { MeetingView } from './bilaterals.service.js';

const Window = Type.Object({ start: Instant, end: Instant });
const Kind = Type.Union(BILATERAL_KINDS.map((k) => Type.Literal(k)));
const RoomCode = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });
const Placement = Type.Object({ room: Type.String(), startsAt: Type.String() });

const PartySchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  principal: Nullable(
    Type.Object({
      participantId: Type.String(),
      name: Type.String(),
      title: Type.String(),
      rank: Type.String(),
    }),
  ),
  response: Type.String(),
  proposedWindow: Nullable(Window),
  respondedAt: Nullable(Type.String()),
});

export const MeetingSchema = Type.Object({
  id: Type.String(),
  requestId: Type.String(),
  kind: Type.String(),
  room: Type.Object({
    code: Type.String(),
    name: Type.String(),
    zone: Nullable(Type.String()),
    capacity: Type.Integer(),
  }),
  startsAt: Type.String(),
  endsAt: Type.String(),
  status: Type.String(),
  published: Type.String(),
  parties: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      principal: Nullable(Type.String()),
      confirmed: Type.Boolean(),
    }),
  ),
  flaggedReason: Nullable(Type.String()),
  version: Type.Integer(),
});

export const RequestSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  requester: PartySchema,
  counterparts: Type.Array(PartySchema),
  lengthMinutes: Type.Integer(),
  priority: Type.Integer(),
  window: Nullable(Window),
  notes: Nullable(Type.String()),
  flags: Type.Array(Type.String()),
  meeting: Nullable(MeetingSchema),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const ProposalMeeting = Type.Object({
  requestId: Uuid,
  room: Type.String({ maxLength: 64 }),
  startsAt: Instant,
  endsAt: Type.Optional(Instant),
});

const ProposalSchema = Type.Object({
  basedOn: Type.String(),
  mode: Type.String(),
  meetings: Type.Array(ProposalMeeting),
  diff: Type.Object({
    added: Type.Array(
      Type.Object({ requestId: Type.String(), to: Placement, reason: Type.String() }),
    ),
    moved: Type.Array(
      Type.Object({
        requestId: Type.String(),
        from: Placement,
        to: Placement,
        reason: Type.String(),
      }),
    ),
    dropped: Type.Array(
      Type.Object({ requestId: Type.String(), from: Placement, reason: Type.String() }),
    ),
  }),
  unscheduled: Type.Array(Type.Object({ requestId: Type.String(), reason: Type.String() })),
  score: Type.Number(),
  maxScore: Type.Number(),
  scheduled: Type.Integer(),
  requests: Type.Integer(),
  elapsedMs: Type.Number(),
});

const NotificationSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  subject: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  readAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
const OutboxSchema = Type.Object({
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  sentAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

const params = Type.Object({ slug: Slug });
const byId = Type.Object({ slug: Slug, id: Uuid });
const lang = Type.Object(LangQuery);

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers['x-forwarded-host'] ?? request.headers.host ?? 'localhost'}`;
}

/** The published meetings of one delegation as an iCalendar feed, through the programme's exporter. */
function scheduleToIcal(
  feed: Awaited<ReturnType<Services['bilaterals']['publishedSchedule']>>,
  base: string,
  lang: 'en' | 'ja',
): string {
  const e = feed.edition;
  const title = (m: MeetingView) => {
    const others = m.parties.filter((p) => p.code !== feed.delegation.code);
    const kind =
      lang === 'ja'
        ? { meeting: '会談', stand_up: '立ち話', courtesy_call: '表敬' }[m.kind]
        : {
            meeting: 'Bilateral meeting',
            stand_up: 'Stand-up talk',
            courtesy_call: 'Courtesy call',
          }[m.kind];
    const provisional =
      m.published === 'provisional' ? (lang === 'ja' ? '（暫定）' : ' (provisional)') : '';
    return `${kind ?? m.kind}: ${others.map((p) => (p.principal ? `${p.name} (${p.principal})` : p.name)).join(', ')}${provisional}`;
  };
  const view: ProgrammeView = {
    // The calendar's name: the edition and the delegation.
    edition: {
      slug: e.slug,
      name: { [lang]: `${e.name[lang] ?? e.name.en ?? e.slug} — ${feed.delegation.name}` },
      acronym: e.slug,
      city: e.city,
      venue: e.venue,
      timeZone: e.timeZone,
      startDate: e.startDate,
      endDate: e.endDate,
      baseUrl: base,
    },
    rooms: [],
    sessions: feed.meetings.map((m) => ({
      id: m.id,
      code: `bilateral-${m.id.slice(0, 8)}`,
      kind: 'side_event',
      title: { [lang]: title(m), en: title(m) },
      theme: {},
      description: {},
      roomId: m.room.code,
      roomCode: m.room.code,
      roomName: { en: m.room.name },
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      languages: [],
      status: 'published',
      people: [],
      updatedAt: e.createdAt.toISOString(),
      version: m.version,
    })),
  };
  return programmeToIcal(view, { lang, scope: { kind: 'programme' } });
}

export function registerBilateralsRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { bilaterals, badges } = services;
  const tags = ['bilaterals'];

  async function feedToken(delegationId: string) {
    return `${delegationId.replace(/-/g, '')}.${hmac(await badges.badgeKey(), `bilaterals:${delegationId}`)}`;
  }

  app.post(
    '/api/editions/:slug/bilaterals/requests',
    {
      schema: {
        tags,
        summary:
          'Request a bilateral meeting (focal point for its delegation; the secretariat names `from`)',
        params,
        querystring: lang,
        body: Type.Object({
          from: Type.Optional(Code),
          counterparts: Type.Array(Code, { minItems: 1, maxItems: 10 }),
          kind: Type.Optional(Kind),
          lengthMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
          priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          window: Type.Optional(Nullable(Window)),
          notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
        }),
        response: { 201: RequestSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await bilaterals.request(
            requireUser(request),
            request.params.slug,
            request.body,
            request.lang,
          ),
        ),
  );

  app.get(
    '/api/editions/:slug/bilaterals/requests',
    {
      schema: {
        tags,
        summary:
          'Requests sent and received (focal point: its delegation; secretariat: all, or one delegation)',
        params,
        querystring: Type.Object({
          ...LangQuery,
          status: Type.Optional(Type.Union(REQUEST_STATUSES.map((s) => Type.Literal(s)))),
          delegation: Type.Optional(Code),
        }),
        response: { 200: Type.Object({ items: Type.Array(RequestSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await bilaterals.list(
        requireUser(request),
        request.params.slug,
        { status: request.query.status, delegation: request.query.delegation },
        request.lang,
      ),
    }),
  );

  app.get(
    '/api/editions/:slug/bilaterals/requests/:id',
    {
      schema: {
        tags,
        summary: 'A request (its parties and the secretariat)',
        params: byId,
        querystring: lang,
        response: { 200: RequestSchema, ...errorResponses },
      },
    },
    async (request) =>
      bilaterals.get(requireUser(request), request.params.slug, request.params.id, request.lang),
  );

  app.post(
    '/api/editions/:slug/bilaterals/requests/:id/respond',
    {
      schema: {
        tags,
        summary: "Accept, decline or propose another window (a counterpart's focal point)",
        params: byId,
        querystring: lang,
        body: Type.Object({
          response: Type.Union([
            Type.Literal('accepted'),
            Type.Literal('declined'),
            Type.Literal('proposed'),
          ]),
          window: Type.Optional(Nullable(Window)),
        }),
        response: { 200: RequestSchema, ...errorResponses },
      },
    },
    async (request) =>
      bilaterals.respond(
        requireUser(request),
        request.params.slug,
        request.params.id,
        request.body,
        request.lang,
      ),
  );

  app.post(
    '/api/editions/:slug/bilaterals/requests/:id/accept-proposal',
    {
      schema: {
        tags,
        summary: 'Adopt the window a counterpart proposed (the requester)',
        params: byId,
        querystring: lang,
        body: Type.Object({ from: Code }),
        response: { 200: RequestSchema, ...errorResponses },
      },
    },
    async (request) =>
      bilaterals.acceptProposal(
        requireUser(request),
        request.params.slug,
        request.params.id,
        request.body.from,
        request.lang,
      ),
  );

  app.post(
    '/api/editions/:slug/bilaterals/requests/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a request (either side, or the secretariat)',
        params: byId,
        querystring: lang,
        response: { 200: RequestSchema, ...errorResponses },
      },
    },
    async (request) =>
      bilaterals.cancel(requireUser(request), request.params.slug, request.params.id, request.lang),
  );

  app.post(
    '/api/editions/:slug/bilaterals/requests/:id/hold',
    {
      schema: {
        tags,
        summary: 'Hold a slot tentatively for a pending request (the requester or the secretariat)',
        params: byId,
        querystring: lang,
        body: Type.Object({ room: RoomCode, startsAt: Instant }),
        response: { 201: MeetingSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await bilaterals.hold(
            requireUser(request),
            request.params.slug,
            request.params.id,
            request.body,
            request.lang,
          ),
        ),
  );

  app.get(
    '/api/editions/:slug/bilaterals/board',
    {
      schema: {
        tags,
        summary:
          'The planning board: slots, booths, meetings and accepted requests not yet scheduled (secretariat)',
        params,
        querystring: lang,
        response: {
          200: Type.Object({
            slotMinutes: Type.Integer(),
            timeZone: Type.String(),
            days: Type.Array(Type.String()),
            slots: Type.Array(
              Type.Object({
                id: Type.String(),
                day: Type.Integer(),
                startsAt: Type.String(),
                endsAt: Type.String(),
              }),
            ),
            rooms: Type.Array(
              Type.Object({
                code: Type.String(),
                name: Type.String(),
                zone: Nullable(Type.String()),
                capacity: Type.Integer(),
              }),
            ),
            meetings: Type.Array(MeetingSchema),
            unscheduled: Type.Array(RequestSchema),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => bilaterals.board(requireUser(request), request.params.slug, request.lang),
  );

  app.post(
    '/api/editions/:slug/bilaterals/plan',
    {
      schema: {
        tags,
        summary:
          'Propose a plan (not saved): solve, or re-plan moving as few provisional meetings as possible (secretariat)',
        params,
        body: Type.Object({
          timeLimitSeconds: Type.Optional(Type.Number({ minimum: 0.1, maximum: 60 })),
          seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
        }),
        response: { 200: ProposalSchema, ...errorResponses },
      },
    },
    async (request) => bilaterals.plan(requireUser(request), request.params.slug, request.body),
  );

  app.post(
    '/api/editions/:slug/bilaterals/plan/apply',
    {
      schema: {
        tags,
        summary:
          'Apply a proposal in one transaction; 409 plan_stale when the records changed since (secretariat)',
        params,
        querystring: lang,
        body: Type.Object(
          {
            basedOn: Type.String({ maxLength: 64 }),
            meetings: Type.Array(ProposalMeeting, { maxItems: 5000 }),
          },
          { additionalProperties: true },
        ),
        response: {
          200: Type.Object({
            added: Type.Integer(),
            moved: Type.Integer(),
            dropped: Type.Integer(),
            unchanged: Type.Integer(),
            meetings: Type.Array(MeetingSchema),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      bilaterals.applyPlan(requireUser(request), request.params.slug, request.body, request.lang),
  );

  app.patch(
    '/api/editions/:slug/bilaterals/meetings/:id',
    {
      schema: {
        tags,
        summary:
          'Move a meeting on the board; refused with error.reasons when it breaks a rule (secretariat)',
        params: byId,
        querystring: lang,
        body: Type.Object({
          room: RoomCode,
          startsAt: Instant,
          version: Type.Integer({ minimum: 1 }),
        }),
        response: { 200: MeetingSchema, ...errorResponses },
      },
    },
    async (request) =>
      bilaterals.moveMeeting(
        requireUser(request),
        request.params.slug,
        request.params.id,
        request.body,
        request.lang,
      ),
  );

  app.post(
    '/api/editions/:slug/bilaterals/meetings/:id/confirm',
    {
      schema: {
        tags,
        summary: "Confirm a meeting: a side's consent; confirmed once every side consented",
        params: byId,
        querystring: lang,
        response: { 200: MeetingSchema, ...errorResponses },
      },
    },
    async (request) =>
      bilaterals.confirm(
        requireUser(request),
        request.params.slug,
        request.params.id,
        request.lang,
      ),
  );

  app.post(
    '/api/editions/:slug/bilaterals/publish',
    {
      schema: {
        tags,
        summary: 'Publish the provisional or the final schedule (secretariat)',
        params,
        body: Type.Object({
          stage: Type.Union([Type.Literal('provisional'), Type.Literal('final')]),
        }),
        response: {
          200: Type.Object({ stage: Type.String(), published: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      bilaterals.publish(requireUser(request), request.params.slug, request.body.stage),
  );

  app.post(
    '/api/editions/:slug/bilaterals/flag-conflicts',
    {
      schema: {
        tags,
        summary: 'Flag meetings that clash with their principals’ sessions (secretariat)',
        params,
        response: {
          200: Type.Object({ flagged: Type.Integer(), cleared: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      return bilaterals.flagConflictsAs(requireUser(request), request.params.slug);
    },
  );

  const ScheduleQuery = Type.Object({ ...LangQuery, delegation: Type.Optional(Code) });

  app.get(
    '/api/editions/:slug/bilaterals/schedule',
    {
      schema: {
        tags,
        summary:
          "A delegation's meetings (focal point: its own, published only; secretariat: any, all)",
        params,
        querystring: ScheduleQuery,
        response: {
          200: Type.Object({
            delegation: Type.Object({ code: Type.String(), name: Type.String() }),
            meetings: Type.Array(MeetingSchema),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      bilaterals.schedule(
        requireUser(request),
        request.params.slug,
        request.query.delegation,
        request.lang,
      ),
  );

  app.get(
    '/api/editions/:slug/bilaterals/schedule/feed',
    {
      schema: {
        tags,
        summary:
          "The signed address of a delegation's calendar feed (iCalendar) of published meetings",
        params,
        querystring: ScheduleQuery,
        response: { 200: Type.Object({ url: Type.String() }), ...errorResponses },
      },
    },
    async (request) => {
      const { delegation } = await bilaterals.schedule(
        requireUser(request),
        request.params.slug,
        request.query.delegation,
        'en',
      );
      return {
        url: `${baseUrl(request)}/editions/${request.params.slug}/bilaterals/${await feedToken(delegation.id)}.ics`,
      };
    },
  );

  app.get(
    '/editions/:slug/bilaterals/:token',
    {
      schema: {
        hide: true,
        params: Type.Object({ slug: Slug, token: Type.String({ maxLength: 100 }) }),
      },
    },
    async (request, reply) => {
      const { slug, token } = request.params;
      const match = /^([0-9a-f]{32})\.([\w-]{22})\.ics$/.exec(token);
      const hex = match?.[1] ?? '';
      const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      if (!match || !safeEqual(await feedToken(id), `${match[1]}.${match[2]}`)) {
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: 'No such calendar feed.' } });
      }
      const feed = await bilaterals.publishedSchedule(slug, id, request.lang);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=60')
        .send(scheduleToIcal(feed, baseUrl(request), request.lang));
    },
  );

  app.get(
    '/api/editions/:slug/notifications',
    {
      schema: {
        tags,
        summary: "A delegation's notifications (focal point: its own; secretariat: ?delegation=)",
        params,
        querystring: Type.Object({
          ...LangQuery,
          unread: Type.Optional(Type.Boolean()),
          delegation: Type.Optional(Code),
        }),
        response: {
          200: Type.Object({ items: Type.Array(NotificationSchema), unread: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      bilaterals.notifications(
        requireUser(request),
        request.params.slug,
        { unread: request.query.unread, delegation: request.query.delegation },
        request.lang,
      ),
  );

  app.post(
    '/api/editions/:slug/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark a notification read',
        params: byId,
        querystring: lang,
        response: { 200: NotificationSchema, ...errorResponses },
      },
    },
    async (request) =>
      bilaterals.markRead(
        requireUser(request),
        request.params.slug,
        request.params.id,
        request.lang,
      ),
  );

  app.get(
    '/api/editions/:slug/outbox',
    {
      schema: {
        tags,
        summary: 'Emails waiting to be sent by the secretariat (Plenary itself sends none)',
        params,
        querystring: Type.Object({ pending: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Object({ items: Type.Array(OutboxSchema) }), ...errorResponses },
      },
    },
    async (request) =>
      bilaterals.outbox(requireUser(request), request.params.slug, {
        pending: request.query.pending,
      }),
  );

  app.post(
    '/api/editions/:slug/outbox/:id/sent',
    {
      schema: {
        tags,
        summary: 'Mark an email sent (secretariat)',
        params: byId,
        response: { 200: OutboxSchema, ...errorResponses },
      },
    },
    async (request) =>
      bilaterals.markSent(requireUser(request), request.params.slug, request.params.id),
  );
}
