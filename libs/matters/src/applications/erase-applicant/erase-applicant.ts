import { Inject, Injectable, Logger } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { inScope, notFound, type ScopedActor } from '@app/kernel';
import { type ApplicationSubmitted } from '../../domain';
import { ApplicantKeyStore } from '../applicant-keys/applicant-key-store';
import { applicationStreamId } from '../application-stream';

/**
 * DELETE /api/v1/applications/{id}/applicant (admin): crypto-shredding. Deletes the applicant's
 * key; the events stay as they are (append-only), their sealed blob can no longer be opened, and
 * the masks are all that remains. Erasing twice is harmless.
 */
@Injectable()
export class EraseApplicant {
  private readonly logger = new Logger('applications');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: ApplicantKeyStore,
  ) {}

  async erase(applicationId: string, actor: ScopedActor & { userId: string }): Promise<void> {
    const [first] = await this.store.readStream(applicationStreamId(applicationId), { limit: 1 });
    const submitted = first?.type === 'application.submitted' ? (first.data as ApplicationSubmitted['data']) : undefined;
    if (!submitted || !inScope(actor, submitted.matter.departmentId)) throw notFound('application', applicationId);
    const erased = await this.keys.erase(submitted.applicant.keyId);
    this.logger.log(
      { applicationId, keyId: submitted.applicant.keyId, erased, actor: actor.userId },
      'applicant personal data erased (key deleted)',
    );
  }
}
