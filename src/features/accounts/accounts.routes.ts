import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { delegations, editions, organisations } from '../../db/schema.js';
import { pick } from '../../platform/localized.js';
import { ErrorResponse, errorResponses, Slug } from '../../platform/schemas.js';
import { SESSION_COOKIE, setSessionCookie } from '../../server/auth.plugin.js';
import type { Services } from '../../server/context.js';
import { organisationName } from '../conferences/organisation-name.js';
import type { SessionUser } from './accounts.service.js';

const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  delegation: Type.Union([
    Type.Object({ code: Type.String(), name: Type.String(), editionSlug: Type.String() }),
    Type.Null(),
  ]),
});
const SessionBody = Type.Object({ user: User, csrfToken: Type.String() });

export function registerAccountsRoutes(root: FastifyInstance, services: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['accounts'];

  async function presentUser(user: SessionUser, lang: string) {
    let delegation = null;
    if (user.delegationId) {
      const [row] = await services.database.db
        .select({ code: delegations.code, slug: editions.slug, org: organisations })
        .from(delegations)
        .innerJoin(editions, eq(editions.id, delegations.editionId))
        .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
        .where(eq(delegations.id, user.delegationId));
      if (row)
        delegation = {
          code: row.code,
          name: organisationName(row.org, lang),
          editionSlug: row.slug,
        };
    }
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      delegation,
    };
  }

  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: Type.Object({
          email: Type.String({ minLength: 3, maxLength: 254 }),
          password: Type.String({ minLength: 1, maxLength: 1024 }),
        }),
        response: { 200: SessionBody, ...errorResponses, 429: ErrorResponse },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const signedIn = await services.accounts.signIn(request.body.email, request.body.password);
      setSessionCookie(request, reply, signedIn.token, signedIn.expiresAt);
      return {
        user: await presentUser(signedIn.user, request.lang),
        csrfToken: signedIn.csrfToken,
      };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { tags, summary: 'Sign out', response: { 204: Type.Null() } } },
    async (request, reply) => {
      await services.accounts.signOut(request.cookies[SESSION_COOKIE], request.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in user, if any, and the CSRF token',
        response: {
          200: Type.Object({
            user: Type.Union([User, Type.Null()]),
            csrfToken: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return {
        user: request.user ? await presentUser(request.user, request.lang) : null,
        csrfToken: request.csrfToken,
      };
    },
  );

  // Any token shape gets the same answer as an unknown one: 410 invitation_invalid.
  const Token = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });

  app.get(
    '/api/invitations/:token',
    {
      schema: {
        tags,
        summary: 'Who an invitation is for',
        params: Token,
        response: {
          200: Type.Object({
            email: Type.String(),
            displayName: Type.String(),
            role: Type.String(),
            delegation: Type.Union([
              Type.Object({ code: Type.String(), name: Type.String() }),
              Type.Null(),
            ]),
            edition: Type.Union([
              Type.Object({ slug: Type.String(), name: Type.String() }),
              Type.Null(),
            ]),
            expiresAt: Type.String(),
          }),
          ...errorResponses,
          410: ErrorResponse,
        },
      },
    },
    async (request) => {
      const found = await services.accounts.describeInvitation(request.params.token);
      let delegation = null;
      let edition = null;
      if (found.delegationId) {
        const [row] = await services.database.db
          .select({ org: organisations, edition: editions })
          .from(delegations)
          .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
          .innerJoin(editions, eq(editions.id, delegations.editionId))
          .where(eq(delegations.id, found.delegationId));
        if (row) {
          delegation = {
            code: found.delegationCode!,
            name: organisationName(row.org, request.lang),
          };
          edition = { slug: row.edition.slug, name: pick(row.edition.name, request.lang) };
        }
      }
      return {
        email: found.invitation.email,
        displayName: found.invitation.displayName,
        role: found.invitation.role,
        delegation,
        edition,
        expiresAt: found.invitation.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation: choose a password and sign in',
        params: Token,
        body: Type.Object({
          password: Type.String({ minLength: 12, maxLength: 1024 }),
          displayName: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: SessionBody, ...errorResponses, 410: ErrorResponse },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const signedIn = await services.accounts.acceptInvitation(request.params.token, request.body);
      setSessionCookie(request, reply, signedIn.token, signedIn.expiresAt);
      return {
        user: await presentUser(signedIn.user, request.lang),
        csrfToken: signedIn.csrfToken,
      };
    },
  );

  app.post(
    '/api/editions/:slug/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a focal point of a delegation (secretariat)',
        params: Type.Object({ slug: Slug }),
        body: Type.Object({
          email: Type.String({ format: 'email', maxLength: 254 }),
          displayName: Type.String({ minLength: 1, maxLength: 200 }),
          delegationCode: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{1,31}$' }),
        }),
        response: {
          201: Type.Object({ id: Type.String(), url: Type.String(), expiresAt: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const invitation = await services.accounts.invite(request.actor, {
        editionSlug: request.params.slug,
        delegationCode: request.body.delegationCode.toUpperCase(),
        email: request.body.email,
        displayName: request.body.displayName,
      });
      const base = `${request.protocol}://${request.headers['x-forwarded-host'] ?? request.headers.host ?? 'localhost'}`;
      return reply.status(201).send({
        id: invitation.id,
        url: `${base}/invitations/${invitation.token}`,
        expiresAt: invitation.expiresAt.toISOString(),
      });
    },
  );
}
