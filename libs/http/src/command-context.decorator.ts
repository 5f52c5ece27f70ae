import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { CommandContext } from '@app/event-store';
import type { Actor } from './roles';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const IF_MATCH = /^(?:W\/)?"?(\d{1,15})"?$/;

/**
 * The command's context from the request: the verified actor, business time (`at` of the body,
 * validated by its DTO; default now), correlation id, Idempotency-Key and If-Match.
 * Usage: `@CommandContextOf('application.accept') context: CommandContext`.
 */
export const CommandContextOf = createParamDecorator((command: string, execution: ExecutionContext): CommandContext => {
  const request = execution.switchToHttp().getRequest<Request & { actor: Actor; id?: unknown }>();
  const at = typeof request.body?.at === 'string' ? request.body.at : new Date().toISOString();
  return {
    actor: request.actor,
    at,
    command,
    correlationId: correlationIdOf(request),
    idempotencyKey: idempotencyKeyOf(request),
    expectedVersion: expectedVersionOf(request),
  };
});

/** The request's correlation id (set by the request logger from `X-Correlation-Id` or generated). */
export function correlationIdOf(request: Request & { id?: unknown }): string {
  return String(request.id ?? request.headers['x-correlation-id'] ?? '');
}

export const CorrelationId = createParamDecorator((_: unknown, execution: ExecutionContext): string =>
  correlationIdOf(execution.switchToHttp().getRequest<Request & { id?: unknown }>()),
);

export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException('Idempotency-Key must be 8–128 characters of letters, digits and . _ : -');
  }
  return key;
}

function expectedVersionOf(request: Request): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = typeof header === 'string' ? IF_MATCH.exec(header.trim()) : null;
  if (!match) throw new BadRequestException('If-Match must be a stream version as given in ETag, e.g. "3"');
  return Number(match[1]);
}
