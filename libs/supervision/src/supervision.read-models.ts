import type { Projection } from '@app/event-store';
import { feedbackCasesProjection } from './feedback-cases/read-model/feedback-cases.projection';
import { FeedbackCasesReadModel1764900000002 } from './feedback-cases/read-model/feedback-cases.migration';
import { redCardsProjection } from './red-cards/read-model/red-cards.projection';
import { SupervisionReadModels1764610000000 } from './shared/supervision.migration';
import { sweepsProjection } from './sweep/sweeps.projection';
import { supervisionApplicationsProjection } from './warnings/supervision-applications.projection';
import { SupervisionClosedOnIndex1765000000010 } from './warnings/supervision-closed-on-index.migration';
import { SupervisionOpenPeriodIndex1765300000000 } from './warnings/supervision-open-period-index.migration';

/** The read models of supervision: each one's projection, and the migration that declares their tables. */
export const supervisionProjections = (): Projection[] => [
  supervisionApplicationsProjection(),
  redCardsProjection,
  sweepsProjection,
  feedbackCasesProjection,
];

export const supervisionMigrations: Function[] = [
  SupervisionReadModels1764610000000,
  FeedbackCasesReadModel1764900000002,
  SupervisionClosedOnIndex1765000000010,
  SupervisionOpenPeriodIndex1765300000000,
];
