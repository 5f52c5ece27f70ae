import type { SqlExecutor } from '@app/event-store';

/** Tables of the quality-issue read models (versioned by name); one statement per entry. */
export const ISSUES_TABLE = 'rm_quality_issues_v1';
/** Every loop step of every issue, dated: history for the detail, and the as-of answers of the ledger. */
export const STEPS_TABLE = 'rm_quality_issue_steps_v1';
/** Matter ids and statuses, so automated checks can run over the whole catalogue without another context's tables. */
export const CATALOGUE_TABLE = 'rm_audit_catalogue_matters_v1';

export const QUALITY_ISSUES_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS ${ISSUES_TABLE} (
    issue_id text PRIMARY KEY,
    matter_id text NOT NULL,
    department_id text NOT NULL,
    region_code text NOT NULL,
    category text NOT NULL,
    description text NOT NULL,
    rule text NULL,
    status text NOT NULL,
    deadline date NOT NULL,
    found_at text NOT NULL,
    found_on date NOT NULL,
    closed_at text NULL,
    closed_on date NULL,
    inspector text NOT NULL,
    last_note text NULL,
    returned_with text NULL,
    updated_at text NOT NULL,
    version int NOT NULL,
    position bigint NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ${ISSUES_TABLE}_department ON ${ISSUES_TABLE} (department_id, status)`,
  `CREATE INDEX IF NOT EXISTS ${ISSUES_TABLE}_region ON ${ISSUES_TABLE} (region_code, status)`,
  `CREATE INDEX IF NOT EXISTS ${ISSUES_TABLE}_matter_rule ON ${ISSUES_TABLE} (matter_id, rule)`,
  `CREATE INDEX IF NOT EXISTS ${ISSUES_TABLE}_open_deadline ON ${ISSUES_TABLE} (deadline) WHERE status <> 'closed'`,
  `CREATE TABLE IF NOT EXISTS ${STEPS_TABLE} (
    issue_id text NOT NULL,
    version int NOT NULL,
    step text NOT NULL,
    status text NOT NULL,
    at text NOT NULL,
    on_date date NOT NULL,
    actor text NOT NULL,
    text text NULL,
    deadline date NOT NULL,
    position bigint NOT NULL,
    PRIMARY KEY (issue_id, version)
  )`,
  `CREATE INDEX IF NOT EXISTS ${STEPS_TABLE}_on_date ON ${STEPS_TABLE} (on_date, issue_id)`,
  `CREATE TABLE IF NOT EXISTS ${CATALOGUE_TABLE} (
    matter_id text PRIMARY KEY,
    status text NOT NULL,
    version int NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ${CATALOGUE_TABLE}_status ON ${CATALOGUE_TABLE} (status)`,
];

export async function createQualityIssueTables(db: SqlExecutor): Promise<void> {
  for (const statement of QUALITY_ISSUES_DDL) await db.query(statement);
}
