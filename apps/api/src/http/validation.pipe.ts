import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { InvalidInputException, MAX_PAGE_SIZE, PageQuery } from '@app/http';
import { unsafeInputIn } from './unsafe-input';

/** Field errors as `{field, message}` with dotted paths (`legalTimeLimit.unit`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Refuses what the DTOs cannot see (see unsafe-input.ts) before class-transformer runs. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problems = unsafeInputIn(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (problems.length > 0) throw new InvalidInputException(problems);
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      throw isPagedQuery(metadata) && error instanceof InvalidInputException
        ? new InvalidInputException(error.fieldErrors, `${error.detail}; ${PAGING}`)
        : error;
    }
  }
}

/** What a 400 on a list says of paging (`?limit=` or `?offset=` are not ours). */
const PAGING = `lists are paged with page (from 1) and pageSize (1–${MAX_PAGE_SIZE})`;

const isPagedQuery = (metadata: ArgumentMetadata) =>
  metadata.type === 'query' && typeof metadata.metatype === 'function' && metadata.metatype.prototype instanceof PageQuery;

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
