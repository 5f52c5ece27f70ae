import { randomUUID } from 'node:crypto';
import { scopedDecider, type CommandContext } from '@app/event-store';
import { eventIds, newAggregateId } from '@app/event-store';
import type { Decider } from '@app/kernel';
import type { NewEvent } from '@app/event-store';
import type { NewStream } from '@app/event-store';
import { applicationStreamId } from '@app/matters';
import { applications } from '@app/matters';
import {
  applicationDecider,
  toMatterSnapshot,
  versionInForce,
  type ApplicationCommand,
  type ApplicationEvent,
  type ApplicationState,
  type MatterState,
} from '@app/matters';
import { sealApplicant, type ApplicantCipher } from '@app/matters';
import { businessCalendar } from '@app/kernel';
import type { ApplicationPlan } from '../scenario-plan';

/** An applicant's key row (`applicant_keys`), created with its submission. */
export interface ApplicantKeyRow {
  keyId: string;
  key: Buffer;
}

export interface ApplicationStream extends NewStream {
  applicationId: string;
  applicantKey: ApplicantKeyRow;
}

type Context = (step: number, command: string, at: string) => CommandContext;

/**
 * One application's whole history as the command handlers would write it, decided in memory:
 * the submission (the matter's version in force that day, the applicant sealed under a new key)
 * and each later command through the same deciders (`applicationDecider`, scoped to the actor),
 * folding every decision with `evolve` before the next. Event ids and metadata are those
 * `handleCommand` derives from the same Idempotency-Keys, so the result is the same events a
 * handler-by-handler load writes — only appended with many streams per round trip.
 * A command the domain refuses throws (as the handler would answer 409).
 */
export function applicationStream(
  plan: ApplicationPlan,
  matter: { id: string; state: MatterState },
  cipher: ApplicantCipher,
  context: Context,
): ApplicationStream {
  const submit = context(0, 'application.submit', plan.submitAt);
  const applicationId = newAggregateId({ userId: submit.actor.userId, idempotencyKey: submit.idempotencyKey!, command: submit.command });
  const streamId = applicationStreamId(applicationId);
  const state0 = matter.state;
  if (state0.status === 'none') throw new Error(`matter ${matter.id} of ${plan.key} is not loaded`);
  const version = versionInForce(state0.history, businessCalendar().businessDate(plan.submitAt));
  const applicantKey = { keyId: randomUUID(), key: cipher.generateKey() };
  const applicant = sealApplicant(plan.applicant, applicantKey.keyId, applicantKey.key, cipher);
  const data = {
    applicationId,
    matterId: matter.id,
    matter: version ? toMatterSnapshot(state0.code, version) : null,
    channel: plan.channel,
    applicant,
    at: plan.submitAt,
  };
  const events: NewEvent[] = [];
  let state = applicationDecider.initialState();
  const run = (
    decider: Decider<ApplicationCommand, ApplicationEvent, ApplicationState>,
    command: ApplicationCommand,
    ctx: CommandContext,
  ) => {
    const decided = decider.decide(command, state);
    const ids = eventIds(decided.length, { streamId, userId: ctx.actor.userId, idempotencyKey: ctx.idempotencyKey! });
    const metadata = {
      actor: ctx.actor.userId,
      roles: [...ctx.actor.roles],
      command: ctx.command,
      correlationId: ctx.correlationId,
      at: ctx.at,
    };
    decided.forEach((event, index) => {
      state = decider.evolve(state, event);
      events.push({ id: ids[index], type: event.type, data: event.data, metadata });
    });
  };
  run(applicationDecider, { type: 'application.submit', data }, submit);
  const scoped = scopedDecider(applications, submit.actor, applicationId);
  plan.steps.forEach((step, index) => run(scoped, step, context(index + 1, step.type, step.data.at)));
  return { streamId, events, applicationId, applicantKey };
}
