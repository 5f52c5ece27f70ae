import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor, EVENT_STORE, EventStoreUnavailableError, newAggregateId, type EventStore } from '@app/event-store';
import type { CommandContext, CommandResult } from '@app/event-store';
import { businessCalendar, DomainError, inScope, outOfScope } from '@app/kernel';
import { toMatterSnapshot, versionInForce, type ApplicantInClear, type ApplicationChannel, type MatterSnapshot } from '../../domain';
import { currentElements, readMatter } from '../../matters/matter.aggregate';
import { ApplicantCipher, sealApplicant } from '../../personal-data';
import { ApplicantKeyStore } from '../applicant-keys/applicant-key-store';
import { applications } from '../application.aggregate';
import { assertMayHandle } from '../application-scope';

/** POST /api/v1/applications: the applicant arrives in clear and is sealed here. */
export interface Submission {
  matterId: string;
  channel: ApplicationChannel;
  applicant: ApplicantInClear;
}

/**
 * Submission: look the matter up (404 unknown, 403 another department's, `not_in_force` 409 via
 * the decider), give the applicant a new key, seal name and id number under it, and hand
 * `application.submit` with only the sealed blob and the masks to the command path. A refused or
 * replayed submission deletes the key it made, so no key outlives a submission that was not
 * recorded — except when the store became unreachable mid-append: the outcome is unknown then, and
 * erasing the key of a submission that was in fact recorded would destroy its applicant's data.
 */
@Injectable()
export class ApplicationIntake {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandExecutor,
    private readonly keys: ApplicantKeyStore,
    private readonly cipher: ApplicantCipher,
  ) {}

  async submit(submission: Submission, context: CommandContext): Promise<CommandResult> {
    assertMayHandle(context.actor);
    const matter = await this.matterAt(submission.matterId, context.at);
    if (!inScope(context.actor, matter.departmentId)) throw outOfScope(context.actor, matter.departmentId);
    const { userId } = context.actor;
    const key = context.idempotencyKey;
    const applicationId = newAggregateId(key ? { userId, idempotencyKey: key, command: context.command } : undefined);
    const { keyId, key: applicantKey } = await this.keys.create();
    try {
      const applicant = sealApplicant(submission.applicant, keyId, applicantKey, this.cipher);
      const { matterId, channel } = submission;
      const data = { applicationId, matterId, matter: matter.snapshot, channel, applicant, at: context.at };
      const { events, result } = await this.commands.handle(applications, applicationId, { type: 'application.submit', data }, context);
      if (events.length === 0) await this.keys.erase(keyId);
      return result;
    } catch (error) {
      // Unreachable store mid-append: the submission may be recorded with only its answer lost, so
      // its key stays (a retry under the same Idempotency-Key answers that submission).
      if (!(error instanceof EventStoreUnavailableError)) await this.keys.erase(keyId).catch(() => undefined);
      throw error;
    }
  }

  /** The matter's department and the version in force on the business date of `at` (null: not in force then). */
  private async matterAt(matterId: string, at: string): Promise<{ departmentId: string; snapshot: MatterSnapshot | null }> {
    const state = await readMatter(this.store, matterId);
    if (state.status === 'none')
      throw new DomainError('not_found', `no matter ${matterId}`, { details: [{ field: 'matterId', message: 'unknown matter' }] });
    const version = versionInForce(state.history, businessCalendar().businessDate(at));
    const departmentId = version?.elements.departmentId ?? currentElements(state)?.departmentId ?? '';
    return { departmentId, snapshot: version ? toMatterSnapshot(state.code, version) : null };
  }
}
