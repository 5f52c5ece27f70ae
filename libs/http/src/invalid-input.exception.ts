import { BadRequestException } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** 400 with the offending fields: the exception filter writes `{…, detail, errors: [{field, message}]}`. */
export class InvalidInputException extends BadRequestException {
  constructor(
    readonly fieldErrors: FieldError[],
    readonly detail = 'the request has invalid fields',
  ) {
    super(detail);
  }
}
