/**
 * Readouts under /api (the delegation's draft: compose, read, edit sections, publish; anyone:
 * the published readout) in JSON, Markdown, HTML or PDF; and the public pages of a published
 * readout and of a published document (the chair's statement and its annexes).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { PlenaryError } from '../../platform/errors.js';
import { isLang, type Lang } from '../../platform/i18n/i18n.js';
import { Code, errorResponses, Slug, Uuid } from '../../platform/schemas.js';
import { requireUser } from '../../server/auth.plugin.js';
import type { Services } from '../../server/context.js';
import { DocumentPage } from '../../web/public-pages/DocumentPage.js';
import { ReadoutPage } from '../../web/public-pages/ReadoutPage.js';
import { renderPublicPage } from '../../web/public-pages/render.js';
import {
  READOUT_SECTIONS,
  type ReadoutContent,
  type ReadoutLang,
  renderReadoutHtml,
  renderReadoutMarkdown,
} from './readout.compose.js';
import { renderReadoutPdf } from './readout.pdf.js';
import type { ReadoutView } from './readouts.service.js';

const ReadoutLangParam = Type.Union([Type.Literal('ja'), Type.Literal('en')]);
const Format = Type.Union([
  Type.Literal('json'),
  Type.Literal('md'),
  Type.Literal('html'),
  Type.Literal('pdf'),
]);
/** The sections' ids (READOUT_SECTIONS), as a tuple so that the type is the union. */
const SectionId = Type.Union([
  Type.Literal('overview'),
  Type.Literal('statements'),
  Type.Literal('chair_statement'),
  Type.Literal('next_meeting'),
  Type.Literal('bilaterals'),
]);
const DocumentCode = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });

