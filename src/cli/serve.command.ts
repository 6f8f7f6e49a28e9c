import { loadDemo } from '../features/conferences/demo/demo.loader.js';
import { buildApp } from '../server/app.js';
import { shareProgrammeCaches } from '../server/services.js';
import { printSignIns } from './demo.command.js';
import { type Io, UsageError } from './main.js';
import { openServices } from './open.js';
import { parseOptions } from './options.js';

export async function runServe(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    'no-demo': { type: 'boolean' },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`"${values.port ?? process.env.PORT}" is not a port number.`);
  const host = values.host ?? process.env.HOST ?? 'localhost';
  const services = await openServices(`plenary serve on port ${port}`);
  let demoLoaded = false;
  if (!values['no-demo'] && process.env.PLENARY_DEMO !== 'off') {
    const result = await loadDemo(services.database.db, {
      reset: false,
      now: services.clock.now(),
    });
    demoLoaded = result.loaded;
  }
  // Other processes may serve the same PostgreSQL database: keep their programme caches honest.
  if (services.database.driver === 'postgres') await shareProgrammeCaches(services);
  const app = await buildApp(services, {
    logger: process.env.PLENARY_LOG === 'on',
    trustProxy: process.env.PLENARY_TRUST_PROXY === 'on',
  });
  const close = async () => {
    await app.close();
    await services.database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  io.stdout.write(
    `Plenary is serving http://localhost:${actualPort}/ (${services.database.driver}: ${services.database.location})\n` +
      `${demoLoaded ? 'Loaded the Seoul 2013 demo on this first start.\n' : ''}` +
      `Public conference page: http://localhost:${actualPort}/editions/seoul-2013\n` +
      `Sign in: http://localhost:${actualPort}/sign-in\n`,
  );
  printSignIns(io);
  return 0;
}
