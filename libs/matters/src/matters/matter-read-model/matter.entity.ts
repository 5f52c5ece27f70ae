import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MatterElements } from '../../domain/matter-elements';
import type { StatusPeriod } from '../../domain/matter';
import type { MatterRowData, MatterVersionEntry } from './matter-row';

/** A row of `rm_matters_v1` for the query side (written by `mattersProjection`). */
@Entity({ name: 'rm_matters_v1' })
export class MatterEntity {
  @PrimaryColumn({ name: 'matter_id', type: 'text' })
  matterId: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'department_id', type: 'text' })
  departmentId: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @Column({ type: 'text' })
  status: MatterRowData['status'];

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'catalogue_version', type: 'int', nullable: true })
  catalogueVersion: number | null;

  /** YYYY-MM-DD */
  @Column({ name: 'effective_from', type: 'date', nullable: true })
  effectiveFrom: string | null;

  @Column({ name: 'stream_version', type: 'int' })
  streamVersion: number;

  @Column({ type: 'jsonb' })
  elements: MatterElements;

  @Column({ type: 'jsonb' })
  versions: MatterVersionEntry[];

  @Column({ name: 'status_periods', type: 'jsonb' })
  statusPeriods: StatusPeriod[];

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
