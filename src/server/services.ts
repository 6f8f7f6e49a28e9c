import type { Database } from '../db/connection.js';
import { createAccountsService } from '../features/accounts/accounts.service.js';
import { createAccreditationService } from '../features/accreditation/accreditation.service.js';
import { createBadgesService } from '../features/accreditation/badges.service.js';
import { createConferencesService } from '../features/conferences/conferences.service.js';
import { createProgrammeService } from '../features/programme/programme.service.js';
import { type Clock, systemClock } from '../platform/clock.js';
import type { Services } from './context.js';

export function createServices(database: Database, clock: Clock = systemClock): Services {
  const deps = { db: database.db, clock };
  return {
    database,
    clock,
    accounts: createAccountsService(deps),
    conferences: createConferencesService(deps),
    accreditation: createAccreditationService(deps),
    badges: createBadgesService(deps),
    programme: createProgrammeService(deps),
  };
}
