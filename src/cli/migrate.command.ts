import type { Io } from './main.js';
import { openServices } from './open.js';

export async function runMigrate(_args: string[], io: Io): Promise<number> {
  const services = await openServices('plenary migrate');
  io.stdout.write(
    `Migrated ${services.database.driver} database at ${services.database.location}.\n`,
  );
  await services.database.close();
  return 0;
}
