import type { CalendarDate } from '@app/kernel';
import type { SealedApplicant } from '../../personal-data/sealed-applicant';
import type { MatterSnapshot } from './matter-snapshot';

export type ApplicationChannel = 'online' | 'mobile' | 'window';
export type ApplicationOutcome = 'approved' | 'denied';
export type DeliveryMethod = 'online' | 'post' | 'window';

/** Every command carries `at`: the business time (ISO 8601 with offset) of the fact. */

export interface SubmitApplication {
  type: 'application.submit';
  data: {
    applicationId: string;
    matterId: string;
    /**
     * The matter version in force at `at`, looked up by the handler
     * (`toMatterSnapshot(code, versionInForce(history, businessDate(at)))`); null when the matter is
     * not published and in force then → refused with `not_in_force`.
     */
    matter: MatterSnapshot | null;
    channel: ApplicationChannel;
    /** already sealed by the handler (`sealApplicant`): no personal data in clear reaches the domain */
    applicant: SealedApplicant;
    at: string;
  };
}

export interface RejectApplication {
  type: 'application.reject';
  data: { reason: string; at: string };
}
export interface RequestSupplement {
  type: 'application.request_supplement';
  data: { items: string[]; at: string };
}
export interface ReceiveSupplement {
  type: 'application.receive_supplement';
  data: { at: string };
}
/**
 * 受理. With `deferredMaterials` it is 容缺受理: the applicant signed a commitment to bring those
 * materials (names of the matter version's materials) by `deferredDueOn`.
 */
export interface AcceptApplication {
  type: 'application.accept';
  data: {
    at: string;
    deferredMaterials?: string[];
    /** default: `deferredDueWorkdays` working days after acceptance, but never after the deadline */
    deferredDueOn?: CalendarDate;
    /** the configured default for `deferredDueOn` in working days (`DEFERRED_MATERIALS_LIMITS.dueWorkdays` when absent) */
    deferredDueWorkdays?: number;
  };
}
/** The applicant brought the deferred materials (容缺补交); resumes a suspension for them. */
export interface ReceiveDeferredMaterials {
  type: 'application.receive_deferred_materials';
  data: { at: string };
}
/** The sweep, on a working day after the due date: suspend for the missing deferred materials. */
export interface SuspendForDeferredMaterials {
  type: 'application.suspend_for_deferred_materials';
  data: { at: string };
}
/** The sweep, `afterWorkdays` working days after the due date: 退件 (terminal). */
export interface ReturnApplication {
  type: 'application.return';
  data: { at: string; afterWorkdays: number };
}
export interface StartSpecialProcedure {
  type: 'application.start_special_procedure';
  data: { kind: string; at: string };
}
export interface EndSpecialProcedure {
  type: 'application.end_special_procedure';
  data: { at: string };
}
export interface SuspendApplication {
  type: 'application.suspend';
  data: { reason: string; at: string };
}
export interface ResumeApplication {
  type: 'application.resume';
  data: { at: string };
}
export interface CompleteApplication {
  type: 'application.complete';
  data: { outcome: ApplicationOutcome; visits: number; at: string };
}
export interface DeliverResult {
  type: 'application.deliver';
  data: { method: DeliveryMethod; at: string };
}
export interface EvaluateService {
  type: 'application.evaluate';
  data: { score: number; comment?: string; at: string };
}

export type ApplicationCommand =
  | SubmitApplication
  | RejectApplication
  | RequestSupplement
  | ReceiveSupplement
  | AcceptApplication
  | StartSpecialProcedure
  | EndSpecialProcedure
  | SuspendApplication
  | ResumeApplication
  | CompleteApplication
  | DeliverResult
  | EvaluateService
  | ReceiveDeferredMaterials
  | SuspendForDeferredMaterials
  | ReturnApplication;
