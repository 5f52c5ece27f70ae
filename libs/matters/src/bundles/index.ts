import { bundleApplicationsProjection } from './bundle-application-read-model/bundle-applications.projection';
import { BundleApplicationsReadModel1765000000002 } from './bundle-application-read-model/bundle-applications.migration';
import { BundleCodes1765000000000 } from './bundle-codes/bundle-codes.migration';
import { bundlesProjection } from './bundle-read-model/bundles.projection';
import { BundlesReadModel1765000000001 } from './bundle-read-model/bundles-read-model.migration';

/** 一件事: the Nest module, and what apps/api registers (projections, migrations, own-writes streams). */
export { BundlesModule } from './bundles.module';
export { bundlesProjection } from './bundle-read-model/bundles.projection';
export {
  bundleApplicationsProjection,
  BUNDLE_APPLICATIONS_PROJECTION,
} from './bundle-application-read-model/bundle-applications.projection';
export { bundleStreamId, bundleApplicationStreamId } from './bundle-stream';

export const bundleProjections = () => [bundlesProjection, bundleApplicationsProjection];
export const bundleMigrations: Function[] = [
  BundleCodes1765000000000,
  BundlesReadModel1765000000001,
  BundleApplicationsReadModel1765000000002,
];
