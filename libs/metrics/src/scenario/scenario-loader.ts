import type { INestApplicationContext } from '@nestjs/common';
import { defaultDeadline, loopCommand, QualityIssueIntake, qualityIssues } from '@app/audit';
import { CommandExecutor, EVENT_STORE, SQL_CLIENT, type CommandContext } from '@app/event-store';
import { businessCalendar } from '@app/kernel';
import { ApplicantCipher, ApplicationIntake, applications, MatterRegistration, matters, type MatterCommand } from '@app/matters';
import { runBounded } from './bounded-pool';
import { bulkImportApplications } from './bulk/bulk-import-applications';
import { loadDirectory } from './directory-stage';
import type { ApplicationPlan, IssuePlan, MatterPlan, ScenarioPlan } from './scenario-plan';
import { runSupervision, type SupervisionLoadResult } from './supervision-stage';

export interface LoadProgress {
  stage: 'matters' | 'applications' | 'quality issues' | 'supervision';
  done: number;
  total: number;
}

export interface LoadResult {
  matters: number;
  applications: number;
  issues: number;
  /** global position of the last event written */
  position: number;
  elapsedMs: number;
  /** what the supervision stage did (absent: the plan has none, or `bulk`) */
  supervision?: SupervisionLoadResult;
}

const ACTOR = { userId: 'scenario-loader', roles: ['admin'] };

/**
 * Loads a scenario THROUGH THE ONE COMMAND PATH (the CommandExecutor, and the intakes of the
 * matters, applications and audit contexts) in a Nest context built from AppModule — the same
 * code paths as the HTTP API, nothing inserted directly. First the directory (`loadDirectory`: the
 * city's regions and departments with their names), in both paths. Streams are loaded in parallel with a
 * bounded concurrency, each stream's commands in order. Every command carries a deterministic
 * Idempotency-Key, so ids are derived from the scenario and loading again appends nothing.
 * With `bulk`, the applications (the bulk of the events) go through `bulkImportApplications`
 * instead: the same deciders and the same events, many streams per round trip.
 * A plan with `supervision` then gets its supervision stage (`runSupervision`: the applications
 * whose 容缺 materials never come, the sweep of every working day, cards and 差评 cases handled);
 * not with `bulk`, whose read models are stopped while it loads (the sweep plans from them).
 */
