import type { CalendarDate } from '@app/kernel';
import type { MatterElements } from '../matter-elements';

/**
 * Events of a matter stream. Type names are stable and dotted; `data` is schema version 1.
 * Every event carries the matter id and the business time `at` (also put in the envelope's
 * metadata by the handler). Published and revised carry the full elements of the version they
 * bring into force, so a catalogue projection needs no other event to write a version row.
 */

export interface MatterRegistered {
  type: 'matter.registered';
  data: { matterId: string; code: string; elements: MatterElements; at: string };
}

export interface MatterPublished {
  type: 'matter.published';
  data: { matterId: string; version: 1; effectiveFrom: CalendarDate; elements: MatterElements; at: string };
}

export interface MatterRevised {
  type: 'matter.revised';
  data: {
    matterId: string;
    version: number;
    effectiveFrom: CalendarDate;
    /** only the elements whose value changed */
    changes: Partial<MatterElements>;
    /** the whole elements of the new version */
    elements: MatterElements;
    at: string;
  };
}

export interface MatterSuspended {
  type: 'matter.suspended';
  data: { matterId: string; reason: string; effectiveFrom: CalendarDate; at: string };
}

export interface MatterResumed {
  type: 'matter.resumed';
  data: { matterId: string; effectiveFrom: CalendarDate; at: string };
}

export interface MatterRetired {
  type: 'matter.retired';
  data: { matterId: string; reason: string; effectiveFrom: CalendarDate; at: string };
}

export type MatterEvent = MatterRegistered | MatterPublished | MatterRevised | MatterSuspended | MatterResumed | MatterRetired;

export type MatterEventType = MatterEvent['type'];

export const MATTER_EVENT_TYPES: readonly MatterEventType[] = [
  'matter.registered',
  'matter.published',
  'matter.revised',
  'matter.suspended',
  'matter.resumed',
  'matter.retired',
];
