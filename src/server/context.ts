import type { Database } from '../db/connection.js';
import type { AccountsService } from '../features/accounts/accounts.service.js';
import type { AccreditationService } from '../features/accreditation/accreditation.service.js';
import type { BadgesService } from '../features/accreditation/badges.service.js';
import type { BilateralsService } from '../features/bilaterals/bilaterals.service.js';
import type { ConferencesService } from '../features/conferences/conferences.service.js';
import type { DocumentsService } from '../features/documents/documents.service.js';
import type { ProgrammeService } from '../features/programme/programme.service.js';
import type { PublishingService } from '../features/publishing/publishing.service.js';
import type { ReadoutsService } from '../features/publishing/readouts.service.js';
import type { LiveHub } from '../features/speakers/live.js';
import type { SpeakersService } from '../features/speakers/speakers.service.js';
import type { StatementsService } from '../features/statements/statements.service.js';
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
  bilaterals: BilateralsService;
  /** Change notifications for live screens (in-process on PGlite, LISTEN/NOTIFY on PostgreSQL). */
  live: LiveHub;
  speakers: SpeakersService;
  statements: StatementsService;
  /** The series pages and the one search over statements, documents and readouts. */
  publishing: PublishingService;
  /** Delegations' readouts, and the public view of published documents. */
  readouts: ReadoutsService;
  /** Outcome documents: versions, amendments, adoption (documents/jobs.ts runs silence deadlines). */
  documents: DocumentsService;
}
