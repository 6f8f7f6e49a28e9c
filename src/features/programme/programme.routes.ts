import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  ATTENDANCE_MODES,
  SESSION_KINDS,
  SESSION_ROLES,
  SESSION_STATUSES,
} from '../../db/schema.js';
import { forbidden, PlenaryError } from '../../platform/errors.js';
import { UPLOAD_LIMITS } from '../../platform/file-sniff.js';
import {
  ErrorResponse,
  errorResponses,
  Instant,
  Localized,
  Slug,
  Uuid,
} from '../../platform/schemas.js';
import { requireUser } from '../../server/auth.plugin.js';
import type { Services } from '../../server/context.js';
import { isFocalPointOf, isSecretariat } from '../accounts/actor.js';

const literalUnion = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const SessionCode = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });
const RoomCode = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });

const Person = Type.Object({
  participantId: Type.String(),
  name: Localized,
  title: Localized,
  organisation: Localized,
  delegationCode: Type.String(),
  role: Type.String(),
  attendance: Type.String(),
  mediaUrl: Type.Union([Type.String(), Type.Null()]),
});

export const SessionViewSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  kind: Type.String(),
  title: Localized,
  theme: Localized,
  description: Localized,
  roomId: Type.String(),
  roomCode: Type.String(),
  roomName: Localized,
  startsAt: Type.String(),
  endsAt: Type.String(),
  languages: Type.Array(Type.String()),
  status: Type.String(),
  people: Type.Array(Person),
  updatedAt: Type.String(),
  version: Type.Integer(),
});

const RoomSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Localized,
  capacity: Type.Integer(),
  building: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
});

const ProgrammeSchema = Type.Object({
  edition: Type.Object({
    slug: Type.String(),
    name: Localized,
    acronym: Type.String(),
    city: Localized,
    venue: Localized,
    timeZone: Type.String(),
    startDate: Type.String(),
    endDate: Type.String(),
    baseUrl: Type.String(),
  }),
  rooms: Type.Array(RoomSchema),
  sessions: Type.Array(SessionViewSchema),
});

const SessionBody = {
  kind: literalUnion(SESSION_KINDS),
  title: Type.Intersect([
    Localized,
    Type.Object({ en: Type.String({ minLength: 1, maxLength: 300 }) }),
  ]),
  theme: Type.Optional(Localized),
  description: Type.Optional(Localized),
  roomCode: RoomCode,
  startsAt: Instant,
  endsAt: Instant,
  languages: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)*$' }), { maxItems: 12 }),
  ),
  status: Type.Optional(literalUnion(SESSION_STATUSES)),
};

