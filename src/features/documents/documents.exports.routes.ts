/**
 * Downloads of outcome documents: a version as printable HTML, PDF or DOCX
 * (GET /api/editions/:slug/documents/:code/versions/:n.{html,pdf,docx}) and the adopted text as
 * Akoma Ntoso (GET /editions/:slug/documents/:code.akn.xml). Access is the documents service's:
 * delegations and the secretariat read every version; the public reads the current version of
 * an adopted or published document only (anything else is a 404). Rendering is ./exports/ (pure).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { PlenaryError } from '../../platform/errors.js';
import { Slug } from '../../platform/schemas.js';
import type { Services } from '../../server/context.js';
import type { DocumentContent } from './content.js';
import type { createDocumentsService } from './documents.service.js';
import { renderAkomaNtoso } from './exports/akn.js';
import { renderDocumentDocx } from './exports/docx.js';
import { renderDocumentHtml } from './exports/html.js';
import { renderDocumentPdf } from './exports/pdf.js';

type DocumentsService = ReturnType<typeof createDocumentsService>;

const DocumentCode = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });

const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** YYYY-MM-DD of an instant in the venue's time zone (the date a text was adopted there). */
function venueDay(isoInstant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(new Date(isoInstant));
}

function pickText(value: Record<string, string | undefined>, lang: string): string {
  return value[lang] ?? value.en ?? Object.values(value).find(Boolean) ?? '';
}

export function registerDocumentExportRoutes(
  fastify: FastifyInstance,
  services: Pick<Services, 'conferences'> & { documents: DocumentsService },
): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { documents, conferences } = services;

  // One route per format: find-my-way tells `2.pdf` from the service's `versions/:number`.
  for (const format of ['html', 'pdf', 'docx'] as const)
    app.get(
      `/api/editions/:slug/documents/:code/versions/:number.${format}`,
      {
        schema: {
          hide: true,
          params: Type.Object({
            slug: Slug,
            code: DocumentCode,
            number: Type.Integer({ minimum: 1, maximum: 999_999 }),
          }),
          querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 8 })) }),
        },
      },
      async (request, reply) => {
        const { slug, code, number } = request.params;
        const lang = request.lang;
        const document = await documents.get(request.actor, slug, code, lang);
        const version = await documents.version(request.actor, slug, code, number, lang);
        const input = {
          title: pickText(document.title, lang),
          code: document.code,
          version: number,
          status: number === document.currentVersion ? document.status : 'draft',
          content: version.content as DocumentContent,
        };
        const suffix = lang === version.content.language ? '' : `-${lang}`;
        reply
          .type(CONTENT_TYPES[format])
          .header('cache-control', 'private, no-store')
          .header(
            'content-disposition',
            `${format === 'html' ? 'inline' : 'attachment'}; filename="${code}-v${number}${suffix}.${format}"`,
          );
        if (format === 'html') return reply.send(renderDocumentHtml(input, lang));
        const bytes =
          format === 'pdf'
            ? await renderDocumentPdf(input, lang)
            : await renderDocumentDocx(input, lang);
        return reply.send(Buffer.from(bytes));
      },
    );

  app.get(
    '/editions/:slug/documents/:code.akn.xml',
    {
      schema: {
        hide: true,
        params: Type.Object({ slug: Slug, code: DocumentCode }),
        querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 8 })) }),
      },
    },
    async (request, reply) => {
      const { slug, code } = request.params;
      const lang = request.lang;
      const document = await documents.get(request.actor, slug, code, lang);
      // Akoma Ntoso is for the adopted text only, whoever asks.
      if ((document.status !== 'adopted' && document.status !== 'published') || !document.current)
        throw new PlenaryError('document_not_found', `There is no adopted document "${code}".`);
      const edition = await conferences.describeEdition(slug, lang);
      const timeZone = edition.timeZone;
      const adoptedOn = venueDay(document.adoptedAt ?? document.current.createdAt, timeZone);
      const xml = renderAkomaNtoso(
        {
          title: pickText(document.title, lang),
          code: document.code,
          version: document.currentVersion,
          status: document.status,
          content: document.current.content as DocumentContent,
          name: document.code,
          adoptedOn,
          author: { id: slug, name: String(edition.name) },
          generatedOn: venueDay(
            document.publishedAt ?? document.adoptedAt ?? document.current.createdAt,
            timeZone,
          ),
        },
        lang,
      );
      return reply
        .type('application/akn+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(xml);
    },
  );
}
