import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';
import { openApiDocument } from '../../apps/api/src/openapi/openapi-document';

/**
 * Every response the e2e suites receive from a test app is checked against the app's own OpenAPI
 * document: the status is documented for that operation, the content type for that status, and a
 * JSON body matches its schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses). A violation fails
 * the test during which it happened (see the `afterEach` below) and names route, status and error.
 * Requests to paths the document does not describe (unknown routes, /docs, /metrics) are not checked.
 */
export function conformanceMiddleware(app: INestApplication) {
  let checker: Checker | undefined;
  return (request: Request, response: Response, next: NextFunction) => {
    const chunks: Buffer[] = [];
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => Response;
    const keep = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
      );
    };
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response['write'];
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as Response['end'];
    response.on('finish', () => {
      try {
        checker ??= new Checker(openApiDocument(app));
        const violation = checker.check(request.method, request.originalUrl, response, Buffer.concat(chunks));
        if (violation) violations.push(violation);
      } catch (error) {
        violations.push(`${request.method} ${request.originalUrl}: the conformance check failed: ${String(error)}`);
      }
    });
    next();
  };
}

const violations: string[] = [];

/** The violations seen so far, emptied. */
export function takeViolations(): string[] {
  return violations.splice(0, violations.length);
}

if (typeof afterEach === 'function') {
  afterEach(() => {
    const seen = takeViolations();
    if (seen.length > 0) throw new Error(`responses do not conform to the OpenAPI document:\n${seen.slice(0, 10).join('\n')}`);
  });
}

const JSON_TYPES = /^application\/([\w.+-]+\+)?json$/;
const pointer = (...segments: string[]) => segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * A body may not carry what its schema does not declare (an undeclared field is a contract a client
 * cannot see): every object schema with `properties` and no word on others gets `unevaluatedProperties: false`.
 */
function closed<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(closed);
  else if (node && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(schema)) if (key !== 'example' && key !== 'examples') closed(value);
    const open = 'additionalProperties' in schema || 'unevaluatedProperties' in schema;
    if (schema.properties && typeof schema.properties === 'object' && !open && schema.type === 'object')
      schema.unevaluatedProperties = false;
  }
  return node;
}

interface ResponseObject {
  content?: Record<string, { schema?: unknown }>;
}

class Checker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  private readonly routes: { template: string; pattern: RegExp; params: number }[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIObject) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ ...closed(structuredClone(document)), $id: 'openapi' } as object);
    this.routes = Object.keys(document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      .sort((a, b) => a.params - b.params);
  }

  check(method: string, url: string, response: Response, body: Buffer): string | undefined {
    const path = url.split('?')[0];
    const route = this.routes.find((candidate) => candidate.pattern.test(path));
    const verb = method.toLowerCase();
    const operation =
      route && (this.document.paths[route.template] as Record<string, { responses?: Record<string, ResponseObject> }>)[verb];
    if (!route || !operation) return undefined;
    const status = String(response.statusCode);
    const where = `${method} ${route.template} (${url.slice(0, 200)}) → ${status}`;
    const statusKey = [status, `${status[0]}XX`, 'default'].find((candidate) => operation.responses?.[candidate]);
    const documented = statusKey === undefined ? undefined : operation.responses?.[statusKey];
    if (!documented) return `${where}: status not documented (documented: ${Object.keys(operation.responses ?? {}).join(', ')})`;
    if (body.length === 0 || method === 'HEAD') return undefined;
    const contentType = String(response.getHeader('content-type') ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    const media = documented.content?.[contentType];
    if (!media)
      return `${where}: content type ${contentType || '(none)'} not documented (documented: ${Object.keys(documented.content ?? {}).join(', ') || 'no body'})`;
    if (!JSON_TYPES.test(contentType) || media.schema === undefined) return undefined;
    const key = `openapi#/${pointer('paths', route.template, verb, 'responses', statusKey as string, 'content', contentType, 'schema')}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: key });
      this.validators.set(key, validate);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return `${where}: body is not JSON though the content type is ${contentType}`;
    }
    if (validate(parsed)) return undefined;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
    return `${where}: body does not match its schema: ${errors.join('; ')}`;
  }
}
