import { newEntity, WrongExpectedVersionError, type NewEntity, type StreamGuard } from '@app/event-store';
import { DomainError } from '@app/kernel';
import {
  memberApplicationId,
  type ApplicationChannel,
  type BundleApplicationMember,
  type BundleState,
  type SealedApplicant,
} from '../../domain';
import { bundleApplications, bundleMemberApplications } from '../bundle-application.aggregate';
import { bundleStreamId } from '../bundle-stream';
import type { MemberMatter } from './bundle-member-lookup';

export interface BundleSubmissionInput {
  bundleApplicationId: string;
  bundleId: string;
  /** the bundle as read, with its stream version */
  bundle: { state: BundleState; version: number };
  /** its members' matters as read, in the bundle's order */
  matters: readonly MemberMatter[];
  /** one sealed copy of the applicant per member, in the same order */
  applicants: readonly SealedApplicant[];
  channel: ApplicationChannel;
  at: string;
}

/**
 * What one 一件事 submission asks the command path to create, all at once: an ordinary
 * `application.submit` per member (its id derived from the bundle application's id and the matter),
 * then the `bundle-application.submit` naming them, guarded by the versions of the bundle's and the
 * member matters' streams as read. The deciders judge each (a matter not in force refuses it).
 */
export function planBundleSubmission(input: BundleSubmissionInput): {
  entities: NewEntity[];
  guards: StreamGuard[];
  members: BundleApplicationMember[];
} {
  const { bundleApplicationId, bundleId, bundle, matters, applicants, channel, at } = input;
  const members = matters.map(({ matterId, departmentId, snapshot }) => ({
    matterId,
    applicationId: memberApplicationId(bundleApplicationId, matterId),
    departmentId: snapshot?.departmentId ?? departmentId,
    regionCode: snapshot?.regionCode ?? '',
  }));
  const applications = members.map(({ applicationId, matterId }, i) => {
    const data = { applicationId, matterId, matter: matters[i].snapshot, channel, applicant: applicants[i], at };
    return newEntity(bundleMemberApplications, applicationId, { type: 'application.submit', data });
  });
  const { state } = bundle;
  const recorded = state.status === 'none' ? null : { version: state.version, code: state.code };
  const submit = { bundleApplicationId, bundleId, bundle: recorded, members, channel, at };
  return {
    entities: [...applications, newEntity(bundleApplications, bundleApplicationId, { type: 'bundle-application.submit', data: submit })],
    guards: [{ streamId: bundleStreamId(bundleId), version: bundle.version }, ...matters.map((m) => m.guard)],
    members,
  };
}

/** A guarded stream moved between the read and the append (a member matter suspended, the bundle revised): 409, nothing appended. */
export function refuseChangedMeanwhile(error: unknown): never {
  if (error instanceof WrongExpectedVersionError)
    throw new DomainError(
      error.streamId.startsWith('matter-') ? 'matter_changed' : 'changed_meanwhile',
      `${error.streamId} changed while the bundle was submitted; nothing was recorded, submit again`,
    );
  throw error;
}
