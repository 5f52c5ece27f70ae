import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DuplicateEventIdError, EventStoreUnavailableError, ReadReplicaBehindError, WrongExpectedVersionError } from '@app/event-store';
import { DomainError } from '@app/kernel';
import { InvalidInputException, Problem, problem, PROBLEM_CONTENT_TYPE } from '@app/http';
import { isConnectionError } from '@app/event-store';
import { healthProblem } from '../health/health-problem';

/**
 * The one place where errors become HTTP responses: problem+json, never a stack trace, never
 * the text of an unexpected error (it is logged with the request's correlation id instead).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = { ...this.toProblem(error, request), instance: request.originalUrl?.split('?')[0] };
    if (body.status >= 500 && body.status !== 503) this.logger.error({ err: error, path: body.instance }, 'unexpected error');
    if (body.status === 503) response.setHeader('Retry-After', '1');
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(error: unknown, request: Request): Problem {
    if (error instanceof InvalidInputException) return problem(400, error.detail, { errors: error.fieldErrors });
    if (error instanceof ThrottlerException) return problem(429, 'rate limit exceeded; retry after the time in Retry-After');
    if (error instanceof HttpException) return healthProblem(error) ?? problem(error.getStatus(), detailOf(error));
    if (error instanceof DomainError) {
      const errors = error.details.length > 0 ? { errors: [...error.details] } : {};
      return problem(DOMAIN_STATUS[error.kind], error.message, { code: error.code, ...errors });
    }
    if (error instanceof WrongExpectedVersionError) {
      const conditional = request.headers['if-match'] !== undefined;
      // a record that does not exist yet is at version 0 (the ETag of its first event is "1")
      const currentVersion = error.actual === 'no_stream' ? 0 : error.actual;
      return conditional
        ? problem(412, `the stream is at version ${currentVersion}, not ${error.expected}`, { currentVersion })
        : problem(409, 'a concurrent change to the same record won; read it again and retry', { currentVersion });
    }
    if (error instanceof DuplicateEventIdError) return problem(409, 'these events were already recorded differently');
    if (error instanceof ReadReplicaBehindError) return problem(503, error.message);
    if (error instanceof EventStoreUnavailableError || isConnectionError(error))
      return problem(503, 'the database is unreachable; retry shortly');
    if (isBodyParserError(error))
      return problem(error.status, error.status === 413 ? 'the request body is too large' : 'the request body is not valid JSON');
    return problem(500, 'an unexpected error occurred; it has been logged');
  }
}

const DOMAIN_STATUS: Record<DomainError['kind'], number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409 };

function detailOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  const candidate = error as { status?: unknown; type?: unknown };
  return typeof candidate?.status === 'number' && typeof candidate.type === 'string' && candidate.status >= 400 && candidate.status < 500;
}
