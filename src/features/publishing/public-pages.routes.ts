/**
 * Public pages, server-rendered: their content is in the HTML without JavaScript. They show only
 * what is public (editions, participating organisations and counts) and are cacheable.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { Code, Slug } from '../../platform/schemas.js';
import type { Services } from '../../server/context.js';
import {
  EditionPage,
  HomePage,
  publicPaths,
  renderPublicPage,
  SeriesPage,
} from '../../web/public-pages/index.js';
import { SeriesDelegationPage } from '../../web/public-pages/SeriesDelegationPage.js';

const STYLESHEET = fileURLToPath(new URL('../../web/public-pages/public.css', import.meta.url));

function sendPage(reply: FastifyReply, html: string) {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=60')
    .header('vary', 'Accept-Language, Cookie')
    .send(html);
}

export function registerPublicPages(app: FastifyInstance, services: Services): void {
  const { conferences, publishing } = services;
  const css = readFileSync(STYLESHEET, 'utf8');
  const hide = { hide: true };

  app.get(publicPaths.stylesheet, { schema: hide }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  app.get('/', { schema: hide }, async (request, reply) => {
    const series = await conferences.allSeries(request.lang);
    return sendPage(reply, renderPublicPage(HomePage, { lang: request.lang, series }));
  });

  const EditionQuery = Type.Object({
    edition: Type.Optional(Slug),
    lang: Type.Optional(Type.String()),
  });

  // The series: its timeline, and the positions of one edition (?edition=, links on the page).
  app.get(
    '/series/:slug',
    { schema: { ...hide, params: Type.Object({ slug: Slug }), querystring: EditionQuery } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const { edition } = request.query as { edition?: string };
      const [series, positions] = await Promise.all([
        publishing.series.timeline(slug, request.lang),
        publishing.series.positions(slug, request.lang, edition),
      ]);
      return sendPage(
        reply,
        renderPublicPage(SeriesPage, { lang: request.lang, series, positions }),
      );
    },
  );

  app.get(
    '/series/:slug/positions.csv',
    { schema: { ...hide, params: Type.Object({ slug: Slug }), querystring: EditionQuery } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const { edition } = request.query as { edition?: string };
      const csv = await publishing.series.positionsCsv(slug, request.lang, edition);
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .header('vary', 'Accept-Language, Cookie')
        .header(
          'content-disposition',
          `attachment; filename="${slug}-positions${edition ? `-${edition}` : ''}.csv"`,
        )
        .send(csv);
    },
  );

  app.get(
    '/series/:slug/delegations/:code',
    { schema: { ...hide, params: Type.Object({ slug: Slug, code: Code }) } },
    async (request, reply) => {
      const { slug, code } = request.params as { slug: string; code: string };
      const view = await publishing.series.delegationStatements(slug, code, request.lang);
      return sendPage(reply, renderPublicPage(SeriesDelegationPage, { lang: request.lang, view }));
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
