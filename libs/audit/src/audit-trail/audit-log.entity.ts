import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AUDIT_LOG_TABLE } from './audit-log.schema';

/** A row of the append-only audit chain (query side only; written by `appendToChain`). */
@Entity({ name: AUDIT_LOG_TABLE })
export class AuditLogEntity {
  @PrimaryColumn({ type: 'bigint' }) seq: string;
  @Column({ type: 'text' }) at: string;
  @Column({ name: 'at_time', type: 'timestamptz' }) atTime: Date;
  @Column({ type: 'text' }) actor: string;
  @Column({ type: 'jsonb' }) roles: string[];
  @Column({ type: 'jsonb' }) command: unknown;
  @Column({ name: 'stream_id', type: 'text', nullable: true }) streamId: string | null;
  @Column({ type: 'bigint', nullable: true }) position: string | null;
  @Column({ name: 'first_version', type: 'bigint', nullable: true }) firstVersion: string | null;
  @Column({ name: 'last_version', type: 'bigint', nullable: true }) lastVersion: string | null;
  @Column({ name: 'prev_hash', type: 'text' }) prevHash: string;
  @Column({ type: 'text' }) hash: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}
