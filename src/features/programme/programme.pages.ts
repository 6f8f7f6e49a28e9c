/**
 * The programme at stable public addresses: the server-rendered page and the formats other
 * tools read (iCalendar, Frab schedule XML/JSON, CSV/XLSX). Public output is cached by the
 * programme service until the programme changes; ETags let clients and room screens poll cheaply.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Slug, Uuid } from '../../platform/schemas.js';
import { hmac, safeEqual } from '../../platform/tokens.js';
import { requireUser } from '../../server/auth.plugin.js';
import type { Services } from '../../server/context.js';
import { ProgrammePage, renderPublicPage } from '../../web/public-pages/index.js';
import { isSecretariat } from '../accounts/actor.js';
import { programmeToFrabJson, programmeToFrabXml, scheduleVersion } from './exports/frab.js';
import { type IcalScope, programmeToIcal } from './exports/ical.js';
import { programmeCsv, programmeXlsx } from './exports/tabular.js';
import type { ProgrammeView } from './programme.view.js';

const RoomCode = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers['x-forwarded-host'] ?? request.headers.host ?? 'localhost'}`;
}

/** Rendered outputs of the public programme, per edition, format and language, until it changes. */
class RenderCache {
  private readonly entries = new Map<string, { etag: string; body: string | Uint8Array }>();

  constructor(private readonly programme: Services['programme']) {
    programme.onChange((slug) => {
      for (const key of this.entries.keys())
        if (key.startsWith(`${slug}|`)) this.entries.delete(key);
    });
  }

  async get(
    slug: string,
    key: string,
    base: string,
    render: (view: ProgrammeView) => string | Uint8Array | Promise<string | Uint8Array>,
  ) {
    const cacheKey = `${slug}|${key}|${base}`;
    const hit = this.entries.get(cacheKey);
    if (hit) return hit;
    const view = await this.programme.view(slug, { baseUrl: base });
    const entry = {
      etag: `"${scheduleVersion(view).replace(/[^\w.-]/g, '')}-${key.length}"`,
      body: await render(view),
    };
    this.entries.set(cacheKey, entry);
    return entry;
  }
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: { etag: string; body: string | Uint8Array },
  type: string,
  fileName?: string,
) {
  reply
    .header('etag', entry.etag)
    .header('cache-control', 'public, max-age=60')
    .header('vary', 'Accept-Language, Cookie');
  if (request.headers['if-none-match'] === entry.etag) return reply.status(304).send();
  reply.type(type);
  if (fileName) reply.header('content-disposition', `attachment; filename="${fileName}"`);
  return reply.send(typeof entry.body === 'string' ? entry.body : Buffer.from(entry.body));
}

