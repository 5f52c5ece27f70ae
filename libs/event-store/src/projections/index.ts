/** The projection runner's public surface, for the Nest module and the `projections` CLI. */
export { consoleProjectionLogger, projectionLockKey } from './projection';
export type { Projection, ProjectionLogger } from './projection';
export { ProjectionRunner } from './projection-runner';
export type { ProjectionRunnerOptions, ProjectionRunnerSnapshot } from './projection-runner';
export { ProjectionBusyError, rebuildProjection } from './rebuild-projection';
export type { RebuildOptions, RebuildResult } from './rebuild-projection';
export { PROJECTIONS_CLI_USAGE, runProjectionsCli } from './projections-cli';
export type { ProjectionsCliDeps } from './projections-cli';
export { countByScanning } from './event-count';
export type { CountEventsAfter } from './event-count';
export { ensureCheckpointTable, listCheckpoints, readCheckpoint } from './checkpoint-store';
export type { ProjectionCheckpoint, ProjectionStatus } from './checkpoint-store';
export { projectionStatus, formatStatusTable } from './projection-status';
export type { ProjectionStatusRow } from './projection-status';
