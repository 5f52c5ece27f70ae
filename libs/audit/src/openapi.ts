import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiPreconditionFailedResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

/** OpenAPI shapes shared by libs/audit's controllers. */
export class CommandResultView {
  @ApiProperty({ description: 'the resource id (uuid)', example: '6d1f0a4e-2b7c-4e55-9a3e-0c2f8d7b1a90' }) id: string;
  @ApiProperty({ description: 'stream version after the command (also the ETag)' }) version: number;
  @ApiProperty({ description: 'global position of the last event written (use as ?minPosition=)' }) position: number;
}

export class FieldErrorView {
  @ApiProperty() field: string;
  @ApiProperty() message: string;
}

export class ProblemView {
  @ApiProperty({ example: '/problems/conflict' }) type: string;
  @ApiProperty() title: string;
  @ApiProperty() status: number;
  @ApiProperty() detail: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional({ description: 'domain refusal code, e.g. illegal_transition' }) code?: string;
  @ApiPropertyOptional({ type: [FieldErrorView] }) errors?: FieldErrorView[];
}

const problem = (description: string) => ({
  description: `${description} (application/problem+json)`,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemView' } } },
});

/** Bearer auth and the problem+json answers every route here may give. */
export const ApiReadErrors = () =>
  applyDecorators(
    ApiExtraModels(ProblemView, FieldErrorView),
    ApiBearerAuth(),
    ApiUnauthorizedResponse(problem('no valid bearer token')),
    ApiForbiddenResponse(problem('the role or department scope is lacking')),
    ApiBadRequestResponse(problem('invalid query or body; `errors` lists the fields')),
    ApiTooManyRequestsResponse(problem('rate limited; see Retry-After')),
  );

export const ApiCommandErrors = () =>
  applyDecorators(
    ApiReadErrors(),
    ApiNotFoundResponse(problem('unknown id')),
    ApiConflictResponse(problem('refused by the domain (illegal transition, already exists) or Idempotency-Key reused with another body')),
    ApiPreconditionFailedResponse(problem('If-Match does not match the stream version')),
  );
