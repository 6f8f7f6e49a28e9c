/**
 * Lists of speakers over HTTP: the hall's view (public for published sessions), one command at a
 * time (signed in, CSRF as everywhere), and a server-sent event stream that sends the view at
 * once and again after every change, from whichever Plenary process made it (live.ts).
 */
import type { ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Lang } from '../../platform/i18n/i18n.js';
import { Code, errorResponses, LangQuery, Slug, Uuid } from '../../platform/schemas.js';
import { requireUser } from '../../server/auth.plugin.js';
import type { Services } from '../../server/context.js';
import type { Actor } from '../accounts/actor.js';
import type { SpeakersCommand, SpeakersView } from './speakers.service.js';

const SessionCode = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });
const params = Type.Object({ slug: Slug, code: SessionCode });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Seconds = Nullable(Type.Integer({ minimum: 1, maximum: 86_400 }));
const Speaker = Type.Optional(Nullable(Uuid));

/** One command: the engine's command types, delegations by code, speakers by participant id. */
const command = <
  T extends string,
  P extends Record<string, Parameters<typeof Type.Object>[0][string]>,
>(
  type: T,
  properties: P,
) => Type.Object({ type: Type.Literal(type), ...properties }, { additionalProperties: false });

export const SpeakersCommandSchema = Type.Union([
  command('speaker.inscribe', { delegation: Code, participantId: Uuid }),
  command('speaker.withdraw', { delegation: Code }),
  command('speaker.change', { delegation: Code, participantId: Uuid }),
  command('speaker.swap', { delegations: Type.Array(Code, { minItems: 2, maxItems: 2 }) }),
  command('speaker.next', { startTimer: Type.Optional(Type.Boolean()) }),
  command('speaker.point_of_order', { delegation: Code, participantId: Speaker }),
  command('speaker.right_of_reply', { delegation: Code, participantId: Speaker }),
  command('speaker.withdraw_right_of_reply', { delegation: Code }),
  command('list.close', {}),
  command('list.reopen', {}),
  command('list.set_first_speakers', { delegations: Type.Array(Code, { maxItems: 20 }) }),
  command('list.configure', {
    settings: Type.Object(
      {
        memberStatesFirst: Type.Optional(Type.Boolean()),
        speakingTimeSeconds: Type.Optional(Seconds),
        rightOfReplySeconds: Type.Optional(Seconds),
      },
      { additionalProperties: false },
    ),
  }),
  command('list.end_of_day', {}),
  command('timer.start', {}),
  command('timer.pause', {}),
  command('timer.resume', {}),
  command('timer.reset', {}),
]);

const Delegation = Type.Object({ code: Type.String(), name: Type.String() });
const SpeakerRef = Nullable(Type.Object({ name: Type.String(), title: Type.String() }));
const TurnKind = Type.Union([
  Type.Literal('regular'),
  Type.Literal('point_of_order'),
  Type.Literal('right_of_reply'),
]);
const QueueEntry = Type.Object({
  kind: TurnKind,
  delegation: Delegation,
  speaker: SpeakerRef,
  rank: Nullable(Type.String()),
  rankLabel: Nullable(Type.String()),
  resumes: Type.Boolean(),
  explanation: Type.String(),
});
const FloorRequest = Type.Object({
  delegation: Delegation,
  speaker: SpeakerRef,
  requestedAt: Type.String(),
});

export const SpeakersViewSchema = Type.Object({
  edition: Type.Object({ slug: Type.String(), name: Type.String(), timeZone: Type.String() }),
  session: Type.Object({
    code: Type.String(),
    title: Type.String(),
    status: Type.String(),
    room: Type.String(),
    startsAt: Type.String(),
    endsAt: Type.String(),
  }),
  version: Type.Integer(),
  asOf: Type.String(),
  open: Type.Boolean(),
  phase: Type.Union([Type.Literal('regular'), Type.Literal('rights_of_reply')]),
  settings: Type.Object({
    speakingTimeSeconds: Nullable(Type.Integer()),
    rightOfReplySeconds: Nullable(Type.Integer()),
    memberStatesFirst: Type.Boolean(),
  }),
  current: Nullable(
    Type.Object({
      kind: TurnKind,
      delegation: Delegation,
      speaker: SpeakerRef,
      attendance: Type.Union([
        Type.Literal('present'),
        Type.Literal('video_message'),
        Type.Literal('live_link'),
      ]),
      startedAt: Type.String(),
    }),
  ),
  timer: Type.Object({
    limitMs: Nullable(Type.Integer()),
    elapsedMs: Type.Integer(),
    remainingMs: Nullable(Type.Integer()),
    running: Type.Boolean(),
    overrun: Type.Boolean(),
    overrunMs: Type.Integer(),
  }),
  next: Type.Array(QueueEntry),
  queue: Type.Array(QueueEntry),
  pointsOfOrder: Type.Array(FloorRequest),
  rightsOfReply: Type.Array(FloorRequest),
  firstSpeakers: Type.Array(Delegation),
  swapNotices: Type.Array(
    Type.Object({ delegations: Type.Array(Delegation), confirmedBy: Type.Array(Delegation) }),
  ),
  spoken: Type.Integer(),
});

