/**
 * Statements and themes under /api: reading and searching is public (published statements);
 * recording statements and themes is the secretariat's.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ATTENDANCE_MODES } from '../../db/schema.js';
import {
  Code,
  errorResponses,
  Instant,
  LangQuery,
  Localized,
  PageQuery,
  Slug,
  Uuid,
} from '../../platform/schemas.js';
import { requireUser } from '../../server/auth.plugin.js';
import type { Services } from '../../server/context.js';
import { isSecretariat } from '../accounts/actor.js';
import { MAX_SEARCH_LIMIT } from './statements.service.js';

const literalUnion = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const LanguageTag = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)*$', maxLength: 35 });
const SessionCode = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });
const ThemeCode = Type.String({ pattern: '^[a-z0-9_]+$', minLength: 2, maxLength: 64 });
/** A statement's texts: longer than a label (Localized caps those at 300 characters). */
const Texts = Type.Record(LanguageTag, Type.String({ minLength: 1, maxLength: 100_000 }), {
  minProperties: 1,
});

const ThemeSchema = Type.Object({ code: Type.String(), name: Localized });
const EditionRefSchema = Type.Object({
  slug: Type.String(),
  name: Localized,
  timeZone: Type.String(),
});

export const StatementSchema = Type.Object({
  id: Type.String(),
  session: Nullable(
    Type.Object({ code: Type.String(), title: Localized, startsAt: Type.String() }),
  ),
  delegation: Type.Object({ code: Type.String(), name: Localized }),
  speaker: Nullable(
    Type.Object({ participantId: Type.String(), name: Localized, title: Localized }),
  ),
  deliveredAt: Nullable(Type.String()),
  attendance: Type.String(),
  originalLanguage: Type.String(),
  texts: Type.Record(Type.String(), Type.String()),
  isSummary: Type.Boolean(),
  positions: Type.Array(ThemeSchema),
  published: Type.Boolean(),
  createdAt: Type.String(),
});

const SnippetSchema = Type.Object({
  lang: Type.String(),
  parts: Type.Array(Type.Object({ text: Type.String(), mark: Type.Boolean() })),
});

const StatementFields = {
  sessionCode: Type.Optional(Nullable(SessionCode)),
  participantId: Type.Optional(Nullable(Uuid)),
  deliveredAt: Type.Optional(Nullable(Instant)),
  attendance: Type.Optional(literalUnion(ATTENDANCE_MODES)),
  texts: Texts,
  isSummary: Type.Optional(Type.Boolean()),
  positions: Type.Optional(Type.Array(ThemeCode, { maxItems: 50 })),
  published: Type.Optional(Type.Boolean()),
};

export function registerStatementsRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { statements } = services;
  const tags = ['statements'];
  const params = Type.Object({ slug: Slug });

  app.get(
    '/api/editions/:slug/statements',
    {
      schema: {
        tags,
        summary:
          'Statements of an edition, a session, a delegation or a theme, in the order delivered (published; the secretariat sees all)',
        params,
        querystring: Type.Object({
          session: Type.Optional(SessionCode),
          delegation: Type.Optional(Code),
          theme: Type.Optional(ThemeCode),
          ...PageQuery,
          ...LangQuery,
        }),
        response: {
          200: Type.Object({
            edition: EditionRefSchema,
            session: Nullable(
              Type.Object({
                code: Type.String(),
                title: Localized,
                startsAt: Type.String(),
                endsAt: Type.String(),
              }),
            ),
            delegation: Nullable(Type.Object({ code: Type.String(), name: Localized })),
            items: Type.Array(StatementSchema),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { session, delegation, theme, page, pageSize } = request.query;
      // The secretariat's view holds drafts: never cached where others could read it.
      reply.header(
        'cache-control',
        isSecretariat(request.actor) ? 'private, no-store' : 'public, max-age=30',
      );
      return statements.list(request.actor, request.params.slug, {
        session,
        delegation,
        theme,
        page,
        pageSize,
      });
    },
  );

  app.get(
    '/api/editions/:slug/statements/search',
    {
      schema: {
        tags,
        summary:
          'Search published statements in every language: each word must match; Japanese and Chinese compounds match as phrases',
        params,
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 200 }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SEARCH_LIMIT })),
          ...LangQuery,
        }),
        response: {
          200: Type.Object({
            edition: EditionRefSchema,
            query: Type.String(),
            words: Type.Array(Type.String()),
            items: Type.Array(
              Type.Object({
                statement: StatementSchema,
                snippet: SnippetSchema,
                score: Type.Integer(),
              }),
            ),
            more: Type.Boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=30');
      return statements.search(request.params.slug, request.query.q, {
        lang: request.lang,
        limit: request.query.limit,
      });
    },
  );

  app.get(
    '/api/editions/:slug/themes',
    {
      schema: {
        tags,
        summary: "The edition's vocabulary of themes that statements take positions on",
        params,
        response: { 200: Type.Object({ items: Type.Array(ThemeSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await statements.themes(request.params.slug) }),
  );

  app.post(
    '/api/editions/:slug/themes',
    {
      schema: {
        tags,
        summary: 'Add a theme to the vocabulary (secretariat)',
        params,
        body: Type.Object({
          code: ThemeCode,
          name: Type.Intersect([
            Localized,
            Type.Object({ en: Type.String({ minLength: 1, maxLength: 300 }) }),
          ]),
        }),
        response: { 201: ThemeSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await statements.createTheme(requireUser(request), request.params.slug, request.body),
        ),
  );

  app.post(
    '/api/editions/:slug/statements',
    {
      schema: {
        tags,
        summary: 'Record a statement (secretariat); positions must be themes of the edition',
        params,
        body: Type.Object({
          ...StatementFields,
          delegationCode: Code,
          originalLanguage: LanguageTag,
        }),
        response: { 201: StatementSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await statements.create(requireUser(request), request.params.slug, request.body)),
  );

  app.patch(
    '/api/editions/:slug/statements/:id',
    {
      schema: {
        tags,
        summary:
          'Change a statement: its texts, positions, session, speaker or publication (secretariat)',
        params: Type.Object({ slug: Slug, id: Uuid }),
        body: Type.Partial(
          Type.Object({ ...StatementFields, delegationCode: Code, originalLanguage: LanguageTag }),
          { minProperties: 1 },
        ),
        response: { 200: StatementSchema, ...errorResponses },
      },
    },
    async (request) =>
      statements.update(requireUser(request), request.params.slug, request.params.id, request.body),
  );
}
