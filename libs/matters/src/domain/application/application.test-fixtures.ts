/** Shared givens for the application unit specs (test-only). */
import { DeciderSpecification } from '@event-driven-io/emmett';
import { DomainError } from '@app/kernel';
import type { ApplicationCommand } from './application.commands';
import { applicationDecider } from './application.decider';
import type {
  ApplicationAccepted,
  ApplicationEvent,
  ApplicationRejected,
  ApplicationResumed,
  ApplicationSubmitted,
  SupplementReceived,
  SupplementRequested,
} from './application.events';
import type { MatterSnapshot } from './matter-snapshot';

export const given = DeciderSpecification.for(applicationDecider);

export const refusedWith = (code: string, text?: string) => (error: DomainError) =>
  error instanceof DomainError && error.code === code && (text === undefined || error.message.includes(text));

export const applicationId = 'app-1';
/** Shanghai business time on a given date, 10:00 by default */
export const on = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

export const matter: MatterSnapshot = {
  code: 'SX-001',
  version: 1,
  handlingType: 'promised',
  promisedWorkdays: 5,
  departmentId: 'dept-market',
  regionCode: '330602',
};

export const applicant = {
  kind: 'person' as const,
  keyId: 'key-app-1',
  sealed: 'AbCdEf==',
  idNumberMasked: '3306**********1234',
  nameMasked: '张*',
};

export const submit = (
  overrides: Partial<Extract<ApplicationCommand, { type: 'application.submit' }>['data']> = {},
): ApplicationCommand => ({
  type: 'application.submit',
  data: { applicationId, matterId: 'm-1', matter, channel: 'online', applicant, at: on('2019-09-26'), ...overrides },
});

export const submitted: ApplicationSubmitted = {
  type: 'application.submitted',
  data: { applicationId, matterId: 'm-1', matter, channel: 'online', applicant, at: on('2019-09-26') },
};
export const supplementRequested: SupplementRequested = {
  type: 'application.supplement_requested',
  data: { applicationId, items: ['营业执照复印件'], at: on('2019-09-26', '11:00') },
};
export const supplementReceived: SupplementReceived = {
  type: 'application.supplement_received',
  data: { applicationId, at: on('2019-09-26', '15:00') },
};
export const rejected: ApplicationRejected = {
  type: 'application.rejected',
  data: { applicationId, reason: '不属于本机关职权范围', at: on('2019-09-26', '16:00') },
};
export const accepted: ApplicationAccepted = {
  type: 'application.accepted',
  data: { applicationId, channel: 'online', at: on('2019-09-27') },
};

export const specialStarted = (date: string, kind = '听证 hearing'): ApplicationEvent => ({
  type: 'application.special_procedure_started',
  data: { applicationId, kind, at: on(date) },
});
export const specialEnded = (date: string, kind = '听证 hearing'): ApplicationEvent => ({
  type: 'application.special_procedure_ended',
  data: { applicationId, kind, at: on(date) },
});
export const suspended = (date: string, reason = '等待外部核查'): ApplicationEvent => ({
  type: 'application.suspended',
  data: { applicationId, reason, at: on(date) },
});
export const resumed = (date: string): ApplicationResumed => ({ type: 'application.resumed', data: { applicationId, at: on(date) } });
export const completed = (date: string, outcome: 'approved' | 'denied' = 'approved', visits = 0): ApplicationEvent => ({
  type: 'application.completed',
  data: { applicationId, outcome, visits, at: on(date) },
});
export const delivered = (date: string): ApplicationEvent => ({
  type: 'application.delivered',
  data: { applicationId, method: 'post', at: on(date) },
});
export const evaluated = (date: string, score = 5): ApplicationEvent => ({
  type: 'application.evaluated',
  data: { applicationId, score, at: on(date) },
});

export const startSpecial = (date: string, kind = '听证 hearing'): ApplicationCommand => ({
  type: 'application.start_special_procedure',
  data: { kind, at: on(date) },
});
export const endSpecial = (date: string): ApplicationCommand => ({ type: 'application.end_special_procedure', data: { at: on(date) } });
export const suspend = (date: string): ApplicationCommand => ({
  type: 'application.suspend',
  data: { reason: '等待外部核查', at: on(date) },
});
export const resume = (date: string): ApplicationCommand => ({ type: 'application.resume', data: { at: on(date) } });
export const complete = (date: string, visits = 0): ApplicationCommand => ({
  type: 'application.complete',
  data: { outcome: 'approved', visits, at: on(date) },
});
export const deliver = (date: string): ApplicationCommand => ({ type: 'application.deliver', data: { method: 'post', at: on(date) } });
export const evaluate = (date: string, score = 5, comment?: string): ApplicationCommand => ({
  type: 'application.evaluate',
  data: { score, comment, at: on(date) },
});

/** submitted and accepted on Friday 27 Sep 2019 */
export const handling = [submitted, accepted];
