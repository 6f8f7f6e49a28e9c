/**
 * Outcome documents over HTTP (contract: scratch/DOCUMENTS-API.md). Thin routes: validate, call
 * one service function, present through the response schemas. Reading is open to everyone —
 * the service answers "not found" to the public for anything not adopted.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AMENDMENT_KINDS, AMENDMENT_STATUSES, DOCUMENT_KINDS } from '../../db/schema.js';
import {
  errorResponses,
  LangQuery,
  Localized,
  Nullable,
  Slug,
  Uuid,
} from '../../platform/schemas.js';
import { requireUser } from '../../server/auth.plugin.js';
import type { Services } from '../../server/context.js';

const DocCode = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });
const SessionCode = Type.String({ minLength: 1, maxLength: 64 });
const ByCode = Type.Object({ slug: Slug, code: DocCode });
const ByAmendment = Type.Object({ slug: Slug, code: DocCode, id: Uuid });
/** The text as data; its shape is checked by the service (validateContent). */
const Content = Type.Any();

const VersionSummary = Type.Object({
  number: Type.Integer(),
  label: Localized,
  createdAt: Type.String(),
});
const ParagraphLine = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  sectionId: Type.String(),
  number: Type.String(),
  text: Type.String(),
});
const VersionView = Type.Object({
  number: Type.Integer(),
  label: Localized,
  createdAt: Type.String(),
  content: Content,
  paragraphs: Type.Array(ParagraphLine),
  text: Type.String(),
});
const SummaryFields = {
  code: Type.String(),
  kind: Type.String(),
  title: Localized,
  status: Type.String(),
  currentVersion: Type.Integer(),
  adoptedAt: Nullable(Type.String()),
  adoptionMethod: Nullable(Type.String()),
  silenceDeadline: Nullable(Type.String()),
  silenceBrokenAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  sessionCode: Nullable(Type.String()),
  version: Type.Integer(),
};
const DocumentSummary = Type.Object(SummaryFields);
export const DocumentView = Type.Object({
  ...SummaryFields,
  current: Nullable(VersionView),
  versions: Type.Array(VersionSummary),
  objections: Type.Array(
    Type.Object({ delegation: Type.String(), reason: Nullable(Type.String()), at: Type.String() }),
  ),
});
const AmendmentView = Type.Object({
  id: Type.String(),
  documentCode: Type.String(),
  versionNumber: Type.Integer(),
  paragraphId: Type.String(),
  kind: Type.String(),
  change: Type.Record(Type.String(), Type.Any()),
  reason: Nullable(Type.String()),
  proposer: Type.String(),
  cosponsors: Type.Array(Type.String()),
  status: Type.String(),
  decidedAt: Nullable(Type.String()),
  appliedInVersion: Nullable(Type.Integer()),
  createdAt: Type.String(),
});
const DiffOp = Type.Object({
  op: Type.Union([Type.Literal('equal'), Type.Literal('insert'), Type.Literal('delete')]),
  text: Type.String(),
});
const Comparison = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  lang: Type.String(),
  paragraphs: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      status: Type.String(),
      fromNumber: Nullable(Type.String()),
      toNumber: Nullable(Type.String()),
      ops: Type.Array(DiffOp),
    }),
  ),
  added: Type.Array(Type.String()),
  removed: Type.Array(Type.String()),
  moved: Type.Array(Type.String()),
});
const Change = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: 5000 })),
    start: Type.Optional(Type.Integer({ minimum: 0 })),
    end: Type.Optional(Type.Integer({ minimum: 0 })),
    at: Type.Optional(Type.Integer({ minimum: 0 })),
    paragraphKind: Type.Optional(
      Type.Union([Type.Literal('preambular'), Type.Literal('operative')]),
    ),
  },
  { additionalProperties: false },
);
const DelegationCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{1,31}$' });

