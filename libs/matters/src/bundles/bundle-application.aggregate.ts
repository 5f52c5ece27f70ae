import type { Aggregate } from '@app/event-store';
import { DomainError, departmentScope, type ScopedActor } from '@app/kernel';
import {
  applicationDecider,
  bundleApplicationDecider,
  type ApplicationCommand,
  type ApplicationEvent,
  type ApplicationState,
  type BundleApplicationCommand,
  type BundleApplicationEvent,
  type BundleApplicationState,
} from '../domain';
import { applicationStreamId } from '../applications/application-stream';
import { bundleApplicationStreamId } from './bundle-stream';

/**
 * Who submits a 一件事: the comprehensive window (综合窗口) — window staff whose token names no
 * department — or admin. Window staff of one department handle their own department's
 * applications, not a submission that spans several departments (403).
 */
export function assertComprehensiveWindow(actor: ScopedActor): void {
  if (actor.roles.includes('admin')) return;
  if (departmentScope(actor) !== null)
    throw new DomainError(
      'forbidden',
      'a 一件事 is submitted at the comprehensive window (window staff without a departmentId) or by admin',
    );
}

/** The bundle application (`bundle-application-<uuid>`): spans departments, so no department owns it. */
export const bundleApplications: Aggregate<BundleApplicationCommand, BundleApplicationEvent, BundleApplicationState> = {
  name: 'bundle application',
  decider: bundleApplicationDecider,
  streamId: bundleApplicationStreamId,
  departmentOf: () => undefined,
  authorize: assertComprehensiveWindow,
};

/**
 * A member of a bundle application: an ordinary application (the same decider, stream and owner
 * department as `applications`), submitted by the comprehensive window on its department's behalf.
 */
export const bundleMemberApplications: Aggregate<ApplicationCommand, ApplicationEvent, ApplicationState> = {
  name: 'application',
  decider: applicationDecider,
  streamId: applicationStreamId,
  departmentOf: (state) => (state.status === 'none' ? undefined : state.matter.departmentId),
  authorize: assertComprehensiveWindow,
};
