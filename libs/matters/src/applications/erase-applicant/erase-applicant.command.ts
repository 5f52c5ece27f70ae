import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { type ApplicationSubmitted } from '../../domain';
import { ApplicantKeyStore } from '../applicant-keys/applicant-key-store';
import { applicationStreamId } from '../application-stream';
import { DomainError } from '@app/kernel';

/** DELETE /api/v1/applications/{id}/applicant (admin): crypto-shredding of the applicant's personal data. */
export class EraseApplicant extends Command<void> {
  constructor(
    readonly applicationId: string,
    readonly actor: { userId: string },
  ) {
    super();
  }
}

/**
 * Deletes the applicant's key. The events stay as they are (append-only); their sealed blob can
 * no longer be opened, and the masks are all that remains. Erasing twice is harmless.
 */
@CommandHandler(EraseApplicant)
export class EraseApplicantHandler implements ICommandHandler<EraseApplicant> {
  private readonly logger = new Logger('applications');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: ApplicantKeyStore,
  ) {}

  async execute({ applicationId, actor }: EraseApplicant): Promise<void> {
    const [first] = await this.store.readStream(applicationStreamId(applicationId), { limit: 1 });
    if (first?.type !== 'application.submitted') throw new DomainError('not_found', 'application not found');
    const { keyId } = (first.data as ApplicationSubmitted['data']).applicant;
    const erased = await this.keys.erase(keyId);
    this.logger.log({ applicationId, keyId, erased, actor: actor.userId }, 'applicant personal data erased (key deleted)');
  }
}
