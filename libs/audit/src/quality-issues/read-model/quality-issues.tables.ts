/** Tables of the quality-issue read models (versioned by name), created by `QualityIssueReadModels1764160000001`. */
export const ISSUES_TABLE = 'rm_quality_issues_v1';
/** Every loop step of every issue, dated: history for the detail, and the as-of answers of the ledger. */
export const STEPS_TABLE = 'rm_quality_issue_steps_v1';
/** Matter ids and statuses, so automated checks can run over the whole catalogue without another context's tables. */
export const CATALOGUE_TABLE = 'rm_audit_catalogue_matters_v1';
