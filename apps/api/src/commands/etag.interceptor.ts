import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, tap } from 'rxjs';

/** A command's response carries `ETag: "<stream version>"` (api.md); `If-Match` sends it back. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((body) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number' && !response.headersSent) response.setHeader('ETag', `"${version}"`);
      }),
    );
  }
}
