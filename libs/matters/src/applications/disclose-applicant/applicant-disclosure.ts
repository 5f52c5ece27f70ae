import { GoneException, Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { Actor } from '@app/http';
import { type ApplicationSubmitted } from '../../domain';
import { ApplicantCipher, openApplicant, type ApplicantInClear } from '../../personal-data';
import { ApplicantKeyStore } from '../applicant-keys/applicant-key-store';
import { applicationStreamId } from '../application-stream';
import { inScope, notFound, READ_AUDIT, type ReadAudit } from '@app/kernel';

/**
 * Opens the sealed applicant of the application's `submitted` event with its key — and records
 * the read in the audit trail before returning anything: the applicant's name and id number in
 * clear, for the window handling the application. Another department's application is
 * unknown (404); an erased applicant is 410.
 */
@Injectable()
export class ApplicantDisclosure {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: ApplicantKeyStore,
    private readonly cipher: ApplicantCipher,
    @Inject(READ_AUDIT) private readonly audit: ReadAudit,
  ) {}

  async disclose(applicationId: string, actor: Actor, correlationId: string): Promise<ApplicantInClear> {
    const streamId = applicationStreamId(applicationId);
    const [first] = await this.store.readStream(streamId, { limit: 1 });
    const submitted = first?.type === 'application.submitted' ? (first.data as ApplicationSubmitted['data']) : undefined;
    if (!submitted || !inScope(actor, submitted.matter.departmentId)) throw notFound('application', applicationId);
    const key = await this.keys.find(submitted.applicant.keyId);
    if (!key) throw new GoneException('the applicant’s personal data was erased');
    const applicant = openApplicant(submitted.applicant, key, this.cipher);
    await this.audit.recordRead({ actor: actor.userId, roles: actor.roles, what: 'application.applicant', streamId, correlationId });
    return applicant;
  }
}
