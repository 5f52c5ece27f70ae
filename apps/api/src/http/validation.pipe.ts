import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { unsafeInputIn } from './unsafe-input';

/** Field errors as `{field, message}` with dotted paths (`legalTimeLimit.unit`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export class InvalidInputException extends BadRequestException {
  constructor(readonly fieldErrors: { field: string; message: string }[]) {
    super('the request has invalid fields');
  }
}

/** Refuses what the DTOs cannot see (see unsafe-input.ts) before class-transformer runs. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problems = unsafeInputIn(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (problems.length > 0) throw new InvalidInputException(problems);
    }
    return super.transform(value, metadata);
  }
}

/** DTOs are validated strictly: unknown fields are rejected, not stripped (mass assignment). */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputException(flattenValidationErrors(errors)),
  });
}
