/**
 * Thin routes: validate, call one service function, present. Uploads are read whole, within
 * the multipart limits set in the server (files are small: photos, letters, participant lists).
 */
import type { MultipartFile } from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { PlenaryError } from '../../platform/errors.js';
import {
  Category,
  Code,
  ErrorResponse,
  errorResponses,
  Instant,
  LangQuery,
  Localized,
  PageQuery,
  Rank,
  Slug,
  Status,
  Uuid,
} from '../../platform/schemas.js';
import { requireUser } from '../../server/auth.plugin.js';
import type { Services } from '../../server/context.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const ParticipantView = Type.Object({
  id: Type.String(),
  delegationCode: Type.String(),
  familyName: Localized,
  givenName: Localized,
  displayName: Type.String(),
  title: Localized,
  rank: Type.String(),
  category: Type.String(),
  email: NullableString,
  gender: NullableString,
  nationality: NullableString,
  dateOfBirth: Type.Optional(NullableString),
  passportNumber: Type.Optional(NullableString),
  status: Type.String(),
  decisionReason: NullableString,
  decidedAt: NullableString,
  hasPhoto: Type.Boolean(),
  photoRequired: Type.Boolean(),
  consentToPublish: Type.Boolean(),
  checkedInAt: NullableString,
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const QueueItem = Type.Intersect([
  ParticipantView,
  Type.Object({ delegationName: Type.String(), hasCredentials: Type.Boolean() }),
]);

const FileInfo = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
  byteSize: Type.Integer(),
  uploadedAt: Type.String(),
});
const Counts = Type.Object({
  nominated: Type.Integer(),
  approved: Type.Integer(),
  rejected: Type.Integer(),
  withdrawn: Type.Integer(),
});

const DelegationView = Type.Object({
  code: Type.String(),
  editionSlug: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  iso3: NullableString,
  head: Type.Union([ParticipantView, Type.Null()]),
  composition: Type.String(),
  reopenedUntil: NullableString,
  credentials: Type.Array(FileInfo),
  counts: Counts,
});

const ParticipantFields = {
  familyName: Type.Intersect([
    Localized,
    Type.Object({ en: Type.String({ minLength: 1, maxLength: 100 }) }),
  ]),
  givenName: Type.Optional(Localized),
  title: Type.Optional(Localized),
  rank: Rank,
  category: Category,
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
  gender: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  nationality: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Z]{3}$' }), Type.Null()])),
  dateOfBirth: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
  passportNumber: Type.Optional(
    Type.Union([Type.String({ pattern: '^[A-Za-z0-9]{5,20}$' }), Type.Null()]),
  ),
  consentToPublish: Type.Optional(Type.Boolean()),
};

const EditionDelegation = Type.Object({ slug: Slug, code: Code });
const ById = Type.Object({ id: Uuid });
const Cursor = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,200}$',
  description: 'A cursor from an earlier page (next or previous)',
});
/** A keyset-paged list: cursors instead of page numbers, the total counted up to a cap. */
const CursorPage = (item: Parameters<typeof Type.Array>[0]) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'Matching rows, counted up to a cap' }),
    totalCapped: Type.Boolean({ description: 'There are more than total rows' }),
    pageSize: Type.Integer(),
    next: Type.Union([Type.String(), Type.Null()]),
    previous: Type.Union([Type.String(), Type.Null()]),
  });
const Page = (item: Parameters<typeof Type.Array>[0]) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

async function readUpload(
  request: FastifyRequest,
): Promise<{ file: MultipartFile; bytes: Uint8Array; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw new PlenaryError(
      'invalid_file',
      'Send the file as multipart/form-data in a field named "file".',
    );
  }
  const fields: Record<string, string> = {};
  let found: { file: MultipartFile; bytes: Uint8Array } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = new Uint8Array(await part.toBuffer());
      if (part.fieldname === 'file' && !found) found = { file: part, bytes };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!found)
    throw new PlenaryError('invalid_file', 'No file was sent: use a multipart field named "file".');
  return { ...found, fields };
}

