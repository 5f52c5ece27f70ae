import type { PausePeriod } from '@app/matters';

/** One `rm_applications_v2` row in memory (column names as in the table). */
export interface ApplicationFact {
  application_id: string;
  matter_id: string;
  matter_code: string;
  department_id: string;
  region_code: string;
  channel: string;
  promised_workdays: number;
  submitted_on: string;
  rejected_on: string | null;
  accepted_on: string | null;
  pauses: PausePeriod[];
  paused_since: string | null;
  deadline: string | null;
  completed_on: string | null;
  on_time: boolean | null;
  visits: number | null;
  outcome: string | null;
  delivered_on: string | null;
  score: number | null;
  evaluated_on: string | null;
  /** 退件 (`application.returned`): accepted, never completed nor on time; no longer open from this date */
  returned_on: string | null;
}

export const APPLICATION_FACT_COLUMNS: Record<keyof ApplicationFact, string> = {
  application_id: 'text',
  matter_id: 'text',
  matter_code: 'text',
  department_id: 'text',
  region_code: 'text',
  channel: 'text',
  promised_workdays: 'int',
  submitted_on: 'date',
  rejected_on: 'date',
  accepted_on: 'date',
  pauses: 'jsonb',
  paused_since: 'date',
  deadline: 'date',
  completed_on: 'date',
  on_time: 'boolean',
  visits: 'smallint',
  outcome: 'text',
  delivered_on: 'date',
  score: 'smallint',
  evaluated_on: 'date',
  returned_on: 'date',
};

/** The SELECT list that reads rows back with dates as 'YYYY-MM-DD' text (not JS Dates). */
export const APPLICATION_FACT_SELECT = Object.entries(APPLICATION_FACT_COLUMNS)
  .map(([name, type]) => (type === 'date' ? `${name}::text AS ${name}` : name))
  .join(', ');
