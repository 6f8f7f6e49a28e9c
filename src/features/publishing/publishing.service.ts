/** Publishing: the series as the public reads it, and the one search of an edition. */
import type { Db } from '../../db/connection.js';
import type { ConferencesService } from '../conferences/conferences.service.js';
import type { StatementsService } from '../statements/statements.service.js';
import { createSearchService } from './search.service.js';
import { createSeriesService } from './series.service.js';

export function createPublishingService(deps: {
  db: Db;
  conferences: ConferencesService;
  statements: StatementsService;
}) {
  return {
    series: createSeriesService(deps),
    search: createSearchService(deps),
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;
