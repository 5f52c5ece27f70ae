import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { launchTestApp, type TestApp } from './support/test-app';

interface Operation {
  security?: unknown;
  parameters?: { name: string; schema?: { type?: string } }[];
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface Document {
  openapi: string;
  servers: unknown;
  security: unknown;
  info: { license: { name: string } };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties: Record<string, unknown> }> };
}

/** The OpenAPI document the app serves: lint clean under redocly.yaml, and what the clients need from it. */
describe('OpenAPI document (GET /docs-json)', () => {
  let t: TestApp;
  let document: Document;
  const dir = mkdtempSync(join(tmpdir(), 'openapi-'));

  beforeAll(async () => {
    t = await launchTestApp({});
    document = (await request(t.http).get('/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes `redocly lint` (redocly.yaml) with no error and no warning', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [require.resolve('@redocly/cli/bin/cli.js'), 'lint', file, '--config', join(__dirname, '..', 'redocly.yaml'), '--format', 'stylish'],
      { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    ).catch((error: { stdout: string; stderr: string }) => {
      throw new Error(`redocly lint failed:\n${error.stdout}\n${error.stderr}`);
    });
    const output = `${stdout}${stderr}`;
    expect(output).toContain('Your API description is valid');
    expect(output).not.toMatch(/You have \d+ warnings?/);
  });

  it('is OpenAPI 3.1 with a server, a licence, the bearer token by default and /health public', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: '/', description: 'this server' }]);
    expect(document.info.license.name).toEqual(expect.any(String));
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/health'].get.security).toEqual([]);
  });

  it('has one problem schema, and every 4xx/5xx of every operation has a problem+json body', () => {
    const schemas = Object.keys(document.components.schemas);
    expect(schemas.filter((name) => /problem/i.test(name))).toEqual(['ProblemDto']);
    const bodiless = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        Object.entries(operation.responses)
          .filter(([status, response]) => Number(status) >= 400 && !response.content?.['application/problem+json'])
          .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
      ),
    );
    expect(bodiless).toEqual([]);
  });

  it('types page and pageSize as integers on every list', () => {
    const untyped = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.values(operations).flatMap((operation) =>
        (operation.parameters ?? [])
          .filter((p) => ['page', 'pageSize', 'minPosition'].includes(p.name) && p.schema?.type !== 'integer')
          .map((p) => `${path} ${p.name}`),
      ),
    );
    expect(untyped).toEqual([]);
  });

  it('declares the nullable parts of the application view as nullable', () => {
    const view = document.components.schemas.ApplicationView.properties;
    for (const field of ['delivery', 'evaluation', 'rejection', 'outcome']) {
      const schema = JSON.stringify(view[field]);
      expect([field, schema]).toEqual([field, expect.stringContaining('"null"')]);
    }
    expect(document.components.schemas.ApplicantView.properties.erased).toBeDefined();
  });
});
