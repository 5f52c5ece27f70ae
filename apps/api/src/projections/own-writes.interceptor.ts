import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, ServiceUnavailableException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { EVENT_STORE, type EventStore, ProjectionRunner } from '@app/event-store';
import { type OwnWritesKind, READS_OWN_WRITES } from '@app/http';
import { AppConfig } from '../config/app-config';
import { MIN_POSITION_TIMEOUT_MS } from './min-position.interceptor';
import { ownWritesTargets } from './own-writes-targets';

/** What an entity id (a UUID, or one with its stream prefix) is made of. */
const STREAM_ID_PART = /^[A-Za-z0-9-]{1,200}$/;

/**
 * `@ReadsOwnWrites(kind)` on an entity's GET: the position of the last event of the entity's
 * stream must be covered by the checkpoint of the projection that writes its row before the
 * handler runs (up to 5 s, then 503 with Retry-After). An unknown stream waits for nothing: the
 * GET answers 404 as it would.
 */
@Injectable()
export class OwnWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const kind = this.reflector.get<OwnWritesKind | undefined>(READS_OWN_WRITES, context.getHandler());
    const id = context.switchToHttp().getRequest<Request>().params.id;
    if (!kind || typeof id !== 'string' || !this.config.READ_OWN_WRITES) return next.handle();
    // not an id at all (`%00`, a path): no stream to follow, nothing to send the store — the route's IdParam answers 400
    if (!STREAM_ID_PART.test(id)) return next.handle();
    return from(this.caughtUp(kind, id)).pipe(
      switchMap((reached) => {
        if (!reached)
          throw new ServiceUnavailableException(`the ${kind} read model has not caught up with ${id}'s last write within 5 s; retry`);
        return next.handle();
      }),
    );
  }

  private async caughtUp(kind: OwnWritesKind, id: string): Promise<boolean> {
    const target = ownWritesTargets[kind];
    const position = await this.store.streamPosition(target.streamId(id));
    if (position === null) return true;
    const projections = [target.projection, ...(target.alsoAwaits ?? [])];
    const reached = await Promise.all(
      projections.map((projection) => this.runner.waitForPosition(position, MIN_POSITION_TIMEOUT_MS, { projection })),
    );
    return reached.every(Boolean);
  }
}
