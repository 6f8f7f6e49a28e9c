/**
 * Public pages, server-rendered: their content is in the HTML without JavaScript. They show only
 * what is public (editions, participating organisations and counts) and are cacheable.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { Slug } from '../../platform/schemas.js';
import type { Services } from '../../server/context.js';
import {
  EditionPage,
  HomePage,
  publicPaths,
  renderPublicPage,
  SeriesPage,
} from '../../web/public-pages/index.js';

const STYLESHEET = fileURLToPath(new URL('../../web/public-pages/public.css', import.meta.url));

function sendPage(reply: FastifyReply, html: string) {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=60')
    .header('vary', 'Accept-Language, Cookie')
    .send(html);
}

export function registerPublicPages(app: FastifyInstance, services: Services): void {
  const { conferences } = services;
  const css = readFileSync(STYLESHEET, 'utf8');
  const hide = { hide: true };

  app.get(publicPaths.stylesheet, { schema: hide }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  app.get('/', { schema: hide }, async (request, reply) => {
    const series = await conferences.allSeries(request.lang);
    return sendPage(reply, renderPublicPage(HomePage, { lang: request.lang, series }));
  });

  app.get(
    '/series/:slug',
    { schema: { ...hide, params: Type.Object({ slug: Slug }) } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const series = await conferences.series(slug, request.lang);
      return sendPage(reply, renderPublicPage(SeriesPage, { lang: request.lang, series }));
    },
  );

  app.get(
    '/editions/:slug',
    { schema: { ...hide, params: Type.Object({ slug: Slug }) } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const edition = await conferences.describeEdition(slug, request.lang);
      const [series, organisations] = await Promise.all([
        conferences.series(edition.series.slug, request.lang),
        conferences.participatingOrganisations(slug, request.lang),
      ]);
      return sendPage(
        reply,
        renderPublicPage(EditionPage, {
          lang: request.lang,
          edition,
          timeline: series.editions,
          organisations,
        }),
      );
    },
  );
}
