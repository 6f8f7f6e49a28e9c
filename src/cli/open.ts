import { configFromEnv, type Database, openDatabase } from '../db/connection.js';
import { createServices } from '../server/services.js';

/** Opens the configured database, migrated, and the services over it. */
export async function openServices(purpose: string) {
  const database: Database = await openDatabase(configFromEnv(process.env, purpose));
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return createServices(database);
}
