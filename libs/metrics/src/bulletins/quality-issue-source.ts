/** Quality issues found and closed in an interval, and the ledger's totals at its end. */
export interface QualityIssueChanges {
  found: number;
  closed: number;
  /** the ledger at the end of the interval */
  ledger: { found: number; closed: number; open: number; overdue: number };
}

/**
 * Where bulletins get quality-issue figures: the audit context's rectification ledger (its query
 * service, adapted in the module). Null when that context is not wired.
 */
export interface QualityIssueSource {
  changes(interval: { from: string; to: string }): Promise<QualityIssueChanges>;
}

export const QUALITY_ISSUE_SOURCE = Symbol('QUALITY_ISSUE_SOURCE');
