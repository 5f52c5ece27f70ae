import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { Request } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { ProjectionRunner } from '@app/event-store';

export const MIN_POSITION_TIMEOUT_MS = 5_000;

/**
 * `?minPosition=P` on any GET: wait until the read models have processed global position P
 * (read your own writes), up to 5 s, then 503.
 */
@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(private readonly runner: ProjectionRunner) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const raw = request.method === 'GET' ? request.query.minPosition : undefined;
    if (raw === undefined) return next.handle();
    if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw new BadRequestException('minPosition must be a non-negative integer');
    const position = Number(raw);
    return from(position === 0 ? Promise.resolve(true) : this.runner.waitForPosition(position, MIN_POSITION_TIMEOUT_MS)).pipe(
      switchMap((reached) => {
        if (!reached) throw new ServiceUnavailableException(`the read models have not reached position ${position} within 5 s; retry`);
        return next.handle();
      }),
    );
  }
}
