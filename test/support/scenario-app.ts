import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/event-store';
import { foldIndicators, readEverything } from '@app/metrics';
import { loadScenario, type LoadResult } from '@app/metrics';
import type { ScenarioPlan } from '@app/metrics';
import type { TestApp } from './test-app';
import type { Reactor } from '@app/event-store';
import { REACTORS } from '../../apps/api/src/projections/projections.module';
import { headPosition } from './quality-fixtures';

/** Loads a scenario through the app's command handlers and waits until every projection has it. */
export async function loadAndProject(t: TestApp, plan: ScenarioPlan, concurrency = 24): Promise<LoadResult> {
  const result = await loadScenario(t.app, plan, { concurrency });
  await policiesCaughtUp(t);
  const caughtUp = await t.app.get(ProjectionRunner).waitForPosition(await headPosition(t), 120_000);
  if (!caughtUp) throw new Error('projections did not catch up');
  return result;
}

/**
 * Waits until the app's policies (reactions.ts: a 差评 opens a follow-up case) have met every event
 * in the store, the ones they appended themselves included: then the log stops growing.
 */
export async function policiesCaughtUp(t: TestApp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const head = await headPosition(t);
    const covered = await Promise.all(t.app.get<Reactor[]>(REACTORS).map((reactor) => reactor.covers(head)));
    if (covered.every(Boolean)) return;
    if (Date.now() > deadline) {
      const positions = t.app
        .get<Reactor[]>(REACTORS)
        .map((reactor) => `${reactor.reaction.name} at ${reactor.lastPosition} (${String(reactor.lastError)})`);
      throw new Error(`the policies did not catch up with position ${head}: ${positions.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** GET an assessment-role route and answer its body (shape checked by the callers' assertions). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function getAsAssessor(t: TestApp, path: string): Promise<Record<string, any>> {
  const response = await request(t.http)
    .get(path)
    .set('Authorization', `Bearer ${t.token({ roles: ['assessor'] })}`);
  if (response.status !== 200) throw new Error(`${path} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** The in-memory cross-check over the app's whole event log, shaped like the API's `indicators`. */
export async function crossCheck(
  t: TestApp,
  asOf: string,
  period: { from: string; to: string },
  scope: { regionCode?: string; departmentId?: string } = {},
) {
  const events = await readEverything(t.app.get<EventStore>(EVENT_STORE));
  return Object.entries(foldIndicators(events, asOf, period, scope)).map(([key, counts]) => ({ key, ...counts }));
}

export const numbersOf = (indicators: { key: string; numerator: number; denominator: number }[]) =>
  indicators.map(({ key, numerator, denominator }) => ({ key, numerator, denominator }));
