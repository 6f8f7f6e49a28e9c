/**
 * Public pages of statements, server-rendered (content in the HTML, no JavaScript): those of a
 * session, those of a delegation, and the search with its GET form. Published statements only:
 * the public site never carries a session cookie, so every reader is the public here.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { Code, Slug } from '../../platform/schemas.js';
import type { Services } from '../../server/context.js';
import { renderPublicPage } from '../../web/public-pages/render.js';
import {
  DelegationStatementsPage,
  SessionStatementsPage,
} from '../../web/public-pages/StatementsPage.js';
import { UnifiedSearchPage } from '../../web/public-pages/UnifiedSearchPage.js';
import { PUBLIC } from '../accounts/actor.js';
import { parseKinds } from '../publishing/search.service.js';

const SessionCode = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });
/** A page of statements shows them all; a session or delegation has far fewer than this. */
const PAGE_SIZE = 200;

function sendPage(reply: FastifyReply, html: string) {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=60')
    .header('vary', 'Accept-Language, Cookie')
    .send(html);
}

export function registerStatementsPages(app: FastifyInstance, services: Services): void {
  const { statements } = services;
  const hide = { hide: true };

  app.get(
    '/editions/:slug/sessions/:code/statements',
    { schema: { ...hide, params: Type.Object({ slug: Slug, code: SessionCode }) } },
    async (request, reply) => {
      const { slug, code } = request.params as { slug: string; code: string };
      const result = await statements.list(PUBLIC, slug, { session: code, pageSize: PAGE_SIZE });
      return sendPage(
        reply,
        renderPublicPage(SessionStatementsPage, {
          lang: request.lang,
          edition: result.edition,
          session: result.session!,
          items: result.items,
        }),
      );
    },
  );

  app.get(
    '/editions/:slug/delegations/:code/statements',
    { schema: { ...hide, params: Type.Object({ slug: Slug, code: Code }) } },
    async (request, reply) => {
      const { slug, code } = request.params as { slug: string; code: string };
      const result = await statements.list(PUBLIC, slug, { delegation: code, pageSize: PAGE_SIZE });
      return sendPage(
        reply,
        renderPublicPage(DelegationStatementsPage, {
          lang: request.lang,
          edition: result.edition,
          delegation: result.delegation!,
          items: result.items,
        }),
      );
    },
  );

  app.get(
    '/editions/:slug/search',
    {
      schema: {
        ...hide,
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          // The form's checkboxes send kinds=statement&kinds=document; links may send a list.
          kinds: Type.Optional(
            Type.Union([
              Type.String({ maxLength: 64 }),
              Type.Array(Type.String({ maxLength: 16 }), { maxItems: 3 }),
            ]),
          ),
          lang: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const { q, kinds } = request.query as { q?: string; kinds?: string | string[] };
      const query = (q ?? '').trim();
      // The one search (publishing), as the public: statements, documents and readouts.
      const result = await services.publishing.search.search(PUBLIC, slug, query, {
        lang: request.lang,
        kinds: parseKinds(Array.isArray(kinds) ? kinds.join(',') : kinds),
        limit: 20,
      });
      return sendPage(
        reply,
        renderPublicPage(UnifiedSearchPage, { lang: request.lang, result, searched: query !== '' }),
      );
    },
  );
}
