import { Global, Module } from '@nestjs/common';
import { WorkingDayCalendar } from '@app/kernel';
import { AuditLogController } from './audit-trail/audit-log.controller';
import { AuditTrail } from './audit-trail/audit-trail.service';
import { businessCalendar, READ_AUDIT } from '@app/kernel';
import { QualityChecksController } from './quality-issues/checks/quality-checks.controller';
import { RunQualityChecksHandler } from './quality-issues/checks/run-quality-checks.handler';
import { RectificationLedgerController } from './quality-issues/ledger/rectification-ledger.controller';
import { rectificationLedgerCacheProvider } from './quality-issues/ledger/rectification-ledger.query';
import { QualityIssueIntake } from './quality-issues/log/quality-issue-intake';
import { MatterLookup } from './quality-issues/matter-lookup';
import { QualityIssueCommandsController } from './quality-issues/quality-issue-commands.controller';
import { QualityIssueQueriesController } from './quality-issues/read-model/quality-issue-queries.controller';

/**
 * libs/audit in the API: quality issues and their loop, automated checks, the rectification
 * ledger, and the audit trail. Global so any context can inject `READ_AUDIT` (the kernel's port) to record reads of
 * personal data. Commands go through the app's one CommandExecutor.
 */
@Global()
@Module({
  controllers: [
    QualityIssueCommandsController,
    QualityIssueQueriesController,
    QualityChecksController,
    RectificationLedgerController,
    AuditLogController,
  ],
  providers: [
    { provide: WorkingDayCalendar, useFactory: businessCalendar },
    MatterLookup,
    QualityIssueIntake,
    RunQualityChecksHandler,
    rectificationLedgerCacheProvider,
    AuditTrail,
    { provide: READ_AUDIT, useExisting: AuditTrail },
  ],
  exports: [AuditTrail, READ_AUDIT, rectificationLedgerCacheProvider],
})
export class AuditModule {}
