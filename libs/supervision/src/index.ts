/** libs/supervision's public surface for the app and other contexts. */
export * from './domain';
export * from './supervision.module';
export * from './feedback-cases';
export { supervisionProjections, supervisionMigrations } from './supervision.read-models';
export { redCardStreamId, sweepStreamId } from './shared/supervision-streams';
export { RED_CARDS_TABLE } from './shared/supervision-tables';
export { redCards } from './red-cards/red-card.aggregate';
export { RED_CARDS_PROJECTION } from './red-cards/read-model/red-cards.projection';
export { SWEEP_ACTOR, SYSTEM_ROLE } from './shared/system-actor';
export { SWEEP_AT_PATTERN, SweepSchedule } from './sweep/sweep-schedule';
export { Sweeper, SWEEP_LOCK_KEY } from './sweep/sweeper';
export { supervisionCatchUp } from './sweep/catch-up';
