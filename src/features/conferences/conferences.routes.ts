import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, Instant, LangQuery, Slug } from '../../platform/schemas.js';
import type { Services } from '../../server/context.js';
import { presentPublicParticipant } from '../accreditation/participants.presenter.js';
import { organisationName } from './organisation-name.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const EditionSummary = Type.Object({
  slug: Type.String(),
  ordinal: Type.Integer(),
  name: Type.String(),
  city: Type.String(),
  venue: Type.String(),
  hostIso3: Type.String(),
  hostName: Type.String(),
  chair: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  timeZone: Type.String(),
  status: Type.String(),
  outcome: Type.String(),
  countries: NullableInt,
  participants: NullableInt,
});

export const CategoryView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  colour: Type.String(),
  deadline: NullableString,
  reopenedUntil: NullableString,
  open: Type.Boolean(),
});

export const EditionView = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  series: Type.Object({ slug: Type.String(), name: Type.String() }),
  hostIso3: Type.String(),
  hostName: Type.String(),
  host: Type.String(),
  chair: Type.String(),
  city: Type.String(),
  venue: Type.String(),
  timeZone: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  theme: Type.String(),
  status: Type.String(),
  categories: Type.Array(CategoryView),
});

export const OrganisationsView = Type.Object({
  kinds: Type.Array(
    Type.Object({
      kind: Type.String(),
      count: Type.Integer(),
      organisations: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
    }),
  ),
  countries: Type.Integer(),
  organisations: Type.Integer(),
  participants: Type.Integer(),
});

export function registerConferencesRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['conferences'];
  const { conferences } = services;

  app.get(
    '/api/series',
    {
      schema: {
        tags,
        summary: 'Every conference series and its editions',
        querystring: Type.Object(LangQuery),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                slug: Type.String(),
                name: Type.String(),
                editions: Type.Array(EditionSummary),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await conferences.allSeries(request.lang) }),
  );

  app.get(
    '/api/series/:slug',
    {
      schema: {
        tags,
        summary: 'A conference series and its editions',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object(LangQuery),
        response: {
          200: Type.Object({
            slug: Type.String(),
            name: Type.String(),
            editions: Type.Array(EditionSummary),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => conferences.series(request.params.slug, request.lang),
  );

  app.get(
    '/api/editions/:slug',
    {
      schema: {
        tags,
        summary: 'An edition of a conference',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object(LangQuery),
        response: { 200: EditionView, ...errorResponses },
      },
    },
    async (request) => conferences.describeEdition(request.params.slug, request.lang),
  );

  app.get(
    '/api/editions/:slug/organisations',
    {
      schema: {
        tags,
        summary: 'Participating organisations by stakeholder kind, with counts (public)',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object(LangQuery),
        response: { 200: OrganisationsView, ...errorResponses },
      },
    },
    async (request) => conferences.participatingOrganisations(request.params.slug, request.lang),
  );

  app.get(
    '/api/editions/:slug/public-participants',
    {
      schema: {
        tags,
        summary: 'Published list of participants who consented: name, title, organisation only',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object(LangQuery),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                displayName: Type.String(),
                title: Type.String(),
                organisation: Type.String(),
                delegationCode: Type.String(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const rows = await conferences.publicParticipants(request.params.slug);
      if (rows === null) return { items: [] };
      return {
        items: rows.map((r) => ({
          ...presentPublicParticipant(r, request.lang),
          organisation: organisationName(r, request.lang),
          delegationCode: r.delegationCode,
        })),
      };
    },
  );

  app.patch(
    '/api/editions/:slug/categories/:code',
    {
      schema: {
        tags,
        summary: 'Set the nomination deadline of a category, or reopen it (secretariat)',
        params: Type.Object({ slug: Slug, code: Type.String({ maxLength: 32 }) }),
        body: Type.Object({
          deadline: Type.Optional(Type.Union([Instant, Type.Null()])),
          reopenedUntil: Type.Optional(Type.Union([Instant, Type.Null()])),
        }),
        response: { 200: CategoryView, ...errorResponses },
      },
    },
    async (request) =>
      conferences.updateCategory(
        request.actor,
        request.params.slug,
        request.params.code,
        request.body,
        request.lang,
      ),
  );
}
