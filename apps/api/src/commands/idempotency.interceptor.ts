import { createHash } from 'node:crypto';
import { CallHandler, ConflictException, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, Observable, of, switchMap } from 'rxjs';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import type { Actor } from '@app/http';
import { idempotencyKeyOf } from '@app/http';

interface StoredResponse {
  request_hash: string;
  status: number;
  body: unknown;
}

/**
 * `Idempotency-Key` on a POST: the same key with the same request returns the first response
 * again; with a different request it is 409. Keys are per user. The events' ids are derived from
 * the key too (see `handleCommand`), so even a retry whose first response was lost in a crash
 * appends nothing twice.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const key = request.method === 'POST' ? idempotencyKeyOf(request) : undefined;
    if (!key || !request.actor) return next.handle();
    const userId = request.actor.userId;
    const hash = requestHash(request);
    const response = context.switchToHttp().getResponse<Response>();
    return from(this.find(userId, key)).pipe(
      switchMap((stored) => {
        if (stored && stored.request_hash !== hash) throw new ConflictException('this Idempotency-Key was used for a different request');
        if (stored) {
          response.status(stored.status);
          response.setHeader('Idempotent-Replayed', 'true');
          return of(stored.body);
        }
        return next.handle().pipe(switchMap((body) => from(this.remember(userId, key, hash, response.statusCode, body).then(() => body))));
      }),
    );
  }

  private async find(userId: string, key: string): Promise<StoredResponse | undefined> {
    const [row] = await this.sql.query<StoredResponse>(
      'SELECT request_hash, status, body FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [userId, key],
    );
    return row;
  }

  private async remember(userId: string, key: string, hash: string, status: number, body: unknown): Promise<void> {
    await this.sql.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, status, body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, key) DO NOTHING`,
      [userId, key, hash, status, JSON.stringify(body ?? null)],
    );
  }
}

function requestHash(request: Request): string {
  return createHash('sha256')
    .update(`${request.method} ${request.path}\n`)
    .update(JSON.stringify(request.body ?? null))
    .digest('hex');
}
