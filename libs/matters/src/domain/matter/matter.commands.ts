import type { CalendarDate } from '@app/kernel';
import type { MatterElements } from '../matter-elements';

/** Every command carries `at`: the business time (ISO 8601 with offset) of the fact. */

export interface RegisterMatter {
  type: 'matter.register';
  data: {
    matterId: string;
    code: string;
    elements: MatterElements;
    /**
     * Whether another matter already uses `code`. Uniqueness spans streams, so one stream cannot
     * decide it: the handler looks the code up in a unique index (e.g. a `matter_codes(code PRIMARY
     * KEY, matter_id)` table, inserted in the same transaction as the append, or reserved before it
     * and released if the append fails) and passes the answer here; the unique constraint settles
     * the race between two concurrent registrations of one code. `true` → `duplicate_code` (409).
     */
    codeTaken: boolean;
    at: string;
  };
}

export interface PublishMatter {
  type: 'matter.publish';
  /** version 1 comes into force on `effectiveFrom` (may be in the past for migrated data) */
  data: { effectiveFrom: CalendarDate; at: string };
}

export interface ReviseMatter {
  type: 'matter.revise';
  /**
   * `changes` replaces top-level elements (a new `channels` object replaces the old one whole);
   * the result is validated as a whole and becomes the next catalogue version from `effectiveFrom`.
   */
  data: { changes: Partial<MatterElements>; effectiveFrom: CalendarDate; at: string };
}

/**
 * Suspend, resume and retire take effect on `effectiveFrom`. The API does not take that date from
 * clients: the handler sets it to the business date of `at` (toBusinessDate(at, BUSINESS_TZ)),
 * so the status history, like the versions, is a list of dated periods answerable as of any date.
 */
export interface SuspendMatter {
  type: 'matter.suspend';
  data: { reason: string; effectiveFrom: CalendarDate; at: string };
}

export interface ResumeMatter {
  type: 'matter.resume';
  data: { effectiveFrom: CalendarDate; at: string };
}

export interface RetireMatter {
  type: 'matter.retire';
  data: { reason: string; effectiveFrom: CalendarDate; at: string };
}

export type MatterCommand = RegisterMatter | PublishMatter | ReviseMatter | SuspendMatter | ResumeMatter | RetireMatter;
