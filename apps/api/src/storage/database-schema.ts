import { IdempotencyKeys1764150000000 } from '../commands/idempotency-keys.migration';
import { assessmentMigrations } from '@app/metrics';
import { MatterCodes1764200000000, MattersReadModelV11764200000001 } from '@app/matters';
import { ApplicantKeys1764300000000, ApplicationsDeferredAndFeedback1764900000001, ApplicationsReadModel1764300000001 } from '@app/matters';
import { AuditLog1764160000000, QualityIssueReadModels1764160000001 } from '@app/audit';
import { supervisionMigrations } from '@app/supervision';
import { notificationMigrations } from '@app/notifications';
import { bundleMigrations } from '@app/matters';
import { directoryMigrations } from '@app/directory';

/**
 * Every migration of the service, in one list: the one way a read-model table is declared. Each
 * bounded context contributes its own; they run at start-up in timestamp order, on PostgreSQL and
 * on PGlite alike. (The event store creates its own tables: it also runs without TypeORM, e.g. in the CLIs.)
 */
export const databaseMigrations: Function[] = [
  ApplicantKeys1764300000000,
  ApplicationsReadModel1764300000001,
  ApplicationsDeferredAndFeedback1764900000001,
  IdempotencyKeys1764150000000,
  MatterCodes1764200000000,
  MattersReadModelV11764200000001,
  AuditLog1764160000000,
  QualityIssueReadModels1764160000001,
  ...assessmentMigrations,
  ...supervisionMigrations,
  ...notificationMigrations,
  ...bundleMigrations,
  ...directoryMigrations,
];
