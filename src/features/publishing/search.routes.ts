/**
 * The one search of an edition under /api: statements, documents and readouts, each kind under
 * the caller's access (the public: published texts; focal points and the secretariat: drafts).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, LangQuery, Localized, Slug } from '../../platform/schemas.js';
import type { Services } from '../../server/context.js';
import { MAX_SEARCH_LIMIT } from '../statements/statements.service.js';
import { parseKinds, SEARCH_KINDS } from './search.service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Kind = Type.Union([
  Type.Literal('statement'),
  Type.Literal('document'),
  Type.Literal('readout'),
]);
const KindList = Type.String({
  pattern: `^(${SEARCH_KINDS.join('|')})(,(${SEARCH_KINDS.join('|')}))*$`,
  maxLength: 64,
});

export const SearchHitSchema = Type.Object({
  kind: Kind,
  id: Type.String(),
  title: Type.String(),
  href: Type.String(),
  delegation: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  session: Nullable(Type.String()),
  document: Nullable(
    Type.Object({
      code: Type.String(),
      version: Type.Integer(),
      current: Type.Boolean(),
      status: Type.String(),
      amendment: Nullable(Type.Object({ paragraphId: Type.String(), status: Type.String() })),
    }),
  ),
  readout: Nullable(Type.Object({ lang: Type.String(), status: Type.String() })),
  snippet: Type.Object({
    lang: Type.String(),
    parts: Type.Array(Type.Object({ text: Type.String(), mark: Type.Boolean() })),
  }),
  score: Type.Integer(),
});

export function registerSearchRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { search } = services.publishing;

  api.get(
    '/api/editions/:slug/search',
    {
      schema: {
        tags: ['publishing'],
        summary:
          'Search statements, documents and readouts in every language; drafts only for those who may read them',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 200 }),
          kinds: Type.Optional(KindList),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SEARCH_LIMIT })),
          ...LangQuery,
        }),
        response: {
          200: Type.Object({
            edition: Type.Object({ slug: Type.String(), name: Localized, timeZone: Type.String() }),
            query: Type.String(),
            words: Type.Array(Type.String()),
            kinds: Type.Array(Kind),
            items: Type.Array(SearchHitSchema),
            counts: Type.Object({
              statement: Type.Integer(),
              document: Type.Integer(),
              readout: Type.Integer(),
            }),
            more: Type.Boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      // Drafts are in a signed-in reader's results: never cached where others could read them.
      reply.header(
        'cache-control',
        request.actor.kind === 'public' ? 'public, max-age=30' : 'private, no-store',
      );
      return search.search(request.actor, request.params.slug, request.query.q, {
        lang: request.lang,
        kinds: parseKinds(request.query.kinds),
        limit: request.query.limit,
      });
    },
  );
}
