import { ValidateBy, ValidationOptions } from 'class-validator';
import { isCalendarDate } from '@app/kernel';

/** A real calendar date written `YYYY-MM-DD`. */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    { name: 'isCalendarDate', validator: { validate: (value: unknown) => isCalendarDate(value) } },
    { message: '$property must be a date YYYY-MM-DD', ...options },
  );
