/**
 * libs/metrics: the assessment read models and reports. apps/api registers the module, the
 * projections, the entities and the migrations from here.
 */
import { ApplicationFactsProjection } from './applications/application-facts.projection';
import { AssessmentApplicationFacts1764400000001 } from './applications/application-facts.migration';
import { AssessmentApplicationFactsV21764500000001 } from './applications/application-facts-v2.migration';
import { CatalogueProjection } from './catalogue/catalogue.projection';
import { AssessmentCatalogue1764400000000 } from './catalogue/catalogue.migration';
import { AssessmentCatalogueV21764500000000 } from './catalogue/catalogue-v2.migration';

export { AssessmentModule } from './assessment.module';
export { CatalogueProjection, ApplicationFactsProjection };

export const assessmentProjections = () => [new CatalogueProjection(), new ApplicationFactsProjection()];
export const assessmentMigrations: Function[] = [
  AssessmentCatalogue1764400000000,
  AssessmentApplicationFacts1764400000001,
  AssessmentCatalogueV21764500000000,
  AssessmentApplicationFactsV21764500000001,
];
export * from './cross-check/fold-indicators';
export * from './scenario/scenario-loader';
export * from './scenario/scenario-plan';
export * from './scenario/scenarios';