export async function loadScenario(
  app: INestApplicationContext,
  plan: ScenarioPlan,
  options: {
    concurrency?: number;
    onProgress?: (progress: LoadProgress) => void;
    /** applications through the bulk import (`bulkImportApplications`) instead of one handler call per command */
    bulk?: boolean;
  } = {},
): Promise<LoadResult> {
  const started = performance.now();
  const commands = app.get(CommandExecutor, { strict: false });
  const registration = app.get(MatterRegistration, { strict: false });
  const intake = app.get(ApplicationIntake, { strict: false });
  const issueIntake = app.get(QualityIssueIntake, { strict: false });
  const concurrency = options.concurrency ?? 16;
  const ids = new Map<string, string>();
  const applicationIds = new Map<string, string>();
  let position = 0;
  const context = (key: string, step: number, command: string, at: string): CommandContext => ({
    actor: ACTOR,
    at,
    command,
    correlationId: `${plan.name}:${key}`,
    idempotencyKey: `${plan.name}:${key}:${step}`,
  });
  const track = (result: { position: number }) => (position = Math.max(position, result.position));
  const loadApplication = async (application: ApplicationPlan) => {
    const { key, channel, applicant, submitAt } = application;
    const submission = { matterId: ids.get(application.matterKey)!, channel, applicant };
    const submitted = await intake.submit(submission, context(key, 0, 'application.submit', submitAt));
    track(submitted);
    applicationIds.set(key, submitted.id);
    let step = 1;
    for (const command of application.steps)
      track(await commands.execute(applications, submitted.id, command, context(key, step++, command.type, command.data.at)));
  };
  const stage = async <T>(name: LoadProgress['stage'], items: readonly T[], work: (item: T) => Promise<void>) => {
    let done = 0;
    options.onProgress?.({ stage: name, done, total: items.length });
    await runBounded(items, concurrency, work, () => options.onProgress?.({ stage: name, done: ++done, total: items.length }));
  };

  track({ position: await loadDirectory(app, plan, (key, command, at) => context(key, 0, command, at)) });

  await stage('matters', plan.matters, async (matter: MatterPlan) => {
    const registered = await registration.register(
      matter.code,
      matter.elements,
      context(matter.key, 0, 'matter.register', matter.registerAt),
    );
    ids.set(matter.key, registered.id);
    track(registered);
    let step = 1;
    const change = async (command: MatterCommand) =>
      track(await commands.execute(matters, registered.id, command, context(matter.key, step++, command.type, command.data.at)));
    if (!matter.publish) return;
    const { effectiveFrom, at } = matter.publish;
    await change({ type: 'matter.publish', data: { effectiveFrom, at } });
    for (const revision of matter.revisions)
      await change({ type: 'matter.revise', data: { changes: revision.changes, effectiveFrom: revision.effectiveFrom, at: revision.at } });
    for (const status of matter.statusChanges) {
      const data = { effectiveFrom: businessCalendar().businessDate(status.at), at: status.at };
      await change(
        status.type === 'matter.resume' ? { type: status.type, data } : { type: status.type, data: { ...data, reason: status.reason } },
      );
    }
  });

  if (options.bulk) {
    let done = 0;
    const deps = {
      store: app.get(EVENT_STORE, { strict: false }),
      sql: app.get(SQL_CLIENT, { strict: false }),
      cipher: app.get(ApplicantCipher, { strict: false }),
    };
    const progress = (n: number) => options.onProgress?.({ stage: 'applications', done: (done += n), total: plan.applications.length });
    progress(0);
    const contextOf = (application: ApplicationPlan) => (step: number, command: string, at: string) =>
      context(application.key, step, command, at);
    track(await bulkImportApplications(deps, plan.applications, ids, contextOf, { onBatch: progress }));
  } else await stage('applications', plan.applications, loadApplication);

  await stage('quality issues', plan.issues, async (issue: IssuePlan) => {
    const { key } = issue;
    const logged = await issueIntake.log(
      { matterId: ids.get(issue.matterKey)!, category: issue.category, description: issue.description },
      context(key, 0, 'quality-issue.log', issue.at),
    );
    track(logged);
    let index = 1;
    for (const step of issue.steps) {
      const ctx = context(key, index++, `quality-issue.${step.type}`, step.at);
      const command =
        step.type === 'assign'
          ? loopCommand('quality-issue.assign', logged.id, {}, ctx)
          : step.type === 'rectify'
            ? loopCommand('quality-issue.rectify', logged.id, { note: step.note }, ctx)
            : step.type === 'verify'
              ? loopCommand('quality-issue.verify', logged.id, { passed: step.passed, comment: step.comment ?? null }, ctx)
              : loopCommand(
                  'quality-issue.reopen',
                  logged.id,
                  { reason: step.reason, deadline: defaultDeadline(businessCalendar(), ctx.at) },
                  ctx,
                );
      track(await commands.execute(qualityIssues, logged.id, command, ctx));
    }
  });

  let supervision: SupervisionLoadResult | undefined;
  if (plan.supervision && !options.bulk) {
    const { neverBrought } = plan.supervision;
    options.onProgress?.({ stage: 'supervision', done: 0, total: 1 });
    await runBounded(neverBrought, concurrency, loadApplication);
    const departmentOf = new Map(plan.matters.map((matter) => [matter.key, matter.elements.departmentId]));
    const badReviews = plan.applications.flatMap((application) =>
      application.steps.some((step) => step.type === 'application.evaluate' && step.data.score <= 2)
        ? [{ applicationId: applicationIds.get(application.key)!, departmentId: departmentOf.get(application.matterKey)! }]
        : [],
    );
    supervision = await runSupervision(app, plan.supervision, badReviews, plan.name);
    track(supervision);
    options.onProgress?.({ stage: 'supervision', done: 1, total: 1 });
  }

  return {
    matters: plan.matters.length,
    applications: plan.applications.length,
    issues: plan.issues.length,
    position,
    elapsedMs: performance.now() - started,
    ...(supervision ? { supervision } : {}),
  };
}
