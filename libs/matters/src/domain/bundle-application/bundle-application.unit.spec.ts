import { DeciderSpecification } from '@event-driven-io/emmett';
import { DomainError } from '@app/kernel';
import type { BundleApplicationCommand, BundleApplicationEvent } from './bundle-application.messages';
import { bundleApplicationDecider } from './bundle-application.decider';
import { memberApplicationId } from './bundle-application-ids';

const given = DeciderSpecification.for(bundleApplicationDecider);
const AT = '2019-09-27T09:00:00+08:00';
const ID = '7d1f0c4e-3b9a-4c2e-9f10-2a6b8e4d5c01';
const members = [
  { matterId: 'm-licence', applicationId: memberApplicationId(ID, 'm-licence'), departmentId: 'market', regionCode: '330602' },
  { matterId: 'm-seal', applicationId: memberApplicationId(ID, 'm-seal'), departmentId: 'police', regionCode: '330602' },
];
const submit = (bundle: { version: number; code: string } | null = { version: 2, code: 'YJS-1' }): BundleApplicationCommand => ({
  type: 'bundle-application.submit',
  data: { bundleApplicationId: ID, bundleId: 'b-1', bundle, members, channel: 'window', at: AT },
});
const submitted: BundleApplicationEvent = {
  type: 'bundle-application.submitted',
  data: { bundleApplicationId: ID, bundleId: 'b-1', bundleVersion: 2, bundleCode: 'YJS-1', members, channel: 'window', at: AT },
};

describe('bundle application decider', () => {
  it('records the submission with the bundle version and its member applications', () => {
    given([]).when(submit()).then([submitted]);
  });
  it('refuses an unknown bundle (404 naming bundleId) and a second submission of the stream', () => {
    given([])
      .when(submit(null))
      .thenThrows(DomainError, (e: DomainError) => e.kind === 'not_found' && e.details[0].field === 'bundleId');
    given([submitted])
      .when(submit())
      .thenThrows(DomainError, (e: DomainError) => e.code === 'already_exists');
  });
  it('derives member application ids from the bundle application and the matter (UUID v5), the same on every retry', () => {
    expect(memberApplicationId(ID, 'm-seal')).toBe(members[1].applicationId);
    expect(members[0].applicationId).not.toBe(members[1].applicationId);
    expect(members[0].applicationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
