import { openDatabase } from '../src/db/connection.js';
import { buildApp } from '../src/server/app.js';
import { createServices } from '../src/server/services.js';

/** The OpenAPI document, from an app over an empty in-memory database (no query is run). */
export async function generateOpenApi(): Promise<unknown> {
  const database = await openDatabase({ driver: 'pglite-memory' });
  const app = await buildApp(createServices(database), { web: false });
  await app.ready();
  const doc = app.swagger();
  await app.close();
  await database.close();
  return doc;
}
