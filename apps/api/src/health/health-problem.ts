import type { HttpException } from '@nestjs/common';
import { problem, type Problem } from '@app/http';

type HealthReport = { status: 'error'; error?: Record<string, unknown>; details?: Record<string, unknown> };

/**
 * Terminus answers an unhealthy check with a 503 whose body is `{status:"error", info, error,
 * details}`; as problem+json that report must survive: `detail` names the stores that are down
 * and `checks` keeps every check's status, so an operator (or a probe) sees WHICH store failed.
 */
export function healthProblem(exception: HttpException): Problem | undefined {
  const report = exception.getResponse() as HealthReport | string;
  if (typeof report !== 'object' || report === null || report.status !== 'error' || typeof report.details !== 'object') return undefined;
  const down = Object.keys(report.error ?? {});
  return problem(exception.getStatus(), `unavailable: ${down.join(', ') || 'a health check failed'}`, { checks: report.details });
}