export function registerProgrammeRoutes(root: FastifyInstance, services: Services): void {
  const serialised = new WeakMap<object, string>();
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { programme } = services;
  const tags = ['programme'];
  const params = Type.Object({ slug: Slug });
  const sessionParams = Type.Object({ slug: Slug, code: SessionCode });

  app.get(
    '/api/editions/:slug/programme',
    {
      schema: {
        tags,
        summary: 'The published programme (public)',
        params,
        response: { 200: ProgrammeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await programme.view(request.params.slug);
      // The cached view is serialised once, by the route's own response schema (so undeclared
      // fields are still dropped); a change yields a new view object, so nothing goes stale.
      let json = serialised.get(view);
      if (json === undefined) {
        json = String(reply.serialize(view));
        serialised.set(view, json);
      }
      return reply
        .header('cache-control', 'public, max-age=30')
        .type('application/json; charset=utf-8')
        .send(json as never);
    },
  );

  app.get(
    '/api/editions/:slug/rooms',
    {
      schema: {
        tags,
        summary: 'Rooms of an edition',
        params,
        response: { 200: Type.Object({ items: Type.Array(RoomSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await programme.rooms(request.params.slug)).map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        capacity: r.capacity,
        building: r.building,
        kind: r.kind,
      })),
    }),
  );

  app.post(
    '/api/editions/:slug/rooms',
    {
      schema: {
        tags,
        summary: 'Add a room (secretariat)',
        params,
        body: Type.Object({
          code: RoomCode,
          name: Type.Intersect([Localized, Type.Object({ en: Type.String({ minLength: 1 }) })]),
          capacity: Type.Integer({ minimum: 0, maximum: 100_000 }),
          kind: Type.Optional(
            Type.Union([
              Type.Literal('hall'),
              Type.Literal('meeting_room'),
              Type.Literal('bilateral_booth'),
            ]),
          ),
          building: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
          zone: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
        }),
        response: { 201: RoomSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await programme.createRoom(requireUser(request), request.params.slug, request.body);
      return reply.status(201).send({
        id: r.id,
        code: r.code,
        name: r.name,
        capacity: r.capacity,
        building: r.building,
        kind: r.kind,
      });
    },
  );

  app.post(
    '/api/editions/:slug/sessions',
    {
      schema: {
        tags,
        summary: 'Add a session (secretariat); 409 room_double_booked if the room is taken',
        params,
        body: Type.Object({ code: SessionCode, ...SessionBody }),
        response: { 201: SessionViewSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await programme.createSession(requireUser(request), request.params.slug, request.body),
        ),
  );

  app.patch(
    '/api/editions/:slug/sessions/:code',
    {
      schema: {
        tags,
        summary: 'Move, resize or edit a session (secretariat)',
        params: sessionParams,
        body: Type.Object({
          ...Type.Partial(Type.Object(SessionBody)).properties,
          version: Type.Integer({ minimum: 1 }),
        }),
        response: { 200: SessionViewSchema, ...errorResponses },
      },
    },
    async (request) =>
      programme.updateSession(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.body as never,
      ),
  );

  app.put(
    '/api/editions/:slug/sessions/:code/people',
    {
      schema: {
        tags,
        summary:
          'Set who chairs, moderates and speaks in a session, present or remote (secretariat)',
        params: sessionParams,
        body: Type.Object({
          people: Type.Array(
            Type.Object({
              participantId: Uuid,
              role: literalUnion(SESSION_ROLES),
              attendance: Type.Optional(literalUnion(ATTENDANCE_MODES)),
              mediaUrl: Type.Optional(
                Type.Union([Type.String({ pattern: '^https?://', maxLength: 500 }), Type.Null()]),
              ),
            }),
            { maxItems: 200 },
          ),
        }),
        response: { 200: SessionViewSchema, ...errorResponses },
      },
    },
    async (request) =>
      programme.setPeople(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.body.people as never,
      ),
  );

  app.put(
    '/api/editions/:slug/sessions/:code/people/:participantId/video',
    {
      schema: {
        tags,
        summary:
          'Upload a remote speaker\'s pre-recorded video message (MP4 or WebM, field "file", secretariat)',
        consumes: ['multipart/form-data'],
        params: Type.Object({ slug: Slug, code: SessionCode, participantId: Uuid }),
        response: { 200: SessionViewSchema, ...errorResponses, 413: ErrorResponse },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      if (!request.isMultipart()) {
        throw new PlenaryError(
          'invalid_file',
          'Send the video as multipart/form-data in a field named "file".',
        );
      }
      const file = await request.file({
        limits: { fileSize: UPLOAD_LIMITS.video.maxBytes, files: 1 },
      });
      if (file?.fieldname !== 'file') {
        throw new PlenaryError(
          'invalid_file',
          'No file was sent: use a multipart field named "file".',
        );
      }
      const bytes = new Uint8Array(await file.toBuffer());
      return programme.setVideoMessage(
        actor,
        request.params.slug,
        request.params.code,
        request.params.participantId,
        {
          fileName: file.filename,
          bytes,
        },
      );
    },
  );

  app.get(
    '/editions/:slug/sessions/:code/video/:participantId',
    {
      schema: {
        hide: true,
        params: Type.Object({ slug: Slug, code: SessionCode, participantId: Uuid }),
      },
    },
    async (request, reply) => {
      const video = await programme.videoMessage(
        request.params.slug,
        request.params.code,
        request.params.participantId,
      );
      return reply
        .type(video.mediaType)
        .header('cache-control', 'public, max-age=3600')
        .send(Buffer.from(video.bytes));
    },
  );

  app.get(
    '/api/editions/:slug/conflicts',
    {
      schema: {
        tags,
        summary: 'People due in two sessions at once (secretariat)',
        params,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                participantId: Type.String(),
                name: Localized,
                sessions: Type.Array(Type.String()),
                overlap: Type.Object({ from: Type.String(), to: Type.String() }),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      items: await programme.conflicts(requireUser(request), request.params.slug),
    }),
  );

  app.get(
    '/api/editions/:slug/agenda',
    {
      schema: {
        tags,
        summary:
          "A participant's personal agenda (the participant, their focal point, or the secretariat)",
        params,
        querystring: Type.Object({ participant: Type.Optional(Uuid) }),
        response: { 200: ProgrammeSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const participantId =
        request.query.participant ??
        (actor.kind === 'user' && actor.role === 'participant' ? actor.participantId : undefined);
      if (!participantId)
        throw new PlenaryError('validation_failed', 'Say whose agenda: ?participant=ID.');
      if (
        !isSecretariat(actor) &&
        !(
          actor.kind === 'user' &&
          actor.role === 'participant' &&
          actor.participantId === participantId
        )
      ) {
        const member = await services.accreditation
          .participant(actor, participantId, 'en')
          .catch(() => null);
        if (
          !member ||
          !(
            actor.kind === 'user' &&
            actor.role === 'focal_point' &&
            isFocalPointOf(actor, actor.delegationId)
          )
        ) {
          throw forbidden("You may see only your own agenda or your delegation members'.");
        }
      }
      return programme.agenda(request.params.slug, participantId);
    },
  );
}
