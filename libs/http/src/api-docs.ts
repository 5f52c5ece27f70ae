import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiParam, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { FieldErrorDto, ProblemDto } from './problem.dto';

/** A documented problem+json response (the one `ProblemDto` schema). */
export const ApiProblem = (status: number, description: string) =>
  applyDecorators(
    ApiExtraModels(ProblemDto, FieldErrorDto),
    ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } }),
  );

export interface RouteDocs {
  /** the route has an `:id` (a UUID, `@IdParam()`): what it names, e.g. `the matter id` */
  id?: string;
  /** when the route answers 403 (besides a missing role, which `RequireRoles` documents) */
  forbidden?: string;
  /** when the route answers 404 */
  notFound?: string;
}

const idDocs = (id: string | undefined) => (id ? [ApiParam({ name: 'id', format: 'uuid', description: id })] : []);

const optional = (status: number, description: string | undefined) => (description ? [ApiProblem(status, description)] : []);

/** What every `/api/v1` route may answer besides its own: bearer token, 401, 429, 503. */
const apiRoute = (docs: RouteDocs, invalid: string) => [
  ApiBearerAuth(),
  ...idDocs(docs.id),
  ApiProblem(400, docs.id ? `${invalid}; or the id is not a UUID` : invalid),
  ApiProblem(401, 'no valid bearer token'),
  ...optional(403, docs.forbidden),
  ...optional(404, docs.notFound),
  ApiProblem(429, 'rate limited; see Retry-After'),
  ApiProblem(503, 'the database is unreachable, or ?minPosition= was not reached within 5 s; see Retry-After'),
];

/** A read (GET) under /api/v1: its parameters and the problems it can answer. */
export const ApiReadRoute = (docs: RouteDocs = {}) =>
  applyDecorators(...apiRoute(docs, 'invalid or unknown query parameter (field errors in `errors`)'));

/** A command under /api/v1 (api.md "Conventions for every command"): headers and the problems it can answer. */
export const ApiCommandRoute = (docs: RouteDocs = {}) =>
  applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry safely: the same key and body return the first response' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'the stream version (ETag) the command expects; 412 when it differs' }),
    ...apiRoute(docs, 'invalid body (field errors in `errors`), unknown field, or `at` in the future'),
    ApiProblem(
      409,
      'refused by the domain (illegal transition, duplicate code), a concurrent change, or the same Idempotency-Key with another body',
    ),
    ApiProblem(412, 'If-Match does not match the stream version (`currentVersion` names it)'),
    ApiProblem(413, 'request body too large'),
  );
