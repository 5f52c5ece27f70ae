import { API_PREFIX } from '@app/http';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram, register } from 'prom-client';

const requests = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [register],
});

const commands = new Counter({
  name: 'commands_total',
  help: 'Commands (POST/DELETE under /api/v1) by route pattern and outcome: accepted, invalid, forbidden, not_found, conflict, precondition_failed, rate_limited, unavailable, error',
  labelNames: ['route', 'outcome'] as const,
  registers: [register],
});

const OUTCOMES: Record<number, string> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'invalid',
  429: 'rate_limited',
  503: 'unavailable',
};

function outcomeOf(status: number): string {
  if (status < 400) return 'accepted';
  return OUTCOMES[status] ?? (status >= 500 ? 'error' : 'invalid');
}

/** Express middleware: times every request; counts commands by outcome (conflicts are `conflict`). Labels use the route pattern, never the URL. */
export function httpMetrics(request: Request, response: Response, next: NextFunction): void {
  const stop = requests.startTimer({ method: request.method });
  response.on('finish', () => {
    const route = request.route?.path ? `${request.baseUrl}${request.route.path}` : 'unmatched';
    stop({ route, status: String(response.statusCode) });
    if ((request.method === 'POST' || request.method === 'DELETE') && request.originalUrl.startsWith(`/${API_PREFIX}/`)) {
      commands.inc({ route, outcome: outcomeOf(response.statusCode) });
    }
  });
  next();
}
