import type { Database } from '../db/connection.js';
import type { AccountsService } from '../features/accounts/accounts.service.js';
import type { AccreditationService } from '../features/accreditation/accreditation.service.js';
import type { BadgesService } from '../features/accreditation/badges.service.js';
import type { ProgrammeService } from '../features/programme/programme.service.js';
import type { ConferencesService } from '../features/conferences/conferences.service.js';
import type { Clock } from '../platform/clock.js';

/** What every route and command works with: the services, built once by plain factories. */
export interface Services {
  database: Database;
  clock: Clock;
  accounts: AccountsService;
  conferences: ConferencesService;
  accreditation: AccreditationService;
  badges: BadgesService;
  programme: ProgrammeService;
}
