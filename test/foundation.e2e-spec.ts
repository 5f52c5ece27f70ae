import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { startTestApp, TestApp } from './support/test-app';

describe.each(testBackends())('the running service on %s', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());

  it('reports healthy stores at GET /health', async () => {
    const response = await request(t.http).get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', details: { eventStore: { status: 'up' }, readModels: { status: 'up' } } });
  });

  it('serves the OpenAPI description at /docs-json and the UI at /docs', async () => {
    const json = await request(t.http).get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(json.body.paths['/health']).toBeDefined();
    const ui = await request(t.http).get('/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('serves Prometheus metrics', async () => {
    const response = await request(t.http).get('/metrics').expect(200);
    expect(response.text).toContain('process_cpu_user_seconds_total');
    expect(response.text).toContain('http_request_duration_seconds');
    expect(response.text).toContain('projection_lag_events');
    expect(response.text).toMatch(/^event_store_appends_waiting 0$/m);
  });

  it('answers a request line and headers too long to read with a 431 problem, not a bare status', async () => {
    const response = await request(t.http)
      .post(`/api/v1/applications/${'字'.repeat(4000)}/resume`)
      .send({});
    expect(response.status).toBe(431);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.text)).toMatchObject({ status: 431, type: '/problems/headers-too-large' });
  });

  it('answers unknown routes with problem+json and security headers, never a stack', async () => {
    const response = await request(t.http).get('/api/v1/nothing-here').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, title: 'Not found', type: '/problems/not-found' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
