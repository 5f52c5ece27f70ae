import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

/** A query parameter written `true` or `false`, read as a boolean; anything else stays as sent and is refused (400). */
export const IsQueryBoolean = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean(),
  ) as PropertyDecorator;