export function registerDocumentsRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { documents } = services;
  const tags = ['documents'];
  const base = '/api/editions/:slug/documents';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Documents of an edition (the public: adopted and published only)',
        params: Type.Object({ slug: Slug }),
        response: { 200: Type.Object({ items: Type.Array(DocumentSummary) }), ...errorResponses },
      },
    },
    async (request) => documents.list(request.actor, request.params.slug),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Create a document with its first version (secretariat)',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object(LangQuery),
        body: Type.Object({
          code: DocCode,
          kind: Type.Union(DOCUMENT_KINDS.map((v) => Type.Literal(v))),
          title: Localized,
          content: Type.Record(Type.String(), Type.Any()),
          label: Type.Optional(Localized),
          sessionCode: Type.Optional(Nullable(SessionCode)),
        }),
        response: { 201: DocumentView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const made = await documents.create(
        requireUser(request),
        request.params.slug,
        request.body,
        request.lang,
      );
      return reply.status(201).send(made);
    },
  );

  app.get(
    `${base}/:code`,
    {
      schema: {
        tags,
        summary: 'A document with its current version',
        params: ByCode,
        querystring: Type.Object(LangQuery),
        response: { 200: DocumentView, ...errorResponses },
      },
    },
    async (request) =>
      documents.get(request.actor, request.params.slug, request.params.code, request.lang),
  );

  app.get(
    `${base}/:code/versions/:number`,
    {
      schema: {
        tags,
        summary: 'One version of the text',
        params: Type.Object({ slug: Slug, code: DocCode, number: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object(LangQuery),
        response: { 200: VersionView, ...errorResponses },
      },
    },
    async (request) =>
      documents.version(
        request.actor,
        request.params.slug,
        request.params.code,
        request.params.number,
        request.lang,
      ),
  );

  app.post(
    `${base}/:code/versions`,
    {
      schema: {
        tags,
        summary: 'Decide amendments and issue the next version (facilitator)',
        params: ByCode,
        querystring: Type.Object(LangQuery),
        body: Type.Object({
          label: Localized,
          decisions: Type.Optional(
            Type.Array(
              Type.Object({
                amendmentId: Uuid,
                decision: Type.Union([
                  Type.Literal('accept'),
                  Type.Literal('reject'),
                  Type.Literal('bracket'),
                  Type.Literal('options'),
                ]),
              }),
              { maxItems: 500 },
            ),
          ),
          merges: Type.Optional(
            Type.Array(
              Type.Object({
                amendmentIds: Type.Array(Uuid, { minItems: 1, maxItems: 50 }),
                paragraphId: Type.String({ minLength: 1, maxLength: 100 }),
                text: Type.Optional(Type.String({ maxLength: 5000 })),
                bracket: Type.Optional(Type.Boolean()),
              }),
              { maxItems: 100 },
            ),
          ),
          compilation: Type.Optional(Type.Boolean()),
        }),
        response: { 201: DocumentView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const next = await documents.issueVersion(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.body,
        request.lang,
      );
      return reply.status(201).send(next);
    },
  );

  app.get(
    `${base}/:code/compare`,
    {
      schema: {
        tags,
        summary: 'Two versions compared word by word',
        params: ByCode,
        querystring: Type.Object({
          from: Type.Integer({ minimum: 1 }),
          to: Type.Integer({ minimum: 1 }),
          ...LangQuery,
        }),
        response: { 200: Comparison, ...errorResponses },
      },
    },
    async (request) =>
      documents.compare(
        request.actor,
        request.params.slug,
        request.params.code,
        request.query.from,
        request.query.to,
        request.query.lang,
      ),
  );

  app.get(
    `${base}/:code/compilation`,
    {
      schema: {
        tags,
        summary: 'The compilation text: every proposed amendment in brackets or as options',
        params: ByCode,
        querystring: Type.Object(LangQuery),
        response: {
          200: Type.Object({
            basedOn: Type.Integer(),
            content: Content,
            paragraphs: Type.Array(ParagraphLine),
            text: Type.String(),
            unplaced: Type.Array(Type.String()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      documents.compilation(request.actor, request.params.slug, request.params.code, request.lang),
  );

  app.get(
    `${base}/:code/amendments`,
    {
      schema: {
        tags,
        summary: 'Amendments to a document (delegations and the secretariat)',
        params: ByCode,
        querystring: Type.Object({
          status: Type.Optional(Type.Union(AMENDMENT_STATUSES.map((v) => Type.Literal(v)))),
        }),
        response: { 200: Type.Object({ items: Type.Array(AmendmentView) }), ...errorResponses },
      },
    },
    async (request) =>
      documents.amendments(
        request.actor,
        request.params.slug,
        request.params.code,
        request.query.status,
      ),
  );

  app.post(
    `${base}/:code/amendments`,
    {
      schema: {
        tags,
        summary: 'Propose an amendment (focal point, for its own delegation)',
        params: ByCode,
        body: Type.Object(
          {
            paragraphId: Type.String({ minLength: 1, maxLength: 100 }),
            kind: Type.Union(AMENDMENT_KINDS.map((v) => Type.Literal(v))),
            change: Change,
            reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
            cosponsors: Type.Optional(Type.Array(DelegationCode, { maxItems: 200 })),
          },
          // No "for which delegation": a focal point always proposes for its own.
          { additionalProperties: false },
        ),
        response: { 201: AmendmentView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const made = await documents.propose(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.body,
      );
      return reply.status(201).send(made);
    },
  );

  app.post(
    `${base}/:code/amendments/:id/withdraw`,
    {
      schema: {
        tags,
        summary: 'Withdraw an amendment (the proposing delegation)',
        params: ByAmendment,
        response: { 200: AmendmentView, ...errorResponses },
      },
    },
    async (request) =>
      documents.withdraw(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.params.id,
      ),
  );

  for (const [method, join] of [
    ['POST', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: `${base}/:code/amendments/:id/cosponsors`,
      schema: {
        tags,
        summary: join
          ? 'Co-sponsor an amendment (focal point, own delegation)'
          : 'Stop co-sponsoring an amendment (focal point, own delegation)',
        params: ByAmendment,
        response: { 200: AmendmentView, ...errorResponses },
      },
      handler: async (request) =>
        documents.cosponsor(
          requireUser(request),
          request.params.slug,
          request.params.code,
          request.params.id,
          join,
        ),
    });
  }

  app.post(
    `${base}/:code/status`,
    {
      schema: {
        tags,
        summary: 'Open negotiation: draft → under negotiation (secretariat)',
        params: ByCode,
        querystring: Type.Object(LangQuery),
        body: Type.Object({ status: Type.Literal('under_negotiation') }),
        response: { 200: DocumentView, ...errorResponses },
      },
    },
    async (request) =>
      documents.setStatus(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.body.status,
        request.lang,
      ),
  );

  app.post(
    `${base}/:code/adopt`,
    {
      schema: {
        tags,
        summary: 'Adopt by consensus, at a session (secretariat)',
        params: ByCode,
        querystring: Type.Object(LangQuery),
        body: Type.Object({ sessionCode: Type.Optional(Nullable(SessionCode)) }),
        response: { 200: DocumentView, ...errorResponses },
      },
    },
    async (request) =>
      documents.adopt(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.body,
        request.lang,
      ),
  );

  app.post(
    `${base}/:code/publish`,
    {
      schema: {
        tags,
        summary: 'Publish the adopted text (secretariat)',
        params: ByCode,
        querystring: Type.Object(LangQuery),
        response: { 200: DocumentView, ...errorResponses },
      },
    },
    async (request) =>
      documents.publish(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.lang,
      ),
  );

  app.post(
    `${base}/:code/silence`,
    {
      schema: {
        tags,
        summary: 'Circulate under silence procedure until a deadline (secretariat)',
        params: ByCode,
        querystring: Type.Object(LangQuery),
        body: Type.Object({ hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 90 })) }),
        response: { 200: DocumentView, ...errorResponses },
      },
    },
    async (request) =>
      documents.startSilence(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.body,
        request.lang,
      ),
  );

  app.post(
    `${base}/:code/silence/objections`,
    {
      schema: {
        tags,
        summary: 'Object, breaking silence (focal point)',
        params: ByCode,
        querystring: Type.Object(LangQuery),
        body: Type.Object({ reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }),
        response: { 200: DocumentView, ...errorResponses },
      },
    },
    async (request) =>
      documents.object(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.body,
        request.lang,
      ),
  );
}
