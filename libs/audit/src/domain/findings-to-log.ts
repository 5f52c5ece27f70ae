/**
 * Idempotent logging of automated findings: a rule that already has an open issue on the matter is
 * not logged again (it is logged anew once that issue is closed and the defect is found again).
 */
import type { Finding } from './rules';

/** What the caller knows about an open issue of the matter (from the issue list read model). */
export interface OpenIssueRef {
  /** the automated rule that logged it; null/absent for a manual finding */
  rule?: string | null;
}

export function findingsToLog(findings: readonly Finding[], openIssuesOfMatter: readonly OpenIssueRef[]): Finding[] {
  const open = new Set(openIssuesOfMatter.flatMap((issue) => (issue.rule ? [issue.rule] : [])));
  return findings.filter((finding) => {
    if (open.has(finding.rule)) return false;
    open.add(finding.rule);
    return true;
  });
}
