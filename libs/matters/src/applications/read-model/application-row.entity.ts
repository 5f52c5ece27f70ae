import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApplicationState } from '../../domain';

/** A row of the `applications` read model, version 1 (see `ApplicationsReadModel1764300000001`). */
@Entity('rm_application_files_v1')
export class ApplicationRow {
  @PrimaryColumn({ name: 'application_id', type: 'text' })
  applicationId: string;

  /** stream version of the last event applied (the ETag of GET) */
  @Column({ type: 'int' })
  version: number;

  /** global position of the last event applied */
  @Column({ type: 'bigint' })
  position: string;

  @Column({ name: 'matter_id', type: 'text' })
  matterId: string;

  @Column({ name: 'matter_code', type: 'text' })
  matterCode: string;

  @Column({ name: 'department_id', type: 'text' })
  departmentId: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @Column({ type: 'text' })
  channel: string;

  /** `displayStatus`: accepted is shown as special_procedure / suspended while one is open */
  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'accepted_on', type: 'date', nullable: true })
  acceptedOn: string | null;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ type: 'int', nullable: true })
  visits: number | null;

  @Column({ name: 'evaluation_score', type: 'int', nullable: true })
  evaluationScore: number | null;

  /** the deadline counting closed pauses only (open ones move it later as of a date) */
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ name: 'open_pauses', type: 'int' })
  openPauses: number;

  @Column({ name: 'completed_late', type: 'boolean' })
  completedLate: boolean;

  /** the applicant's key in `applicant_keys`; a missing key means the personal data is erased */
  @Column({ name: 'key_id', type: 'text' })
  keyId: string;

  /** the folded `ApplicationState` (sealed applicant only): what `handlingClock` needs as of any date */
  @Column({ type: 'jsonb' })
  state: ApplicationState;
}
