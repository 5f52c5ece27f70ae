import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';

/** A documented problem+json response. */
export const ApiProblem = (status: number, description: string) =>
  applyDecorators(
    ApiExtraModels(ProblemDto),
    ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } } }),
  );

/** The errors every route under /api/v1 can answer. */
export const ApiCommonProblems = () =>
  applyDecorators(ApiProblem(401, 'no valid bearer token'), ApiProblem(429, 'rate limited; see Retry-After'));

/** The conventions of every command (api.md): headers and the 4xx a command can answer. */
export const ApiCommandConventions = () =>
  applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry safely: the same key and body return the first response' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'the stream version (ETag) the command expects; 412 when it differs' }),
    ApiCommonProblems(),
    ApiProblem(400, 'invalid body (field errors in `errors`), unknown field, or `at` in the future'),
    ApiProblem(409, 'refused by the domain (illegal transition, duplicate code), or the same Idempotency-Key with another body'),
    ApiProblem(412, 'If-Match does not match the stream version'),
    ApiProblem(413, 'request body too large'),
  );
