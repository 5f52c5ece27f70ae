import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiResponse, ApiExtraModels, getSchemaPath } from '@nestjs/swagger';

export class ReportFieldErrorDto {
  @ApiProperty({ example: 'asOf' }) field: string;
  @ApiProperty({ example: 'asOf must be a date YYYY-MM-DD' }) message: string;
}

/** RFC 9457 problem details (`application/problem+json`), as the API's exception filter writes them. */
export class ReportProblemDto {
  @ApiProperty({ example: '/problems/invalid-request' }) type: string;
  @ApiProperty({ example: 'Invalid request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'query parameters are invalid' }) detail: string;
  @ApiPropertyOptional({ type: [ReportFieldErrorDto] }) errors?: ReportFieldErrorDto[];
}

const problem = (status: number, description: string) =>
  ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ReportProblemDto) } } } });

/** The errors every report route can answer. */
export const ApiReportProblems = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiExtraModels(ReportProblemDto),
    problem(400, 'invalid query (field errors in `errors`), unknown query field, or from after to'),
    problem(401, 'no valid bearer token'),
    problem(403, 'the caller lacks the assessor role'),
    problem(429, 'rate limited; see Retry-After'),
    problem(503, 'the store is unavailable, or ?minPosition= was not reached within 5 s'),
  );