export function registerProgrammePages(app: FastifyInstance, services: Services): void {
  const { programme, badges } = services;
  const cache = new RenderCache(programme);
  const hide = { hide: true };
  const params = Type.Object({ slug: Slug });

  /** Calendar apps cannot send a session cookie: a personal feed is reached by a signed address. */
  async function agendaToken(participantId: string) {
    return `${participantId.replace(/-/g, '')}.${hmac(await badges.badgeKey(), `agenda:${participantId}`)}`;
  }

  app.get('/editions/:slug/programme', { schema: { ...hide, params } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const entry = await cache.get(slug, `html:${request.lang}`, baseUrl(request), (programmeView) =>
      renderPublicPage(ProgrammePage, { lang: request.lang, programme: programmeView }),
    );
    return send(request, reply, entry, 'text/html; charset=utf-8');
  });

  app.get(
    '/editions/:slug/programme.ics',
    { schema: { ...hide, params } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const entry = await cache.get(slug, `ics:${request.lang}`, baseUrl(request), (view) =>
        programmeToIcal(view, { lang: request.lang, scope: { kind: 'programme' } }),
      );
      return send(request, reply, entry, 'text/calendar; charset=utf-8', `${slug}.ics`);
    },
  );

  app.get(
    '/editions/:slug/rooms/:room/programme.ics',
    { schema: { ...hide, params: Type.Object({ slug: Slug, room: RoomCode }) } },
    async (request, reply) => {
      const { slug, room } = request.params as { slug: string; room: string };
      const rooms = await programme.rooms(slug);
      if (!rooms.some((r) => r.code === room)) {
        return reply
          .status(404)
          .send({ error: { code: 'room_not_found', message: `There is no room "${room}".` } });
      }
      const scope: IcalScope = { kind: 'room', roomCode: room };
      const entry = await cache.get(
        slug,
        `ics-room:${room}:${request.lang}`,
        baseUrl(request),
        (view) => programmeToIcal(view, { lang: request.lang, scope }),
      );
      return send(request, reply, entry, 'text/calendar; charset=utf-8', `${slug}-${room}.ics`);
    },
  );

  app.get(
    '/editions/:slug/schedule.xml',
    { schema: { ...hide, params } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const entry = await cache.get(slug, `xml:${request.lang}`, baseUrl(request), (view) =>
        programmeToFrabXml(view, { lang: request.lang }),
      );
      return send(request, reply, entry, 'application/xml; charset=utf-8');
    },
  );

  app.get(
    '/editions/:slug/schedule.json',
    { schema: { ...hide, params } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const entry = await cache.get(slug, `json:${request.lang}`, baseUrl(request), (view) =>
        JSON.stringify(programmeToFrabJson(view, { lang: request.lang })),
      );
      return send(request, reply, entry, 'application/json; charset=utf-8');
    },
  );

  app.get(
    '/editions/:slug/programme.csv',
    { schema: { ...hide, params } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const entry = await cache.get(slug, `csv:${request.lang}`, baseUrl(request), (view) =>
        programmeCsv(view, request.lang),
      );
      return send(request, reply, entry, 'text/csv; charset=utf-8', `${slug}-programme.csv`);
    },
  );

  app.get(
    '/editions/:slug/programme.xlsx',
    { schema: { ...hide, params } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const entry = await cache.get(slug, `xlsx:${request.lang}`, baseUrl(request), (view) =>
        programmeXlsx(view, request.lang),
      );
      return send(
        request,
        reply,
        entry,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        `${slug}-programme.xlsx`,
      );
    },
  );

  app.get(
    '/api/editions/:slug/agenda/feed',
    {
      schema: {
        tags: ['programme'],
        summary:
          "The address of a participant's personal agenda feed (iCalendar), for a calendar app",
        params,
        querystring: Type.Object({ participant: Uuid }),
        response: { 200: Type.Object({ url: Type.String() }) },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const { slug } = request.params as { slug: string };
      const { participant } = request.query as { participant: string };
      const own =
        actor.kind === 'user' &&
        actor.role === 'participant' &&
        actor.participantId === participant;
      // Focal points may read their members (accreditation checks it); others are refused there.
      if (!own && !isSecretariat(actor))
        await services.accreditation.participant(actor, participant, 'en');
      return {
        url: `${baseUrl(request)}/editions/${slug}/agenda/${await agendaToken(participant)}.ics`,
      };
    },
  );

  app.get(
    '/editions/:slug/agenda/:token',
    {
      schema: {
        ...hide,
        params: Type.Object({ slug: Slug, token: Type.String({ maxLength: 100 }) }),
      },
    },
    async (request, reply) => {
      const { slug, token } = request.params as { slug: string; token: string };
      const match = /^([0-9a-f]{32})\.([\w-]{22})\.ics$/.exec(token);
      const id = match
        ? `${match[1]!.slice(0, 8)}-${match[1]!.slice(8, 12)}-${match[1]!.slice(12, 16)}-${match[1]!.slice(16, 20)}-${match[1]!.slice(20)}`
        : '';
      if (!match || !safeEqual(await agendaToken(id), `${match[1]}.${match[2]}`)) {
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: 'No such agenda feed.' } });
      }
      const view = await programme.agenda(slug, id);
      const person = view.sessions.flatMap((s) => s.people).find((p) => p.participantId === id);
      const body = programmeToIcal(
        { ...view, edition: { ...view.edition, baseUrl: baseUrl(request) } },
        {
          lang: request.lang,
          scope: {
            kind: 'agenda',
            participantId: id,
            name: person ? (person.name[request.lang] ?? person.name.en ?? '') : '',
          },
        },
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=60')
        .send(body);
    },
  );
}
