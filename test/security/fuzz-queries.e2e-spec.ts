import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { encodeSegment, hostileKey, hostileValue, RAW_SEGMENTS } from '../support/hostile-values';
import { apiRoutes, type ApiRoute } from '../support/openapi-routes';
import { assertPrototypeClean, assertSafeResponse } from '../support/response-safety';
import { auth, buildWorld, tokenFor, type World } from '../support/security-world';
import { startTestApp, TestApp } from '../support/test-app';
import { feedbackCaseIdOf } from '@app/supervision';

jest.setTimeout(300_000);

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** A query value as the wire carries it: strings as they are, everything else as JSON text. */
const asQueryText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/**
 * `?minPosition=` with a reachable-looking number legitimately waits 5 s and answers 503 (see
 * resource-consumption.e2e-spec.ts); the fuzz keeps to values that are refused or already reached.
 */
const boundedWait = ([key, value]: [string, string]) => key !== 'minPosition' || !(Number(value) > 0);

const queryPairs = (route: ApiRoute) =>
  fc.array(
    fc
      .tuple(
        fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...route.queryParams, 'page', 'pageSize') }, { weight: 1, arbitrary: hostileKey }),
        // a request line past 16 KB is answered by Node itself (431, before the app)
        hostileValue.map(asQueryText).filter((value) => value.length <= 300),
      )
      .filter(boundedWait),
    { maxLength: 4 },
  );

describe.each(testBackends())('hostile input: fuzzing the query parameters of every GET route on %s', (backend) => {
  let t: TestApp;
  let world: World;
  let routes: ApiRoute[];

  beforeAll(async () => {
    t = await startTestApp(backend, { RATE_LIMIT_PER_MINUTE: '1000000' });
    world = await buildWorld(t);
    routes = (await apiRoutes(t)).filter((route) => route.method === 'GET');
  });
  afterAll(() => t.close());

  /** A real id of the kind the route names, for routes with `{id}`. */
  function realId(route: ApiRoute): string {
    if (route.path.startsWith('/api/v1/matters/')) return world.a.matterId;
    if (route.path.startsWith('/api/v1/applications/')) return world.a.applicationId;
    if (route.path.startsWith('/api/v1/quality-issues/')) return world.a.issueId;
    if (route.path.startsWith('/api/v1/supervision/cards/')) return randomUUID(); // no card in the world: 404
    if (route.path.startsWith('/api/v1/subscriptions/')) return randomUUID(); // no subscription in the world: 404
    if (route.path.startsWith('/api/v1/departments/')) return 'dept-a'; // not in the directory of the world: 404
    // the id a 差评 of the application would open (none was given: a well-formed id of no case)
    if (route.path.startsWith('/api/v1/feedback-cases/')) return feedbackCaseIdOf(world.a.applicationId);
    // no bundle and no bundle application in the world: well-formed ids answered 404
    if (route.path.startsWith('/api/v1/bundles/') || route.path.startsWith('/api/v1/bundle-applications/')) return randomUUID();
    throw new Error(`${route.key}: the query fuzz does not know which id to use`);
  }

  it('fuzzes GET routes: never a 5xx or a leak, problem+json on 4xx', async () => {
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const id =
        route.pathParams.length === 0
          ? fc.constant('')
          : fc.oneof(
              fc.constant(realId(route)),
              hostileValue
                .map(asQueryText)
                .filter((value) => value.length <= 300)
                .map(encodeSegment),
              fc.constantFrom(...RAW_SEGMENTS),
            );
      const role = fc.constantFrom('admin', 'assessor', 'window_staff', 'inspector') as fc.Arbitrary<'admin'>;
      const property = fc.asyncProperty(id, queryPairs(route), role, async (pathId, pairs, asRole) => {
        const search = pairs.map(([key, value]) => `${encodeSegment(key)}=${encodeSegment(value)}`).join('&');
        const url = `${route.path.replace('{id}', pathId)}${search ? `?${search}` : ''}`;
        const response = await request(t.http)
          .get(url)
          .set(auth(tokenFor(t, asRole)));
        assertSafeResponse(response, `GET ${url.slice(0, 300)} as ${asRole}`);
        assertPrototypeClean();
      });
      await fc.assert(property, { numRuns: NUM_RUNS, endOnFailure: true, ...(SEED !== undefined && { seed: SEED }) });
    }
  });
});
