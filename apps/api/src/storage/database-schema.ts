import { IdempotencyKeys1764150000000 } from '../commands/idempotency-keys.migration';
import { assessmentEntities, assessmentMigrations } from '@app/metrics';
import { MatterCodes1764200000000, MatterEntity, MattersReadModelV11764200000001 } from '@app/matters';
import { ApplicantKeyRow, ApplicantKeys1764300000000, ApplicationRow, ApplicationsReadModel1764300000001 } from '@app/matters';
import {
  AuditLog1764160000000,
  AuditLogEntity,
  CatalogueMatterEntity,
  QualityIssueEntity,
  QualityIssueReadModels1764160000001,
  QualityIssueStepEntity,
} from '@app/audit';

/**
 * Every TypeORM entity (read-model row type) and migration of the service, in one list each.
 * Each bounded context contributes its own; migrations run at start-up in timestamp order.
 * (The event store creates its own tables: it also runs without TypeORM, e.g. in the CLIs.)
 */
export const databaseEntities: Function[] = [
  ApplicationRow,
  ApplicantKeyRow,
  MatterEntity,
  AuditLogEntity,
  QualityIssueEntity,
  QualityIssueStepEntity,
  CatalogueMatterEntity,
  ...assessmentEntities,
];
export const databaseMigrations: Function[] = [
  ApplicantKeys1764300000000,
  ApplicationsReadModel1764300000001,
  IdempotencyKeys1764150000000,
  MatterCodes1764200000000,
  MattersReadModelV11764200000001,
  AuditLog1764160000000,
  QualityIssueReadModels1764160000001,
  ...assessmentMigrations,
];
