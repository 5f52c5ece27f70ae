import { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_LOG_DDL, AUDIT_LOG_TABLE } from './audit-log.schema';

/** The tamper-evident audit trail (append-only hash chain). `down` refuses: the chain is never dropped by a migration. */
export class AuditLog1764160000000 implements MigrationInterface {
  name = 'AuditLog1764160000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of AUDIT_LOG_DDL) await runner.query(statement);
  }

  async down(): Promise<void> {
    throw new Error(`${AUDIT_LOG_TABLE} is an append-only audit chain; it is not dropped by a migration`);
  }
}
