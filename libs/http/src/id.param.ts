import { Param, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { InvalidInputException } from './invalid-input.exception';

export const ID_MUST_BE_UUID = 'id must be a UUID';

/**
 * The `:id` of every route: a UUID, else 400 problem+json (field `id`, "id must be a UUID") —
 * the same answer on every route. `streamPrefix` (e.g. `quality-issue-`) is accepted and stripped.
 */
export class IdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly streamPrefix = '') {}

  transform(value: unknown): string {
    const raw = typeof value === 'string' ? value : '';
    const id = this.streamPrefix && raw.startsWith(this.streamPrefix) ? raw.slice(this.streamPrefix.length) : raw;
    if (!isUUID(id)) throw new InvalidInputException([{ field: 'id', message: ID_MUST_BE_UUID }], ID_MUST_BE_UUID);
    return id;
  }
}

/** `@IdParam() id: string` — the route's `:id`, a UUID (see `IdPipe`). Document it with `ApiCommandRoute`/`ApiReadRoute({ id })`. */
export const IdParam = (streamPrefix?: string) => Param('id', new IdPipe(streamPrefix));
