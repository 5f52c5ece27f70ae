import type { CalendarDate } from '@app/kernel';
import type { SealedApplicant } from '../../personal-data/sealed-applicant';
import type { ApplicationChannel, ApplicationOutcome, DeliveryMethod } from './application.commands';
import type { MatterSnapshot } from './matter-snapshot';
import type { PausePeriod } from './pause-periods';

/** What every submitted application knows. */
interface ApplicationFile {
  applicationId: string;
  matterId: string;
  matter: MatterSnapshot;
  channel: ApplicationChannel;
  applicant: SealedApplicant;
  submittedAt: string;
  /** business time of the last event: commands may not go back before it */
  lastAt: string;
}

/** 容缺受理: what was promised for later, by when, and when it came (null while outstanding). */
export interface DeferredMaterials {
  items: string[];
  dueOn: CalendarDate;
  receivedAt: string | null;
}

interface Handling {
  acceptedAt: string;
  /** every special procedure and suspension, in order; open ones have `endedAt: null` */
  pauses: PausePeriod[];
  /** absent for an ordinary acceptance (and in states stored before 容缺受理 existed) */
  deferredMaterials?: DeferredMaterials;
}

export interface Evaluation {
  score: number;
  comment?: string;
  at: string;
}

interface Decision extends Handling {
  completedAt: string;
  outcome: ApplicationOutcome;
  visits: number;
  /** 好差评, at most once */
  evaluation: Evaluation | null;
}

export interface NoApplication {
  status: 'none';
}
export interface SubmittedApplication extends ApplicationFile {
  status: 'submitted';
}
export interface AwaitingSupplement extends ApplicationFile {
  status: 'supplement_requested';
  items: string[];
}
export interface RejectedApplication extends ApplicationFile {
  status: 'rejected';
  reason: string;
  rejectedAt: string;
}
export interface AcceptedApplication extends ApplicationFile, Handling {
  status: 'accepted';
}
/** 退件: returned for deferred materials never brought; terminal, counted as accepted, never as completed or on time. */
export interface ReturnedApplication extends ApplicationFile, Handling {
  status: 'returned';
  returnedAt: string;
}
export interface CompletedApplication extends ApplicationFile, Decision {
  status: 'completed';
}
export interface DeliveredApplication extends ApplicationFile, Decision {
  status: 'delivered';
  delivery: { method: DeliveryMethod; at: string };
}

export type ApplicationState =
  | NoApplication
  | SubmittedApplication
  | AwaitingSupplement
  | RejectedApplication
  | AcceptedApplication
  | ReturnedApplication
  | CompletedApplication
  | DeliveredApplication;

export type ApplicationStatus = ApplicationState['status'];

export const initialApplicationState = (): ApplicationState => ({ status: 'none' });

export const openPause = (state: AcceptedApplication, kind: PausePeriod['kind']): PausePeriod | undefined =>
  state.pauses.find((pause) => pause.kind === kind && pause.endedAt === null);

/** The deferred materials still outstanding (容缺受理 not yet fulfilled), or null. */
export const outstandingDeferredMaterials = (state: ApplicationState): DeferredMaterials | null =>
  state.status === 'accepted' && state.deferredMaterials && state.deferredMaterials.receivedAt === null ? state.deferredMaterials : null;

/**
 * The status shown to people: `accepted` is refined to `special_procedure` or `suspended` while
 * one is open (a suspension shows when both are).
 */
export function displayStatus(state: ApplicationState): ApplicationStatus | 'special_procedure' | 'suspended' {
  if (state.status !== 'accepted') return state.status;
  if (openPause(state, 'suspension')) return 'suspended';
  if (openPause(state, 'special_procedure')) return 'special_procedure';
  return 'accepted';
}