/** How often an idle stream sends a comment, so proxies and browsers keep it open. */
export const HEARTBEAT_MS = 15_000;

export function registerSpeakersRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { speakers, live } = services;
  const tags = ['speakers'];
  const base = '/api/editions/:slug/sessions/:code/speakers';

  app.get(
    base,
    {
      schema: {
        tags,
        summary:
          'The list of speakers as the hall sees it (public for published sessions): current speaker, timer, next, the ordered list with reasons',
        params,
        querystring: Type.Object(LangQuery),
        response: { 200: SpeakersViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return speakers.view(request.actor, request.params.slug, request.params.code, request.lang);
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Give one command on the list (focal point: for its own delegation; secretariat: everything). 409 speakers_list_closed, already_inscribed…',
        params,
        querystring: Type.Object(LangQuery),
        body: SpeakersCommandSchema,
        response: { 200: SpeakersViewSchema, ...errorResponses },
      },
    },
    async (request) =>
      speakers.command(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.body as SpeakersCommand,
        request.lang,
      ),
  );

  // Open event streams, ended before the server closes (an open stream would hold app.close()).
  const streams = new Set<ServerResponse>();
  root.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
    streams.clear();
  });

  /** One database read per change, language and process, however many screens follow the list. */
  const reading = new Map<string, Promise<SpeakersView>>();
  /** The event for a view, written once however many screens receive the same view object. */
  const events = new WeakMap<object, string>();
  function eventText(view: { version: number }): string {
    let text = events.get(view);
    if (text === undefined) {
      text = `id: ${view.version}\nevent: view\ndata: ${JSON.stringify(view)}\n\n`;
      events.set(view, text);
    }
    return text;
  }

  function sharedView(actor: Actor, slug: string, code: string, lang: Lang, version: number) {
    const key = `${actor.kind === 'public' ? 'public' : JSON.stringify(actor)}|${slug}|${code}|${lang}|${version}`;
    let pending = reading.get(key);
    if (!pending) {
      pending = speakers.view(actor, slug, code, lang).finally(() => reading.delete(key));
      reading.set(key, pending);
    }
    return pending;
  }

  app.get(
    `${base}/events`,
    {
      schema: {
        tags,
        summary:
          'Server-sent events: `view` with the whole view at once and after every change; a comment every 15 s',
        params,
        querystring: Type.Object(LangQuery),
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const { slug, code } = request.params;
      const { actor, lang } = request;
      // Errors (no such session, a draft for the public) are ordinary JSON answers, before streaming.
      const channel = await speakers.channel(actor, slug, code);
      reply.hijack();
      const res = reply.raw;
      // Helmet's security headers and any cookie set for this request, then the stream's own.
      const headers: Record<string, string | number | string[]> = {};
      for (const [name, value] of Object.entries(reply.getHeaders()))
        if (value !== undefined) headers[name] = value;
      res.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      streams.add(res);

      let closed = false;
      let sending = false;
      let again = false;
      let lastVersion: number | null = null;
      let heardVersion = -1;
      const send = async () => {
        if (sending) {
          again = true;
          return;
        }
        sending = true;
        try {
          do {
            again = false;
            const view = await sharedView(actor, slug, code, lang, heardVersion);
            if (closed) return;
            if (view.version !== lastVersion) {
              lastVersion = view.version;
              res.write(eventText(view));
            }
          } while (again && !closed);
        } catch (error) {
          request.log.warn({ err: error }, 'speakers stream: reading the view failed');
          if (!closed)
            res.write(`event: problem\ndata: ${JSON.stringify({ code: 'unavailable' })}\n\n`);
        } finally {
          sending = false;
        }
      };
      const unsubscribe = live.subscribe(channel, (payload) => {
        heardVersion = payload.version;
        void send();
      });
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      res.on('close', () => {
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(res);
      });
      // Subscribed first, then read: a change made meanwhile is not missed.
      await live.ready();
      await send();
    },
  );
}
