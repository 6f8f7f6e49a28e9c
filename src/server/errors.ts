/**
 * The one mapping from domain error codes to HTTP. Bad input is a 4xx with a stable code,
 * never a 500 or a stack trace.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorKind, PlenaryError } from '../platform/errors.js';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  rate_limited: 429,
};

export function statusFor(error: PlenaryError): number {
  if (error.code === 'import_has_errors') return 422;
  return STATUS[error.kind];
}

export function errorBody(
  code: string,
  message: string,
  details?: unknown,
  extra?: Record<string, unknown>,
) {
  return { error: { code, message, ...(details ? { details } : {}), ...(extra ?? {}) } };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** A person reading a page gets a page; a program gets the JSON error. */
function wantsPage(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
}

function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: unknown,
  extra?: Record<string, unknown>,
) {
  if (wantsPage(request)) {
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${status} — Plenary</title><link rel="stylesheet" href="/assets/public.css"></head><body><main class="container"><h1>${status}</h1><p>${escapeHtml(message)}</p><p><a href="/">Plenary</a></p></main></body></html>`,
      );
  }
  return reply.status(status).send(errorBody(code, message, details, extra));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | PlenaryError, request, reply) => {
    if (error instanceof PlenaryError) {
      return sendError(
        request,
        reply,
        statusFor(error),
        error.code,
        error.message,
        error.details,
        error.extra,
      );
    }
    const fastifyError = error as FastifyError & {
      validation?: { instancePath: string; message?: string; params?: Record<string, unknown> }[];
      validationContext?: string;
    };
    if (fastifyError.validation) {
      const details = fastifyError.validation.map((v) => {
        const missing = v.params?.missingProperty ?? v.params?.requiredProperties;
        const path = `${v.instancePath}${missing ? `/${String(missing)}` : ''}`
          .replace(/^\//, '')
          .replace(/\//g, '.');
        return {
          field: path || fastifyError.validationContext || 'request',
          code: 'invalid',
          message: v.message ?? 'is not valid',
        };
      });
      return reply
        .status(400)
        .send(
          errorBody(
            'validation_failed',
            `The ${fastifyError.validationContext ?? 'request'} is not valid: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`,
            details,
          ),
        );
    }
    const status = fastifyError.statusCode ?? 500;
    if (status === 429)
      return reply
        .status(429)
        .send(errorBody('rate_limited', 'Too many attempts. Wait a minute and try again.'));
    if (
      status === 413 ||
      fastifyError.code === 'FST_REQ_FILE_TOO_LARGE' ||
      fastifyError.code === 'FST_FILES_LIMIT'
    ) {
      return reply
        .status(413)
        .send(errorBody('file_too_large', 'The upload is larger than this endpoint accepts.'));
    }
    if (status >= 400 && status < 500) {
      const code =
        fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'unsupported_media_type'
          : fastifyError.code?.startsWith('FST_ERR_CTP') ||
              fastifyError.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE'
            ? 'invalid_body'
            : 'bad_request';
      return reply.status(status).send(errorBody(code, fastifyError.message));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply
      .status(500)
      .send(errorBody('internal', 'Something went wrong on our side. The error was logged.'));
  });

  app.setNotFoundHandler((request, reply) => {
    sendError(
      request,
      reply,
      404,
      'not_found',
      `Nothing at ${request.method} ${request.url.split('?')[0]}.`,
    );
  });
}
