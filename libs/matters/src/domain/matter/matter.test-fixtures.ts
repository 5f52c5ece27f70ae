/** Shared givens for the matter unit specs (test-only). */
import { DeciderSpecification } from '@event-driven-io/emmett';
import { DomainError } from '@app/kernel';
import type { MatterElements } from '../matter-elements';
import type { MatterCommand } from './matter.commands';
import { matterDecider } from './matter.decider';
import type { MatterEvent } from './matter.events';

export const given = DeciderSpecification.for(matterDecider);
export const refusedWith = (code: string, text?: string) => (error: DomainError) =>
  error instanceof DomainError && error.code === code && (text === undefined || error.message.includes(text));

export const AT = '2019-03-01T09:00:00+08:00';
export const LATER = '2019-06-01T09:00:00+08:00';
export const matterId = 'm-1';

export const elements: MatterElements = {
  name: '企业设立登记 business licence registration',
  departmentId: 'dept-market',
  regionCode: '330602',
  handlingType: 'promised',
  legalTimeLimit: { value: 20, unit: 'workday' },
  promisedTimeLimit: { value: 3, unit: 'workday' },
  maxVisits: 0,
  channels: { online: true, mobile: true },
  exemptions: {},
  materials: [{ name: '申请书 application form', electronic: true }],
};

export const registered: MatterEvent = { type: 'matter.registered', data: { matterId, code: 'SX-001', elements, at: AT } };
export const published: MatterEvent = {
  type: 'matter.published',
  data: { matterId, version: 1, effectiveFrom: '2019-03-01', elements, at: AT },
};
export const suspended: MatterEvent = {
  type: 'matter.suspended',
  data: { matterId, reason: 'law under review', effectiveFrom: '2019-06-01', at: LATER },
};
export const retired: MatterEvent = {
  type: 'matter.retired',
  data: { matterId, reason: 'abolished', effectiveFrom: '2019-06-01', at: LATER },
};

export const register = (overrides: Partial<MatterElements> = {}, codeTaken = false): MatterCommand => ({
  type: 'matter.register',
  data: { matterId, code: 'SX-001', elements: { ...elements, ...overrides }, codeTaken, at: AT },
});
export const publish: MatterCommand = { type: 'matter.publish', data: { effectiveFrom: '2019-03-01', at: AT } };
export const revise = (changes: Partial<MatterElements>, effectiveFrom = '2019-07-01'): MatterCommand => ({
  type: 'matter.revise',
  data: { changes, effectiveFrom, at: LATER },
});
export const suspend: MatterCommand = {
  type: 'matter.suspend',
  data: { reason: 'law under review', effectiveFrom: '2019-06-01', at: LATER },
};
export const resume: MatterCommand = { type: 'matter.resume', data: { effectiveFrom: '2019-06-10', at: LATER } };
export const retire: MatterCommand = { type: 'matter.retire', data: { reason: 'abolished', effectiveFrom: '2019-06-01', at: LATER } };
