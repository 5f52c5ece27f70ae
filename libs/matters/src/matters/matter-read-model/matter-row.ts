import type { CalendarDate } from '@app/kernel';
import type { MatterElements } from '../../domain/matter-elements';
import type { MatterStatus, StatusPeriod } from '../../domain/matter';

/** One catalogue version as the detail view lists it. */
export interface MatterVersionEntry {
  version: number;
  effectiveFrom: CalendarDate;
  /** business time the version was recorded */
  at: string;
}

/**
 * A row of `rm_matters_v1` as the projection folds it: snake_case like the table, JSON-ready
 * (dates and timestamps as text), so a batch is written with one `jsonb_populate_recordset`.
 */
export interface MatterRowData {
  matter_id: string;
  code: string;
  name: string;
  department_id: string;
  region_code: string;
  status: Exclude<MatterStatus, 'none'>;
  status_reason: string | null;
  catalogue_version: number | null;
  effective_from: CalendarDate | null;
  stream_version: number;
  elements: MatterElements;
  versions: MatterVersionEntry[];
  status_periods: StatusPeriod[];
  registered_at: string;
  updated_at: string;
}
