import { Param, type PipeTransform } from '@nestjs/common';
import { InvalidInputException } from '@app/http';
import { DEPARTMENT_ID_PATTERN, isDepartmentId, isRegionCode } from '../domain';

/** A path parameter checked before anything reads a stream or a table: else 400 problem+json naming it. */
class PatternPipe implements PipeTransform<unknown, string> {
  constructor(
    private readonly field: string,
    private readonly valid: (value: unknown) => value is string,
    private readonly message: string,
  ) {}

  transform(value: unknown): string {
    if (!this.valid(value))
      throw new InvalidInputException([{ field: this.field, message: this.message }], `${this.field}: ${this.message}`);
    return value;
  }
}

/** `:code`, a six-digit region code. */
export const RegionCodeParam = () => Param('code', new PatternPipe('code', isRegionCode, 'must be a six-digit region code (行政区划代码)'));
/** `:id`, a department id (`scjg`, `dept-market`). */
export const DepartmentIdParam = () => Param('id', new PatternPipe('id', isDepartmentId, `must match ${DEPARTMENT_ID_PATTERN.source}`));
