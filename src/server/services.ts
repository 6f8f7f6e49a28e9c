import type { Database } from '../db/connection.js';
import { editions } from '../db/schema.js';
import { createAccountsService } from '../features/accounts/accounts.service.js';
import { createAccreditationService } from '../features/accreditation/accreditation.service.js';
import { createBadgesService } from '../features/accreditation/badges.service.js';
import { createBilateralsService } from '../features/bilaterals/bilaterals.service.js';
import { createConferencesService } from '../features/conferences/conferences.service.js';
import { createDocumentsService } from '../features/documents/documents.service.js';
import { createProgrammeService } from '../features/programme/programme.service.js';
import { createPublishingService } from '../features/publishing/publishing.service.js';
import { createReadoutsService } from '../features/publishing/readouts.service.js';
import { createLiveHub } from '../features/speakers/live.js';
import { createSpeakersService } from '../features/speakers/speakers.service.js';
import { createStatementsService } from '../features/statements/statements.service.js';
import { type Clock, systemClock } from '../platform/clock.js';
import type { Services } from './context.js';

export function createServices(database: Database, clock: Clock = systemClock): Services {
  const deps = { db: database.db, clock };
  const live = createLiveHub(database);
  const programme = createProgrammeService(deps);
  const bilaterals = createBilateralsService(deps);
  const conferences = createConferencesService(deps);
  const statements = createStatementsService(deps);
  // A programme change may put a principal's bilateral meeting on top of a session: flag it.
  programme.onChange((slug, origin) => {
    if (origin === 'local') bilaterals.flagConflicts(slug).catch(() => {});
  });
  const accreditation = createAccreditationService(deps);
  return {
    // Closing the database also closes the LISTEN connection of the live hub (PostgreSQL) and
    // lets a scheduled ANALYZE finish first.
    database: {
      ...database,
      async close() {
        await accreditation.settle();
        await live.close();
        await database.close();
      },
    },
    clock,
    live,
    speakers: createSpeakersService({ ...deps, live }),
    accounts: createAccountsService(deps),
    conferences,
    accreditation,
    badges: createBadgesService(deps),
    programme,
    bilaterals,
    statements,
    publishing: createPublishingService({ db: database.db, conferences, statements }),
    readouts: createReadoutsService(deps),
    documents: createDocumentsService(deps),
  };
}

/**
 * Several processes on one PostgreSQL each cache the public programme: a change made in one
 * is announced through the live hub (LISTEN/NOTIFY) so that the others drop their copies.
 */
export async function shareProgrammeCaches(services: Services): Promise<() => void> {
  const slugs = (await services.database.db.select({ slug: editions.slug }).from(editions)).map(
    (e) => e.slug,
  );
  const stops = slugs.map((slug) =>
    services.live.subscribe(`programme:${slug}`, () =>
      services.programme.invalidate(slug, 'remote'),
    ),
  );
  const stopPublishing = services.programme.onChange((slug, origin) => {
    if (origin === 'local')
      services.live.publish(`programme:${slug}`, { version: Date.now() }).catch(() => {});
  });
  await services.live.ready();
  return () => {
    for (const stop of stops) stop();
    stopPublishing();
  };
}