function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`;
}

export function registerAccreditationRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { accreditation, badges } = services;
  const tags = ['accreditation'];
  const uploadBody = { consumes: ['multipart/form-data'] };

  app.get(
    '/api/editions/:slug/delegations',
    {
      schema: {
        tags,
        summary: 'Delegations with their counts (secretariat: all; focal point: its own)',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object(LangQuery),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                name: Type.String(),
                kind: Type.String(),
                head: Type.Union([
                  Type.Object({ name: Type.String(), title: Type.String() }),
                  Type.Null(),
                ]),
                counts: Counts,
                hasCredentials: Type.Boolean(),
                reopenedUntil: NullableString,
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      accreditation.listDelegations(requireUser(request), request.params.slug, request.lang),
  );

  app.get(
    '/api/editions/:slug/delegations/:code',
    {
      schema: {
        tags,
        summary: 'A delegation: head, documents, counts',
        params: EditionDelegation,
        querystring: Type.Object(LangQuery),
        response: { 200: DelegationView, ...errorResponses },
      },
    },
    async (request) =>
      accreditation.delegation(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.lang,
      ),
  );

  app.post(
    '/api/editions/:slug/delegations/:code/reopen',
    {
      schema: {
        tags,
        summary:
          "Reopen a delegation's nominations until a moment, or close them again with null (secretariat)",
        params: EditionDelegation,
        body: Type.Object({ until: Type.Union([Instant, Type.Null()]) }),
        response: { 200: DelegationView, ...errorResponses },
      },
    },
    async (request) =>
      accreditation.reopenDelegation(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.body.until,
        request.lang,
      ),
  );

  app.put(
    '/api/editions/:slug/delegations/:code/head',
    {
      schema: {
        tags,
        summary: 'Choose the head of delegation',
        params: EditionDelegation,
        body: Type.Object({ participantId: Uuid }),
        response: { 200: DelegationView, ...errorResponses },
      },
    },
    async (request) =>
      accreditation.setHead(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.body.participantId,
        request.lang,
      ),
  );

  app.post(
    '/api/editions/:slug/delegations/:code/credentials',
    {
      schema: {
        tags,
        summary: 'Upload the credentials letter (PDF, field "file")',
        ...uploadBody,
        params: EditionDelegation,
        response: { 201: FileInfo, ...errorResponses, 413: ErrorResponse },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const upload = await readUpload(request);
      const file = await accreditation.uploadCredentials(
        actor,
        request.params.slug,
        request.params.code,
        { fileName: upload.file.filename, bytes: upload.bytes },
      );
      return reply.status(201).send(file);
    },
  );

  app.get(
    '/api/files/:id',
    { schema: { tags, summary: "Download a delegation's document", params: ById } },
    async (request, reply) => {
      const file = await accreditation.file(requireUser(request), request.params.id);
      reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachment(file.fileName))
        .header('cache-control', 'private, no-store');
      return reply.send(Buffer.from(file.bytes));
    },
  );

  app.get(
    '/api/editions/:slug/delegations/:code/participants',
    {
      schema: {
        tags,
        summary: "A delegation's members",
        params: EditionDelegation,
        querystring: Type.Object({
          ...LangQuery,
          ...PageQuery,
          status: Type.Optional(Status),
          q: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: { 200: Page(ParticipantView), ...errorResponses },
      },
    },
    async (request) =>
      accreditation.listMembers(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.query,
        request.lang,
      ),
  );

  app.post(
    '/api/editions/:slug/delegations/:code/participants',
    {
      schema: {
        tags,
        summary: 'Nominate a member',
        params: EditionDelegation,
        querystring: Type.Object(LangQuery),
        body: Type.Object(ParticipantFields),
        response: { 201: ParticipantView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await accreditation.nominate(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.body,
        request.lang,
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/editions/:slug/delegations/:code/import',
    {
      schema: {
        tags,
        summary:
          'Nominate members in bulk from CSV or XLSX (fields "file" and "mode": validate | all-or-nothing | valid-rows)',
        ...uploadBody,
        params: EditionDelegation,
        response: {
          200: Type.Object({
            total: Type.Integer(),
            valid: Type.Integer(),
            imported: Type.Integer(),
            errors: Type.Array(
              Type.Object({
                line: Type.Optional(Type.Integer()),
                field: Type.Optional(Type.String()),
                code: Type.String(),
                message: Type.String(),
              }),
            ),
          }),
          ...errorResponses,
          413: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const upload = await readUpload(request);
      const mode = upload.fields.mode ?? 'validate';
      if (mode !== 'validate' && mode !== 'all-or-nothing' && mode !== 'valid-rows') {
        throw new PlenaryError(
          'validation_failed',
          'mode must be one of validate, all-or-nothing, valid-rows.',
          { details: [{ field: 'mode', code: 'invalid', message: 'Unknown mode.' }] },
        );
      }
      return accreditation.importParticipants(actor, request.params.slug, request.params.code, {
        fileName: upload.file.filename,
        bytes: upload.bytes,
        mode,
      });
    },
  );

  app.get(
    '/api/participants/:id',
    {
      schema: {
        tags,
        summary: 'A participant',
        params: ById,
        querystring: Type.Object(LangQuery),
        response: { 200: ParticipantView, ...errorResponses },
      },
    },
    async (request) =>
      accreditation.participant(requireUser(request), request.params.id, request.lang),
  );

  app.patch(
    '/api/participants/:id',
    {
      schema: {
        tags,
        summary: 'Edit a nomination (an approved one returns to review)',
        params: ById,
        querystring: Type.Object(LangQuery),
        body: Type.Object({
          ...Type.Partial(Type.Object(ParticipantFields)).properties,
          version: Type.Integer({ minimum: 1 }),
        }),
        response: { 200: ParticipantView, ...errorResponses },
      },
    },
    async (request) =>
      accreditation.update(
        requireUser(request),
        request.params.id,
        request.body as never,
        request.lang,
      ),
  );

  app.post(
    '/api/participants/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a nomination',
        params: ById,
        querystring: Type.Object(LangQuery),
        response: { 200: ParticipantView, ...errorResponses },
      },
    },
    async (request) =>
      accreditation.withdraw(requireUser(request), request.params.id, request.lang),
  );

  app.put(
    '/api/participants/:id/photo',
    {
      schema: {
        tags,
        summary: 'Upload a member\'s photo (JPEG or PNG, field "file")',
        ...uploadBody,
        params: ById,
        querystring: Type.Object(LangQuery),
        response: { 200: ParticipantView, ...errorResponses, 413: ErrorResponse },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const upload = await readUpload(request);
      return accreditation.setPhoto(
        actor,
        request.params.id,
        { fileName: upload.file.filename, bytes: upload.bytes },
        request.lang,
      );
    },
  );

  app.get(
    '/api/participants/:id/photo',
    { schema: { tags, summary: "A member's photo", params: ById } },
    async (request, reply) => {
      const photo = await accreditation.photo(requireUser(request), request.params.id);
      reply.header('content-type', photo.mediaType).header('cache-control', 'private, no-store');
      return reply.send(Buffer.from(photo.bytes));
    },
  );

  app.get(
    '/api/editions/:slug/queue',
    {
      schema: {
        tags,
        summary: "The secretariat's review queue",
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object({
          ...LangQuery,
          pageSize: PageQuery.pageSize,
          after: Type.Optional(Cursor),
          before: Type.Optional(Cursor),
          status: Type.Optional(
            Type.Union([Status, Type.Literal('all')], {
              description: 'Nominations by default; "all" for every status',
            }),
          ),
          category: Type.Optional(Category),
          delegation: Type.Optional(Code),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          hasPhoto: Type.Optional(Type.Boolean()),
        }),
        response: { 200: CursorPage(QueueItem), ...errorResponses },
      },
    },
    async (request) =>
      accreditation.queue(requireUser(request), request.params.slug, request.query, request.lang),
  );

  app.post(
    '/api/participants/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a nomination (secretariat)',
        params: ById,
        querystring: Type.Object(LangQuery),
        response: { 200: ParticipantView, ...errorResponses },
      },
    },
    async (request) =>
      accreditation.decide(
        requireUser(request),
        request.params.id,
        'approve',
        undefined,
        request.lang,
      ),
  );

  app.post(
    '/api/participants/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a nomination with a reason (secretariat)',
        params: ById,
        querystring: Type.Object(LangQuery),
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }),
        response: { 200: ParticipantView, ...errorResponses },
      },
    },
    async (request) =>
      accreditation.decide(
        requireUser(request),
        request.params.id,
        'reject',
        request.body.reason,
        request.lang,
      ),
  );

  app.post(
    '/api/editions/:slug/decisions',
    {
      schema: {
        tags,
        summary: 'Approve or reject many nominations at once (secretariat)',
        params: Type.Object({ slug: Slug }),
        body: Type.Object({
          participantIds: Type.Array(Type.String({ maxLength: 64 }), {
            minItems: 1,
            maxItems: 1000,
          }),
          decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
          reason: Type.Optional(Type.String({ maxLength: 1000 })),
        }),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                id: Type.String(),
                ok: Type.Boolean(),
                code: Type.Optional(Type.String()),
                message: Type.Optional(Type.String()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      results: await accreditation.decideMany(
        requireUser(request),
        request.body.participantIds,
        request.body.decision,
        request.body.reason,
      ),
    }),
  );

  app.get(
    '/api/participants/:id/badge.pdf',
    {
      schema: {
        tags,
        summary: 'The badge of an approved participant (secretariat)',
        params: ById,
        querystring: Type.Object(LangQuery),
      },
    },
    async (request, reply) => {
      const badge = await badges.badge(requireUser(request), request.params.id, request.lang);
      reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${badge.fileName}"`)
        .header('cache-control', 'private, no-store');
      return reply.send(Buffer.from(badge.bytes));
    },
  );

  app.get(
    '/api/editions/:slug/delegations/:code/badges.pdf',
    {
      schema: {
        tags,
        summary: 'Print sheet of the badges of a delegation (secretariat)',
        params: EditionDelegation,
        querystring: Type.Object(LangQuery),
      },
    },
    async (request, reply) => {
      const sheet = await badges.delegationSheet(
        requireUser(request),
        request.params.slug,
        request.params.code,
        request.lang,
      );
      reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${sheet.fileName}"`)
        .header('cache-control', 'private, no-store');
      return reply.send(Buffer.from(sheet.bytes));
    },
  );

  app.post(
    '/api/editions/:slug/check-in',
    {
      schema: {
        tags,
        summary: 'Check a participant in from the code on the badge (secretariat)',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object(LangQuery),
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: {
          200: Type.Object({
            result: Type.Union([Type.Literal('checked_in'), Type.Literal('already_checked_in')]),
            checkedInAt: Type.String(),
            participant: Type.Object({
              id: Type.String(),
              displayName: Type.String(),
              organisation: Type.String(),
              category: Type.String(),
              categoryName: Type.String(),
              categoryColour: Type.String(),
              hasPhoto: Type.Boolean(),
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      badges.checkIn(requireUser(request), request.params.slug, request.body.code, request.lang),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/editions/:slug/participants.${format}`,
      {
        schema: {
          tags,
          summary: `Participant list as ${format.toUpperCase()} (secretariat)`,
          params: Type.Object({ slug: Slug }),
          querystring: Type.Object({ ...LangQuery, status: Type.Optional(Status) }),
        },
      },
      async (request, reply) => {
        const params = request.params as { slug: string };
        const query = request.query as { status?: 'approved' };
        const file = await accreditation.exportParticipants(
          requireUser(request),
          params.slug,
          format,
          query,
          request.lang,
        );
        reply
          .header('content-type', file.mediaType)
          .header('content-disposition', attachment(file.fileName))
          .header('cache-control', 'private, no-store');
        return reply.send(file.body);
      },
    );
  }

  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'The audit log (secretariat)',
        querystring: Type.Object({
          ...PageQuery,
          action: Type.Optional(Type.String({ maxLength: 64 })),
          entityType: Type.Optional(Type.String({ maxLength: 64 })),
          entityId: Type.Optional(Type.String({ maxLength: 100 })),
          actor: Type.Optional(Type.String({ maxLength: 100 })),
          delegation: Type.Optional(Code),
          from: Type.Optional(Instant),
          to: Type.Optional(Instant),
        }),
        response: {
          200: Page(
            Type.Object({
              id: Type.Integer(),
              at: Type.String(),
              actorLabel: Type.String(),
              action: Type.String(),
              entityType: Type.String(),
              entityId: Type.String(),
              before: Type.Unknown(),
              after: Type.Unknown(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => accreditation.audit(requireUser(request), request.query),
  );
}
