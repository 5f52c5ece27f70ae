import { applyDecorators, BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ApiProblem } from './api-responses';

/** The `:id` of a matter route: a UUID, else 400. */
export const MatterId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') }));

/** Documents `:id` and its 400 / 404 (another department's matter is 404 for a caller scoped to a department). */
export const ApiMatterId = () =>
  applyDecorators(
    ApiParam({ name: 'id', format: 'uuid', description: 'the matter id' }),
    ApiProblem(404, "unknown matter — or another department's, for a caller whose token names a department"),
  );
