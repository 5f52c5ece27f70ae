import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One catalogue version of a matter, its indicator inputs flattened (read-model row, not a domain object). */
@Entity({ name: 'rm_matter_versions_v1' })
export class MatterVersionRow {
  @PrimaryColumn('text', { name: 'matter_id' }) matterId: string;
  @PrimaryColumn('int') version: number;
  @Column('date', { name: 'effective_from' }) effectiveFrom: string;
  @Column('text', { nullable: true }) code: string | null;
  @Column('text', { name: 'department_id' }) departmentId: string;
  @Column('text', { name: 'region_code' }) regionCode: string;
  @Column('text', { name: 'handling_type' }) handlingType: 'instant' | 'promised';
  @Column('int', { name: 'legal_workdays', nullable: true }) legalWorkdays: number | null;
  @Column('int', { name: 'promised_workdays' }) promisedWorkdays: number;
  @Column('smallint', { name: 'max_visits' }) maxVisits: number;
  @Column('boolean') online: boolean;
  @Column('boolean') mobile: boolean;
  @Column('boolean', { name: 'exempt_online' }) exemptOnline: boolean;
  @Column('boolean', { name: 'exempt_mobile' }) exemptMobile: boolean;
  @Column('boolean', { name: 'exempt_zero_visit' }) exemptZeroVisit: boolean;
  @Column('int', { name: 'materials_total' }) materialsTotal: number;
  @Column('int', { name: 'materials_electronic' }) materialsElectronic: number;
  @Column('text', { name: 'cross_city', array: true }) crossCity: string[];
}

/** A status change of a matter (published, suspended, retired) from a business date on; `seq` is the stream version. */
@Entity({ name: 'rm_matter_status_v1' })
export class MatterStatusRow {
  @PrimaryColumn('text', { name: 'matter_id' }) matterId: string;
  @PrimaryColumn('int') seq: number;
  @Column('text') status: 'published' | 'suspended' | 'retired';
  @Column('date', { name: 'from_date' }) fromDate: string;
}

/** A matter's code, from its registration. */
@Entity({ name: 'rm_matter_codes_v1' })
export class MatterCodeRow {
  @PrimaryColumn('text', { name: 'matter_id' }) matterId: string;
  @Column('text') code: string;
}

/** A matter's timeline (versions and status changes) as the v2 projection keeps it. */
@Entity({ name: 'rm_matter_timelines_v2' })
export class MatterTimelineRow {
  @PrimaryColumn('text', { name: 'matter_id' }) matterId: string;
  @Column('text', { nullable: true }) code: string | null;
  @Column('jsonb') versions: unknown[];
  @Column('jsonb') statuses: unknown[];
}

/** A period `[validFrom, validTo)` in which one version of a matter is published and in force (v2). */
@Entity({ name: 'rm_matter_in_force_v2' })
export class MatterInForceRow {
  @PrimaryColumn('text', { name: 'matter_id' }) matterId: string;
  @PrimaryColumn('date', { name: 'valid_from' }) validFrom: string;
  @Column('date', { name: 'valid_to', nullable: true }) validTo: string | null;
  @Column('int') version: number;
  @Column('date', { name: 'effective_from' }) effectiveFrom: string;
  @Column('text', { nullable: true }) code: string | null;
  @Column('text', { name: 'department_id' }) departmentId: string;
  @Column('text', { name: 'region_code' }) regionCode: string;
  @Column('text', { name: 'handling_type' }) handlingType: 'instant' | 'promised';
  @Column('int', { name: 'legal_workdays', nullable: true }) legalWorkdays: number | null;
  @Column('int', { name: 'promised_workdays' }) promisedWorkdays: number;
  @Column('smallint', { name: 'max_visits' }) maxVisits: number;
  @Column('boolean') online: boolean;
  @Column('boolean') mobile: boolean;
  @Column('boolean', { name: 'exempt_online' }) exemptOnline: boolean;
  @Column('boolean', { name: 'exempt_mobile' }) exemptMobile: boolean;
  @Column('boolean', { name: 'exempt_zero_visit' }) exemptZeroVisit: boolean;
  @Column('int', { name: 'materials_total' }) materialsTotal: number;
  @Column('int', { name: 'materials_electronic' }) materialsElectronic: number;
  @Column('text', { name: 'cross_city', array: true }) crossCity: string[];
}

export const catalogueEntities = [MatterVersionRow, MatterStatusRow, MatterCodeRow, MatterTimelineRow, MatterInForceRow];
