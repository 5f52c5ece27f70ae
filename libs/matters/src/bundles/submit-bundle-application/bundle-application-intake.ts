import { Inject, Injectable } from '@nestjs/common';
import {
  CommandExecutor,
  EVENT_STORE,
  EventStoreUnavailableError,
  newAggregateId,
  type CommandContext,
  type EventStore,
} from '@app/event-store';
import type { ApplicantInClear, ApplicationChannel, BundleApplicationSubmitted } from '../../domain';
import { ApplicantCipher, sealApplicant } from '../../personal-data';
import { ApplicantKeyStore } from '../../applications/applicant-keys/applicant-key-store';
import { assertComprehensiveWindow } from '../bundle-application.aggregate';
import { readBundle } from '../bundle.aggregate';
import { bundleApplicationStreamId } from '../bundle-stream';
import { readMemberMatter } from './bundle-member-lookup';
import { planBundleSubmission, refuseChangedMeanwhile } from './bundle-submission.plan';

export interface BundleSubmission {
  bundleId: string;
  channel: ApplicationChannel;
  applicant: ApplicantInClear;
}

export interface BundleSubmitted {
  id: string;
  version: number;
  position: number;
  applications: { matterId: string; applicationId: string }[];
}

/**
 * 一件事 submission at the comprehensive window: one ordinary `application.submit` per member of
 * the bundle's current version (each applicant copy sealed under a key of its own), plus the
 * `bundle-application.submit` — decided together and appended in ONE `createAll`, guarded by the
 * versions of the bundle and member matter streams read here. All or none: a member not in force
 * (409 `not_in_force`), a matter changed meanwhile (409) or any other refusal appends nothing and
 * erases the keys made for it. Under an Idempotency-Key every id is derived from the key, so a
 * retry — even one whose first response was lost — is answered with the first result.
 */
@Injectable()
export class BundleApplicationIntake {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandExecutor,
    private readonly keys: ApplicantKeyStore,
    private readonly cipher: ApplicantCipher,
  ) {}

  async submit(submission: BundleSubmission, context: CommandContext): Promise<BundleSubmitted> {
    assertComprehensiveWindow(context.actor);
    const { userId } = context.actor;
    const key = context.idempotencyKey;
    const id = newAggregateId(key ? { userId, idempotencyKey: key, command: context.command } : undefined);
    const earlier = await this.earlierSubmission(id);
    if (earlier) return earlier;
    const { state: bundle, version: bundleVersion } = await readBundle(this.store, submission.bundleId);
    const members = bundle.status === 'none' ? [] : bundle.members;
    const matters = await Promise.all(members.map((member) => readMemberMatter(this.store, member, context.at)));
    const created = await Promise.all(matters.map(() => this.keys.create()));
    try {
      const applicants = created.map(({ keyId, key }) => sealApplicant(submission.applicant, keyId, key, this.cipher));
      const { bundleId, channel } = submission;
      const bundleRead = { state: bundle, version: bundleVersion };
      const plan = planBundleSubmission({
        bundleApplicationId: id,
        bundleId,
        bundle: bundleRead,
        matters,
        applicants,
        channel,
        at: context.at,
      });
      const { results, written } = await this.commands.createAll(plan.entities, plan.guards, context).catch(refuseChangedMeanwhile);
      if (!written) await this.eraseKeys(created);
      const own = results[results.length - 1];
      return {
        id,
        version: own.version,
        position: own.position,
        applications: plan.members.map(({ matterId, applicationId }) => ({ matterId, applicationId })),
      };
    } catch (error) {
      // unreachable store mid-append: the bundle may be recorded with only its answer lost, so its keys stay
      if (!(error instanceof EventStoreUnavailableError)) await this.eraseKeys(created).catch(() => undefined);
      throw error;
    }
  }

  /** The answer of a submission already recorded under this id (a retry whose first response was lost). */
  private async earlierSubmission(id: string): Promise<BundleSubmitted | null> {
    const [event] = await this.store.readStream(bundleApplicationStreamId(id), { limit: 1 });
    if (!event) return null;
    const { members } = event.data as BundleApplicationSubmitted['data'];
    return {
      id,
      version: event.version,
      position: event.position,
      applications: members.map(({ matterId, applicationId }) => ({ matterId, applicationId })),
    };
  }

  private async eraseKeys(created: readonly { keyId: string }[]): Promise<void> {
    await Promise.all(created.map(({ keyId }) => this.keys.erase(keyId)));
  }
}
