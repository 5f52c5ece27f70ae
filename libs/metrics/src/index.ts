/**
 * libs/metrics: the assessment read models and reports. apps/api registers the module, the
 * projections and the migrations from here.
 */
import { ApplicationFactsProjection } from './applications/application-facts.projection';
import { AssessmentApplicationFactsV21764500000001 } from './applications/application-facts-v2.migration';
import { CatalogueProjection } from './catalogue/catalogue.projection';
import { AssessmentCatalogueV21764500000000 } from './catalogue/catalogue-v2.migration';
import { DropAssessmentV1ReadModels1764600000000 } from './drop-v1-read-models.migration';
import { AssessmentApplicationReturned1764700000000 } from './applications/application-facts-returned.migration';
import { SupervisionFactsProjection } from './supervision/supervision-facts.projection';
import { AssessmentSupervisionV11764700000001 } from './supervision/supervision-facts.migration';
import { BundleFactsProjection } from './bundles/bundle-facts.projection';
import { AssessmentBundlesV11765000000003 } from './bundles/bundle-facts.migration';

export { AssessmentModule } from './assessment.module';
export { CatalogueProjection, ApplicationFactsProjection, SupervisionFactsProjection };

export const assessmentProjections = () => [
  new CatalogueProjection(),
  new ApplicationFactsProjection(),
  new SupervisionFactsProjection(),
  new BundleFactsProjection(),
];
export const assessmentMigrations: Function[] = [
  AssessmentCatalogueV21764500000000,
  AssessmentApplicationFactsV21764500000001,
  DropAssessmentV1ReadModels1764600000000,
  AssessmentApplicationReturned1764700000000,
  AssessmentSupervisionV11764700000001,
  AssessmentBundlesV11765000000003,
];
export * from './cross-check/fold-indicators';
export * from './scenario/scenario-loader';
export * from './scenario/scenario-plan';
export * from './scenario/scenarios';
