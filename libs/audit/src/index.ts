/** libs/audit's public surface for the app and other contexts. */
export { AuditModule } from './audit.module';
export { AuditTrail, type RecordedRead } from './audit-trail/audit-trail.service';
export { auditTrailProjection } from './audit-trail/audit-trail.projection';
export { AuditLog1764160000000 } from './audit-trail/audit-log.migration';
export { QUALITY_ISSUES_PROJECTION, qualityIssuesProjection } from './quality-issues/read-model/quality-issues.projection';
export { issueStreamId } from './quality-issues/ids';
export { catalogueMattersProjection } from './quality-issues/read-model/catalogue-matters.projection';
export { QualityIssueReadModels1764160000001 } from './quality-issues/read-model/quality-issues.migration';
export * from './domain/categories';
export * from './quality-issues/ledger/rectification-ledger.query';
export { QualityIssueIntake, type LogIssueInput } from './quality-issues/log/quality-issue-intake';
export { loopCommand, qualityIssues, type LoopCommand } from './quality-issues/quality-issue.aggregate';
export { defaultDeadline } from './quality-issues/default-deadline';
export { qualityIssuesDueBy } from './quality-issues/read-model/issues-due.query';
