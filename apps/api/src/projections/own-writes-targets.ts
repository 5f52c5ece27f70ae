import type { OwnWritesKind } from '@app/http';
import { applicationsProjection, matterStreamId, applicationStreamId, mattersProjection } from '@app/matters';
import { issueStreamId, QUALITY_ISSUES_PROJECTION } from '@app/audit';
import { RED_CARDS_PROJECTION, redCardStreamId } from '@app/supervision';
import { feedbackCaseStreamId, FEEDBACK_CASES_PROJECTION } from '@app/supervision';
import { OUTBOX_PROJECTION, subscriptionStreamId } from '@app/notifications';
import { BUNDLE_APPLICATIONS_PROJECTION, bundleApplicationStreamId, bundlesProjection, bundleStreamId } from '@app/matters';

export interface OwnWritesTarget {
  /** the entity's stream, from the route's `:id` */
  streamId(id: string): string;
  /** the projection that writes the entity's row */
  projection: string;
  /** other read models the entity's view joins, which must have caught up with its stream too */
  alsoAwaits?: readonly string[];
}

/** For `@ReadsOwnWrites(kind)`: whose stream a GET of one entity follows, and which read model must have caught up. */
export const ownWritesTargets: Readonly<Record<OwnWritesKind, OwnWritesTarget>> = {
  matter: { streamId: matterStreamId, projection: mattersProjection.name },
  application: { streamId: applicationStreamId, projection: applicationsProjection.name },
  'quality-issue': { streamId: issueStreamId, projection: QUALITY_ISSUES_PROJECTION },
  'red-card': { streamId: redCardStreamId, projection: RED_CARDS_PROJECTION },
  'feedback-case': { streamId: feedbackCaseStreamId, projection: FEEDBACK_CASES_PROJECTION },
  subscription: { streamId: subscriptionStreamId, projection: OUTBOX_PROJECTION },
  bundle: { streamId: bundleStreamId, projection: bundlesProjection.name },
  // the view joins its member applications' rows: written in the same append, before the bundle application's event
  'bundle-application': {
    streamId: bundleApplicationStreamId,
    projection: BUNDLE_APPLICATIONS_PROJECTION,
    alsoAwaits: [applicationsProjection.name],
  },
};
