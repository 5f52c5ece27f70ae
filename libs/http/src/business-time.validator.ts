import { registerDecorator, ValidationOptions } from 'class-validator';

/** ISO 8601 date-time with an explicit offset (`2019-09-27T07:00:00+08:00` or `…Z`). */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** Clocks of clients and servers differ a little; beyond this, `at` is in the future. */
export const CLOCK_SKEW_MS = 5_000;

export function isBusinessTime(value: unknown, now = Date.now()): boolean {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) return false;
  const time = Date.parse(value);
  return Number.isFinite(time) && time <= now + CLOCK_SKEW_MS && time >= Date.parse('1990-01-01T00:00:00Z');
}

/** `at`: when the fact happened in business time — ISO 8601 with offset, not in the future. */
export function IsBusinessTime(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBusinessTime',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an ISO 8601 timestamp with offset, not in the future', ...options },
      validator: { validate: (value: unknown) => isBusinessTime(value) },
    });
}
