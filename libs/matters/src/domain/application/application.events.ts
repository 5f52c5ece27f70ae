import type { CalendarDate } from '@app/kernel';
import type { SealedApplicant } from '../../personal-data/sealed-applicant';
import type { ApplicationChannel, ApplicationOutcome, DeliveryMethod } from './application.commands';
import type { MatterSnapshot } from './matter-snapshot';

/**
 * Events of an application stream (办件). Stable dotted names, `data` schema version 1; each carries
 * the application id and the business time `at`. No personal data in clear: the applicant is sealed.
 */
type Data<T = object> = { applicationId: string; at: string } & T;

export interface ApplicationSubmitted {
  type: 'application.submitted';
  data: Data<{ matterId: string; matter: MatterSnapshot; channel: ApplicationChannel; applicant: SealedApplicant }>;
}
/** 不予受理: terminal */
export interface ApplicationRejected {
  type: 'application.rejected';
  data: Data<{ reason: string }>;
}
export interface SupplementRequested {
  type: 'application.supplement_requested';
  data: Data<{ items: string[] }>;
}
export interface SupplementReceived {
  type: 'application.supplement_received';
  data: Data;
}
/**
 * 受理: the business date of `at` is day 0 of the deadline. `deferredMaterials` (容缺受理, added to
 * schema version 1 as an optional field) lists the materials promised for later and their due date.
 */
export interface ApplicationAccepted {
  type: 'application.accepted';
  data: Data<{ channel: ApplicationChannel; deferredMaterials?: { items: string[]; dueOn: CalendarDate } }>;
}
/** 容缺补交: the deferred materials were brought */
export interface DeferredMaterialsReceived {
  type: 'application.deferred_materials_received';
  data: Data<{ items: string[] }>;
}
/** 退件: deferred materials still missing long after their due date; terminal, never completed */
export interface ApplicationReturned {
  type: 'application.returned';
  data: Data<{ reason: typeof DEFERRED_MATERIALS_MISSING; items: string[] }>;
}

/** The reason of the sweep's suspension (`application.suspended`) for overdue deferred materials. */
export const DEFERRED_MATERIALS_OVERDUE = 'deferred_materials_overdue';
/** The reason of a return (`application.returned`). */
export const DEFERRED_MATERIALS_MISSING = 'deferred_materials_missing';
export interface SpecialProcedureStarted {
  type: 'application.special_procedure_started';
  data: Data<{ kind: string }>;
}
export interface SpecialProcedureEnded {
  type: 'application.special_procedure_ended';
  data: Data<{ kind: string }>;
}
export interface ApplicationSuspended {
  type: 'application.suspended';
  data: Data<{ reason: string }>;
}
export interface ApplicationResumed {
  type: 'application.resumed';
  data: Data;
}
export interface ApplicationCompleted {
  type: 'application.completed';
  data: Data<{ outcome: ApplicationOutcome; visits: number }>;
}
export interface ResultDelivered {
  type: 'application.delivered';
  data: Data<{ method: DeliveryMethod }>;
}
/** 好差评: 5 非常满意 … 1 非常不满意 */
export interface ServiceEvaluated {
  type: 'application.evaluated';
  data: Data<{ score: number; comment?: string }>;
}

export type ApplicationEvent =
  | ApplicationSubmitted
  | ApplicationRejected
  | SupplementRequested
  | SupplementReceived
  | ApplicationAccepted
  | SpecialProcedureStarted
  | SpecialProcedureEnded
  | ApplicationSuspended
  | ApplicationResumed
  | ApplicationCompleted
  | ResultDelivered
  | ServiceEvaluated
  | DeferredMaterialsReceived
  | ApplicationReturned;

export type ApplicationEventType = ApplicationEvent['type'];

export const APPLICATION_EVENT_TYPES: readonly ApplicationEventType[] = [
  'application.submitted',
  'application.rejected',
  'application.supplement_requested',
  'application.supplement_received',
  'application.accepted',
  'application.special_procedure_started',
  'application.special_procedure_ended',
  'application.suspended',
  'application.resumed',
  'application.completed',
  'application.delivered',
  'application.evaluated',
  'application.deferred_materials_received',
  'application.returned',
];
