import { DataSource } from 'typeorm';
import { CheckpointKeyedCache } from '@app/event-store';
import { ApplicationFactsProjection } from '../applications/application-facts.projection';
import { CatalogueProjection } from '../catalogue/catalogue.projection';

/** The assessment reports' answers, kept until one of the two projections they read moves (`CheckpointKeyedCache`). */
export class ReportCache extends CheckpointKeyedCache {}

export const reportCacheProvider = {
  provide: ReportCache,
  inject: [DataSource],
  useFactory: (dataSource: DataSource) =>
    new ReportCache(dataSource, [new CatalogueProjection().name, new ApplicationFactsProjection().name]),
};
