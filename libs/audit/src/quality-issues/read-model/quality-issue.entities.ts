import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CATALOGUE_TABLE, ISSUES_TABLE, STEPS_TABLE } from './quality-issues.schema';

/** Read-model rows (query side only; written by the projections, created by the migration). */
@Entity({ name: ISSUES_TABLE })
export class QualityIssueEntity {
  @PrimaryColumn({ name: 'issue_id', type: 'text' }) issueId: string;
  @Column({ name: 'matter_id', type: 'text' }) matterId: string;
  @Column({ name: 'department_id', type: 'text' }) departmentId: string;
  @Column({ name: 'region_code', type: 'text' }) regionCode: string;
  @Column({ type: 'text' }) category: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', nullable: true }) rule: string | null;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'date' }) deadline: string;
  @Column({ name: 'found_at', type: 'text' }) foundAt: string;
  @Column({ name: 'found_on', type: 'date' }) foundOn: string;
  @Column({ name: 'closed_at', type: 'text', nullable: true }) closedAt: string | null;
  @Column({ name: 'closed_on', type: 'date', nullable: true }) closedOn: string | null;
  @Column({ type: 'text' }) inspector: string;
  @Column({ name: 'last_note', type: 'text', nullable: true }) lastNote: string | null;
  @Column({ name: 'returned_with', type: 'text', nullable: true }) returnedWith: string | null;
  @Column({ name: 'updated_at', type: 'text' }) updatedAt: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'bigint' }) position: string;
}

@Entity({ name: STEPS_TABLE })
export class QualityIssueStepEntity {
  @PrimaryColumn({ name: 'issue_id', type: 'text' }) issueId: string;
  @PrimaryColumn({ type: 'int' }) version: number;
  @Column({ type: 'text' }) step: string;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'text' }) at: string;
  @Column({ name: 'on_date', type: 'date' }) onDate: string;
  @Column({ type: 'text' }) actor: string;
  @Column({ type: 'text', nullable: true }) text: string | null;
  @Column({ type: 'date' }) deadline: string;
  @Column({ type: 'bigint' }) position: string;
}

@Entity({ name: CATALOGUE_TABLE })
export class CatalogueMatterEntity {
  @PrimaryColumn({ name: 'matter_id', type: 'text' }) matterId: string;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'int' }) version: number;
}
