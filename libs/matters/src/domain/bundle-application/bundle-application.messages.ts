import type { ApplicationChannel } from '../application/application.commands';

/**
 * A bundle application (一件事 办件): one submission at the comprehensive window that becomes one
 * ordinary application per member matter. Its own stream records which applications it made;
 * each member's lifecycle stays on that application's stream.
 */

export interface BundleApplicationMember {
  matterId: string;
  applicationId: string;
  /** the member application's department and region (its matter version's): it counts there like any application */
  departmentId: string;
  regionCode: string;
}

export interface SubmitBundleApplication {
  type: 'bundle-application.submit';
  data: {
    bundleApplicationId: string;
    bundleId: string;
    /** the bundle as the handler read it: null when there is no such bundle */
    bundle: { version: number; code: string } | null;
    members: BundleApplicationMember[];
    channel: ApplicationChannel;
    at: string;
  };
}

export interface BundleApplicationSubmitted {
  type: 'bundle-application.submitted';
  data: {
    bundleApplicationId: string;
    bundleId: string;
    bundleVersion: number;
    bundleCode: string;
    members: BundleApplicationMember[];
    channel: ApplicationChannel;
    at: string;
  };
}

export type BundleApplicationCommand = SubmitBundleApplication;
export type BundleApplicationEvent = BundleApplicationSubmitted;

export type BundleApplicationState =
  { status: 'none' } | { status: 'submitted'; bundleApplicationId: string; bundleId: string; members: BundleApplicationMember[] };
