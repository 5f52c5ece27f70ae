import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One application (办件) as the assessment needs it: scope, channel, handling dates, outcome. */
@Entity({ name: 'rm_applications_v1' })
export class ApplicationFactRow {
  @PrimaryColumn('text', { name: 'application_id' }) applicationId: string;
  @Column('text', { name: 'matter_id' }) matterId: string;
  @Column('text', { name: 'matter_code' }) matterCode: string;
  @Column('text', { name: 'department_id' }) departmentId: string;
  @Column('text', { name: 'region_code' }) regionCode: string;
  @Column('text') channel: string;
  @Column('int', { name: 'promised_workdays' }) promisedWorkdays: number;
  @Column('date', { name: 'submitted_on' }) submittedOn: string;
  @Column('date', { name: 'rejected_on', nullable: true }) rejectedOn: string | null;
  @Column('date', { name: 'accepted_on', nullable: true }) acceptedOn: string | null;
  @Column('jsonb') pauses: unknown[];
  @Column('date', { name: 'paused_since', nullable: true }) pausedSince: string | null;
  @Column('date', { nullable: true }) deadline: string | null;
  @Column('date', { name: 'completed_on', nullable: true }) completedOn: string | null;
  @Column('boolean', { name: 'on_time', nullable: true }) onTime: boolean | null;
  @Column('smallint', { nullable: true }) visits: number | null;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('date', { name: 'delivered_on', nullable: true }) deliveredOn: string | null;
  @Column('smallint', { nullable: true }) score: number | null;
  @Column('date', { name: 'evaluated_on', nullable: true }) evaluatedOn: string | null;
}

/** Accepted applications per business date, department, region and channel. */
@Entity({ name: 'rm_acceptances_daily_v1' })
export class AcceptancesDailyRow {
  @PrimaryColumn('date') day: string;
  @PrimaryColumn('text', { name: 'department_id' }) departmentId: string;
  @PrimaryColumn('text', { name: 'region_code' }) regionCode: string;
  @PrimaryColumn('text') channel: string;
  @Column('int') accepted: number;
}

/** Completions per business date: how many, how many on time, how many with no in-person visit. */
@Entity({ name: 'rm_completions_daily_v1' })
export class CompletionsDailyRow {
  @PrimaryColumn('date') day: string;
  @PrimaryColumn('text', { name: 'department_id' }) departmentId: string;
  @PrimaryColumn('text', { name: 'region_code' }) regionCode: string;
  @Column('int') completed: number;
  @Column('int', { name: 'on_time' }) onTime: number;
  @Column('int', { name: 'zero_visit' }) zeroVisit: number;
}

/** 好差评 per business date and score (5 非常满意 … 1 非常不满意). */
@Entity({ name: 'rm_evaluations_daily_v1' })
export class EvaluationsDailyRow {
  @PrimaryColumn('date') day: string;
  @PrimaryColumn('text', { name: 'department_id' }) departmentId: string;
  @PrimaryColumn('text', { name: 'region_code' }) regionCode: string;
  @PrimaryColumn('smallint') score: number;
  @Column('int') evaluations: number;
}

/** Version 2 of the application facts: the same row (the overdue lists read it). */
@Entity({ name: 'rm_applications_v2' })
export class ApplicationFactRowV2 extends ApplicationFactRow {}

/** Version 2 counters: per (grain d|m, day, department, region) every application counter and the open/overdue deltas. */
@Entity({ name: 'rm_application_counters_v2' })
export class ApplicationCounterRow {
  @PrimaryColumn('text') grain: 'd' | 'm';
  @PrimaryColumn('date') day: string;
  @PrimaryColumn('text', { name: 'department_id' }) departmentId: string;
  @PrimaryColumn('text', { name: 'region_code' }) regionCode: string;
  @Column('int') accepted: number;
  @Column('int') online: number;
  @Column('int') mobile: number;
  @Column('int') completed: number;
  @Column('int', { name: 'on_time' }) onTime: number;
  @Column('int', { name: 'zero_visit' }) zeroVisit: number;
  @Column('int') s1: number;
  @Column('int') s2: number;
  @Column('int') s3: number;
  @Column('int') s4: number;
  @Column('int') s5: number;
  @Column('int', { name: 'open_delta' }) openDelta: number;
  @Column('int', { name: 'overdue_delta' }) overdueDelta: number;
}

export const applicationFactEntities = [
  ApplicationFactRow,
  AcceptancesDailyRow,
  CompletionsDailyRow,
  EvaluationsDailyRow,
  ApplicationFactRowV2,
  ApplicationCounterRow,
];
