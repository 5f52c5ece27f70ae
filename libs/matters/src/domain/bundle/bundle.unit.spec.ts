import { DeciderSpecification } from '@event-driven-io/emmett';
import { DomainError } from '@app/kernel';
import type { BundleCommand, BundleEvent, MemberLookup } from './bundle.messages';
import { bundleDecider } from './bundle.decider';

const given = DeciderSpecification.for(bundleDecider);
const refusedWith = (code: string, field?: string) => (error: DomainError) =>
  error.code === code && (field === undefined || error.details.some((d) => d.field === field));

const AT = '2019-09-27T09:00:00+08:00';
const published = (matterId: string, departmentId: string): MemberLookup => ({
  matterId,
  matter: { departmentId, name: `matter ${matterId}`, status: 'published' },
});
const licence = published('m-licence', 'market');
const seal = published('m-seal', 'police');
const tax = published('m-tax', 'tax');
const define = (members: MemberLookup[] = [licence, seal], codeTaken = false): BundleCommand => ({
  type: 'bundle.define',
  data: { bundleId: 'b-1', code: 'YJS-KBQY', name: '开办企业一件事', members, codeTaken, at: AT },
});
const asMember = ({ matterId, matter }: MemberLookup) => ({ matterId, departmentId: matter!.departmentId, name: matter!.name });
const defined: BundleEvent = {
  type: 'bundle.defined',
  data: { bundleId: 'b-1', code: 'YJS-KBQY', name: '开办企业一件事', version: 1, members: [licence, seal].map(asMember), at: AT },
};

describe('bundle decider', () => {
  it('defines version 1 with the members’ departments and names', () => {
    given([]).when(define()).then([defined]);
  });
  it('refuses fewer than two members and a matter named twice (400)', () => {
    given([])
      .when(define([licence]))
      .thenThrows(DomainError, refusedWith('invalid_command', 'matterIds'));
    given([])
      .when(define([licence, seal, licence]))
      .thenThrows(DomainError, refusedWith('invalid_command', 'matterIds[2]'));
  });
  it('refuses an unknown matter naming its field (404) and an unpublished one (409)', () => {
    given([])
      .when(define([licence, { matterId: 'm-x', matter: null }]))
      .thenThrows(DomainError, (e: DomainError) => e.kind === 'not_found' && e.details[0].field === 'matterIds[1]');
    const suspended = { matterId: 'm-s', matter: { departmentId: 'tax', name: 's', status: 'suspended' } };
    given([])
      .when(define([licence, suspended]))
      .thenThrows(DomainError, (e: DomainError) => e.kind === 'conflict' && e.code === 'not_published');
  });
  it('refuses a taken code and a second definition of the stream', () => {
    given([]).when(define(undefined, true)).thenThrows(DomainError, refusedWith('duplicate_code', 'code'));
    given([defined]).when(define()).thenThrows(DomainError, refusedWith('already_exists'));
  });
  it('a revision is the next version, replacing the members whole and keeping the name unless given', () => {
    const revise: BundleCommand = { type: 'bundle.revise', data: { members: [licence, seal, tax], at: AT } };
    const revised: BundleEvent = {
      type: 'bundle.revised',
      data: { bundleId: 'b-1', name: '开办企业一件事', version: 2, members: [licence, seal, tax].map(asMember), at: AT },
    };
    given([defined]).when(revise).then([revised]);
    given([defined, revised])
      .when({ type: 'bundle.revise', data: { name: '开办', members: [seal, tax], at: AT } })
      .then([{ type: 'bundle.revised', data: { bundleId: 'b-1', name: '开办', version: 3, members: [seal, tax].map(asMember), at: AT } }]);
  });
  it('refuses to revise an unknown bundle or into an invalid member set', () => {
    given([])
      .when({ type: 'bundle.revise', data: { members: [licence, seal], at: AT } })
      .thenThrows(DomainError, refusedWith('not_found'));
    given([defined])
      .when({ type: 'bundle.revise', data: { members: [seal], at: AT } })
      .thenThrows(DomainError, refusedWith('invalid_command'));
  });
});