const ItemSchema = Type.Object({
  kind: Type.Union([Type.Literal('paragraph'), Type.Literal('caption')]),
  text: Type.String({ maxLength: 20_000 }),
  numbered: Type.Boolean(),
  points: Type.Optional(Type.Array(Type.String({ maxLength: 5_000 }), { maxItems: 100 })),
  photoFileIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
});
const SectionSchema = Type.Object({
  id: SectionId,
  heading: Type.String({ maxLength: 300 }),
  items: Type.Array(ItemSchema, { maxItems: 200 }),
});
const ReadoutSchema = Type.Object({
  edition: Type.Object({ slug: Type.String(), timeZone: Type.String() }),
  delegation: Type.Object({ code: Type.String() }),
  lang: Type.String(),
  status: Type.String(),
  version: Type.Integer(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
  content: Type.Object({
    lang: Type.String(),
    title: Type.String(),
    dateline: Type.String(),
    issuedOn: Type.String(),
    sections: Type.Array(SectionSchema),
  }),
});

const Params = Type.Object({ slug: Slug, code: Code, lang: ReadoutLangParam });
type ParamsOf = { slug: string; code: string; lang: ReadoutLang };

async function sendFormatted(
  reply: FastifyReply,
  readout: ReadoutView,
  format: 'json' | 'md' | 'html' | 'pdf' | undefined,
) {
  const content: ReadoutContent = readout.content;
  const name = `readout-${readout.edition.slug}-${readout.delegation.code}-${readout.lang}`;
  switch (format) {
    case 'md':
      return reply.type('text/markdown; charset=utf-8').send(renderReadoutMarkdown(content));
    case 'html':
      return reply.type('text/html; charset=utf-8').send(renderReadoutHtml(content));
    case 'pdf':
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${name}.pdf"`)
        .send(Buffer.from(await renderReadoutPdf(content)));
    default:
      return readout;
  }
}

function sendPage(reply: FastifyReply, html: string) {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=60')
    .header('vary', 'Accept-Language, Cookie')
    .send(html);
}

export function registerReadoutsRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { readouts } = services;
  const tags = ['readouts'];
  const base = '/api/editions/:slug/delegations/:code/readouts/:lang';
  const FormatQuery = Type.Object({ format: Type.Optional(Format) });

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "The delegation's readout (draft or published), for its focal points",
        params: Params,
        querystring: FormatQuery,
        response: { 200: ReadoutSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { slug, code, lang } = request.params as ParamsOf;
      const readout = await readouts.get(requireUser(request), slug, code, lang);
      return sendFormatted(reply, readout, request.query.format);
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Compose the readout from the records and store it as the draft',
        params: Params,
        body: Type.Optional(Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) })),
        response: { 200: ReadoutSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { slug, code, lang } = request.params as ParamsOf;
      return readouts.compose(requireUser(request), slug, code, lang, request.body?.version);
    },
  );

  app.patch(
    `${base}/sections`,
    {
      schema: {
        tags,
        summary: 'Replace sections of the draft (version check)',
        params: Params,
        body: Type.Object({
          version: Type.Integer({ minimum: 1 }),
          title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
          sections: Type.Array(SectionSchema, { maxItems: READOUT_SECTIONS.length }),
        }),
        response: { 200: ReadoutSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { slug, code, lang } = request.params as ParamsOf;
      return readouts.editSections(requireUser(request), slug, code, lang, request.body);
    },
  );

  app.post(
    `${base}/publish`,
    {
      schema: {
        tags,
        summary: 'Publish the readout',
        params: Params,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
        response: { 200: ReadoutSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { slug, code, lang } = request.params as ParamsOf;
      return readouts.publish(requireUser(request), slug, code, lang, request.body.version);
    },
  );

  app.get(
    `${base}/public`,
    {
      schema: {
        tags,
        summary: 'A published readout, for anyone',
        params: Params,
        querystring: FormatQuery,
        response: { 200: ReadoutSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { slug, code, lang } = request.params as ParamsOf;
      return sendFormatted(reply, await readouts.published(slug, code, lang), request.query.format);
    },
  );

  // ------------------------------------------------------------------ public pages

  const hide = { hide: true };
  const readoutLang = (value: unknown, fallback: Lang): ReadoutLang =>
    isLang(value) ? value : fallback;

  app.get(
    '/editions/:slug/delegations/:code/readout',
    {
      schema: {
        ...hide,
        params: Type.Object({ slug: Slug, code: Code }),
        querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
      },
    },
    async (request, reply) => {
      const { slug, code } = request.params;
      const lang = readoutLang(request.query.lang, request.lang);
      const [readout, documents] = await Promise.all([
        readouts.published(slug, code, lang),
        readouts.publishedDocuments(slug),
      ]);
      return sendPage(reply, renderPublicPage(ReadoutPage, { lang, readout, documents }));
    },
  );

  app.get(
    '/editions/:slug/delegations/:code/readout/photos/:fileId',
    {
      schema: {
        ...hide,
        params: Type.Object({ slug: Slug, code: Code, fileId: Uuid }),
        querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
      },
    },
    async (request, reply) => {
      const { slug, code, fileId } = request.params;
      const lang = readoutLang(request.query.lang, request.lang);
      const photo = await readouts.readoutPhoto(slug, code, lang, fileId);
      if (photo.mediaType !== 'image/jpeg' && photo.mediaType !== 'image/png')
        throw new PlenaryError('file_not_found', 'No such photograph.');
      return reply
        .header('content-type', photo.mediaType)
        .header('cache-control', 'public, max-age=3600')
        .send(Buffer.from(photo.bytes));
    },
  );

  app.get(
    '/editions/:slug/documents/:code',
    { schema: { ...hide, params: Type.Object({ slug: Slug, code: DocumentCode }) } },
    async (request, reply) => {
      const { slug, code } = request.params;
      const document = await readouts.publishedDocument(slug, code);
      return sendPage(reply, renderPublicPage(DocumentPage, { lang: request.lang, document }));
    },
  );

  app.post(
    '/api/editions/:slug/delegations/:code/meetings/:meetingId/photos',
    {
      schema: {
        tags,
        summary:
          'Add a photograph of one of the delegation\'s bilateral meetings (JPEG or PNG, field "file"; optional fields caption_en, caption_ja)',
        consumes: ['multipart/form-data'],
        params: Type.Object({ slug: Slug, code: Code, meetingId: Uuid }),
        response: {
          201: Type.Object({
            id: Type.String(),
            fileId: Type.String(),
            caption: Type.Record(Type.String(), Type.String()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const { slug, code, meetingId } = request.params as {
        slug: string;
        code: string;
        meetingId: string;
      };
      if (!request.isMultipart()) {
        throw new PlenaryError(
          'invalid_file',
          'Send the photograph as multipart/form-data in a field named "file".',
        );
      }
      const caption: Record<string, string> = {};
      let upload: { fileName: string; bytes: Uint8Array } | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const bytes = new Uint8Array(await part.toBuffer());
          if (part.fieldname === 'file' && !upload) upload = { fileName: part.filename, bytes };
        } else if (typeof part.value === 'string' && /^caption_[a-z]{2}$/.test(part.fieldname)) {
          caption[part.fieldname.slice('caption_'.length)] = part.value.slice(0, 300);
        }
      }
      if (!upload)
        throw new PlenaryError(
          'invalid_file',
          'No file was sent: use a multipart field named "file".',
        );
      const photo = await services.readouts.addMeetingPhoto(actor, slug, code, meetingId, {
        ...upload,
        caption,
      });
      return reply.status(201).send(photo);
    },
  );
}
