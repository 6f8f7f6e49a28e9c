/**
 * Assembles the HTTP server: plugins (errors, security headers, cookies, auth + CSRF, rate
 * limits, uploads, OpenAPI), then each feature's routes, then the web UI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAccountsRoutes } from '../features/accounts/accounts.routes.js';
import { registerAccreditationRoutes } from '../features/accreditation/accreditation.routes.js';
import { registerBilateralsRoutes } from '../features/bilaterals/bilaterals.routes.js';
import { registerConferencesRoutes } from '../features/conferences/conferences.routes.js';
import { registerDocumentExportRoutes } from '../features/documents/documents.exports.routes.js';
import { registerDocumentsRoutes } from '../features/documents/documents.routes.js';
import { startJobRunner } from '../features/documents/jobs.js';
import { registerProgrammePages } from '../features/programme/programme.pages.js';
import { registerProgrammeRoutes } from '../features/programme/programme.routes.js';
import { registerPublicPages } from '../features/publishing/public-pages.routes.js';
import { registerReadoutsRoutes } from '../features/publishing/readouts.routes.js';
import { registerSearchRoutes } from '../features/publishing/search.routes.js';
import { registerSpeakersRoutes } from '../features/speakers/speakers.routes.js';
import { registerStatementsPages } from '../features/statements/statements.pages.js';
import { registerStatementsRoutes } from '../features/statements/statements.routes.js';
import { registerAuth } from './auth.plugin.js';
import type { Services } from './context.js';
import { errorBody, registerErrorHandling } from './errors.js';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface AppOptions {
  logger?: boolean;
  /** Serve the built web UI (dist/web). Tests of the API leave it off. */
  web?: boolean;
  trustProxy?: boolean;
  /** Run due jobs (silence deadlines) at start and every few seconds; on unless false. */
  jobs?: boolean;
}

/** Paths the single-page app owns; the server answers them with its index.html. */
const SPA_PATHS = [
  '/sign-in',
  '/invitations/',
  '/portal',
  '/secretariat',
  '/check-in',
  '/chair',
  '/hall',
];

export async function buildApp(
  services: Services,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1_048_576,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  });

  registerErrorHandling(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('permissions-policy', 'camera=(self), microphone=(), geolocation=()');
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({
      statusCode: 429,
      ...errorBody('rate_limited', 'Too many attempts. Wait a minute and try again.'),
    }),
  });
  await app.register(multipart, {
    limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 10, parts: 12 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Plenary API',
        version: '0.1.0',
        description:
          'Running multilateral, multi-stakeholder conferences. Errors are { error: { code, message } } with stable codes.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'plenary_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
  });
  registerAuth(app, services);

  app.get('/healthz', { schema: { hide: true } }, async () => ({
    status: 'ok',
    database: services.database.driver,
  }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAccountsRoutes(app, services);
  registerConferencesRoutes(app, services);
  registerAccreditationRoutes(app, services);
  registerProgrammeRoutes(app, services);
  registerBilateralsRoutes(app, services);
  registerSpeakersRoutes(app, services);
  registerStatementsRoutes(app, services);
  registerDocumentsRoutes(app, services);
  registerDocumentExportRoutes(app, services);
  registerSearchRoutes(app, services);
  registerProgrammePages(app, services);
  registerStatementsPages(app, services);
  registerReadoutsRoutes(app, services);
  registerPublicPages(app, services);

  if (options.jobs !== false) {
    // Once when the server is ready, so that a deadline passed while it was down is honoured,
    // then every 5 seconds; stopped (waiting for a run in progress) when the app closes.
    const runner = startJobRunner(services.database.db, services.clock, {
      onError: (error) => app.log.error(error, 'running due jobs failed'),
    });
    app.addHook('onReady', async () => {
      await runner.runNow();
    });
    app.addHook('onClose', async () => {
      await runner.stop();
    });
  }

  if (options.web !== false) registerWeb(app);
  return app;
}

function registerWeb(app: FastifyInstance): void {
  const indexFile = `${WEB_DIST}/index.html`;
  const hasBuild = existsSync(indexFile);
  if (hasBuild) {
    app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
    });
  }
  const index = () => (hasBuild ? readFileSync(indexFile, 'utf8') : null);
  for (const path of SPA_PATHS) {
    const route = path.endsWith('/') ? `${path}*` : path;
    const routes = path.endsWith('/') ? [route] : [route, `${path}/*`];
    for (const url of routes) {
      app.get(url, { schema: { hide: true } }, async (_request, reply) => {
        const html = index();
        if (!html) {
          return reply
            .status(503)
            .type('text/plain')
            .send('The web UI is not built. Run `npm run build:web` (npm start does it).');
        }
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .send(html);
      });
    }
  }
}
