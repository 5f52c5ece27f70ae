import { CheckpointKeyedCache, READ_SQL, type SqlExecutor } from '@app/event-store';
import { DIRECTORY_PROJECTION } from '@app/directory';
import { ApplicationFactsProjection } from '../applications/application-facts.projection';
import { CatalogueProjection } from '../catalogue/catalogue.projection';
import { SupervisionFactsProjection } from '../supervision/supervision-facts.projection';

/** The assessment reports' answers (with the directory's names), kept until one of the projections they read moves (`CheckpointKeyedCache`). */
export class ReportCache extends CheckpointKeyedCache {}

export const reportCacheProvider = {
  provide: ReportCache,
  inject: [READ_SQL],
  useFactory: (sql: SqlExecutor) =>
    new ReportCache(sql, [
      new CatalogueProjection().name,
      new ApplicationFactsProjection().name,
      new SupervisionFactsProjection().name,
      DIRECTORY_PROJECTION,
    ]),
};
