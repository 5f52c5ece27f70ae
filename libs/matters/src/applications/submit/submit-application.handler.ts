import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@app/event-store';
import { newAggregateId } from '@app/event-store';
import { handleCommand } from '@app/event-store';
import type { StreamCache } from '@app/event-store';
import { EVENT_STORE, EventStoreUnavailableError, type EventStore } from '@app/event-store';
import { applicationDecider } from '../../domain';
import { ApplicantCipher, sealApplicant } from '../../personal-data';
import { ApplicantKeyStore } from '../applicant-keys/applicant-key-store';
import { applicationStreamId } from '../application-stream';
import { assertDepartment, assertMayHandle } from '../application-scope';
import { APPLICATION_STREAM_CACHE } from '../lifecycle/application-stream-cache';
import { SubmitApplication } from './submit-application.command';
import { MatterInForce } from './matter-in-force';

/**
 * Submission: look the matter up (404 unknown, 403 another department's, `not_in_force` 409 via
 * the decider), give the applicant a new key, seal name and id number under it, and append
 * `application.submitted` with only the sealed blob and the masks. A refused or replayed
 * submission deletes the key it made, so no key outlives a submission that was not recorded —
 * except when the store became unreachable mid-append: the outcome is unknown then, and erasing
 * the key of a submission that was in fact recorded would destroy its applicant's data.
 */
@CommandHandler(SubmitApplication)
export class SubmitApplicationHandler implements ICommandHandler<SubmitApplication> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly matters: MatterInForce,
    private readonly keys: ApplicantKeyStore,
    private readonly cipher: ApplicantCipher,
    @Inject(APPLICATION_STREAM_CACHE) private readonly cache: StreamCache,
  ) {}

  async execute({ body, context }: SubmitApplication): Promise<CommandResult> {
    assertMayHandle(context.actor);
    const matter = await this.matters.at(body.matterId, context.at);
    assertDepartment(context.actor, matter.departmentId);
    const { userId } = context.actor;
    const key = context.idempotencyKey;
    const applicationId = newAggregateId(key ? { userId, idempotencyKey: key, command: context.command } : undefined);
    const { keyId, key: applicantKey } = await this.keys.create();
    try {
      const applicant = sealApplicant(body.applicant, keyId, applicantKey, this.cipher);
      const data = { applicationId, matterId: body.matterId, matter: matter.snapshot, channel: body.channel, applicant, at: context.at };
      const result = await handleCommand(
        this.store,
        applicationDecider,
        applicationStreamId(applicationId),
        { type: 'application.submit', data },
        context,
        { cache: this.cache }, // the acceptance that follows need not read the new stream
      );
      if (result.events.length === 0) await this.keys.erase(keyId);
      return { id: applicationId, version: result.version, position: result.position };
    } catch (error) {
      // Unreachable store mid-append: the submission may be recorded with only its answer lost, so
      // its key stays (a retry under the same Idempotency-Key answers that submission).
      if (!(error instanceof EventStoreUnavailableError)) await this.keys.erase(keyId).catch(() => undefined);
      throw error;
    }
  }
}
