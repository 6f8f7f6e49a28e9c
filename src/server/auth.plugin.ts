/**
 * Who is asking: the session cookie becomes an Actor on the request; unsafe requests of a
 * signed-in user must echo the session's CSRF token; cross-site form posts are refused.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor, type SessionUser } from '../features/accounts/accounts.service.js';
import { type Actor, PUBLIC } from '../features/accounts/actor.js';
import { PlenaryError } from '../platform/errors.js';
import { type Language, negotiateLanguage } from '../platform/localized.js';
import { safeEqual } from '../platform/tokens.js';
import type { Services } from './context.js';

export const SESSION_COOKIE = 'plenary_session';
export const LANG_COOKIE = 'plenary_lang';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    user: SessionUser | null;
    csrfToken: string | null;
    lang: Language;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isSecureRequest(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expires: Date,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureRequest(request),
    expires,
  });
}

export function registerAuth(app: FastifyInstance, services: Services): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('user', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('lang', 'en');

  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    request.lang = negotiateLanguage({
      query: query?.lang,
      cookie: request.cookies[LANG_COOKIE],
      acceptLanguage: request.headers['accept-language'],
    });
    if (query?.lang === 'en' || query?.lang === 'ja') {
      reply.setCookie(LANG_COOKIE, query.lang, {
        path: '/',
        sameSite: 'lax',
        maxAge: 31_536_000,
        secure: isSecureRequest(request),
      });
    }
    request.actor = PUBLIC;
    const token = request.cookies[SESSION_COOKIE];
    if (token && request.url.startsWith('/api/')) {
      const session = await services.accounts.session(token);
      if (session) {
        request.user = session.user;
        request.csrfToken = session.csrfToken;
        request.actor = actorFor(session.user);
      }
    }
    if (!UNSAFE.has(request.method)) return;
    // A browser names the page a request comes from; another site's page may not post here.
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      const host = request.headers['x-forwarded-host'] ?? request.headers.host;
      let sameOrigin = false;
      try {
        sameOrigin = new URL(origin).host === host;
      } catch {}
      if (!sameOrigin)
        throw new PlenaryError('csrf_failed', 'Cross-site requests are not accepted.');
    }
    if (request.csrfToken) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, request.csrfToken)) {
        throw new PlenaryError(
          'csrf_failed',
          'The request lacks the CSRF token of your session. Reload the page and try again.',
        );
      }
    }
  });
}

export function requireUser(request: FastifyRequest): Actor {
  if (request.actor.kind !== 'user') throw new PlenaryError('not_signed_in', 'Sign in first.');
  return request.actor;
}
