/** Public pages, server-rendered: their content is in the HTML without JavaScript. (placeholder until the UI lands) */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/context.js';

export function registerPublicPages(_app: FastifyInstance, _services: Services): void {}
