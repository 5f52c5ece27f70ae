import type { Projection } from '@app/event-store';
import { assessmentProjections } from '@app/metrics';
import { mattersProjection } from '@app/matters';
import { applicationsProjection } from '@app/matters';
import { auditTrailProjection, catalogueMattersProjection, qualityIssuesProjection } from '@app/audit';
import { supervisionProjections } from '@app/supervision';
import { outboxProjection } from '@app/notifications';
import { bundleProjections } from '@app/matters';
import { directoryProjections } from '@app/directory';

/**
 * Every read model's projection, each bounded context contributing its own. The runner keeps
 * them all up to date; `npm run projections` rebuilds them.
 */
export const allProjections: readonly Projection[] = [
  applicationsProjection,
  mattersProjection,
  qualityIssuesProjection(),
  catalogueMattersProjection,
  auditTrailProjection,
  ...assessmentProjections(),
  ...supervisionProjections(),
  outboxProjection,
  ...bundleProjections(),
  ...directoryProjections(),
];
