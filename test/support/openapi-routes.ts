import request from 'supertest';
import type { TestApp } from './test-app';

/** One operation of the running app's OpenAPI document (`GET /docs-json`). */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  /** OpenAPI template, e.g. `/api/v1/applications/{id}/accept` */
  path: string;
  /** `METHOD path`, the key of the security tables */
  key: string;
  pathParams: string[];
  queryParams: string[];
}

const METHODS = ['get', 'post', 'delete', 'put', 'patch'] as const;

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
}

/**
 * Every `/api/v1` route the app documents, read from the running app so a new route cannot be
 * left out of the security suites (they fail on a route their tables do not name).
 */
export async function apiRoutes(t: TestApp): Promise<ApiRoute[]> {
  const response = await request(t.http).get('/docs-json').expect(200);
  const paths = response.body.paths as Record<string, Partial<Record<(typeof METHODS)[number], OpenApiOperation>>>;
  return Object.entries(paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, operations]) =>
      METHODS.filter((method) => operations[method]).map((method) => {
        const parameters = operations[method]?.parameters ?? [];
        const upper = method.toUpperCase() as ApiRoute['method'];
        return {
          method: upper,
          path,
          key: `${upper} ${path}`,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        };
      }),
    );
}

export const isCommand = (route: ApiRoute) => route.method !== 'GET';

/** The concrete URL of a route with its path parameters filled in (each URL-encoded). */
export function urlOf(route: Pick<ApiRoute, 'path'>, params: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
