import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;
/** Deeper than any list goes; keeps `(page - 1) * pageSize` a safe integer for SQL OFFSET (page=1e308 was a 500). */
export const MAX_PAGE = 1_000_000;

/** What every list query may carry: paging (page size capped) and `minPosition` (read your writes). */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize = 50;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'wait (up to 5 s, then 503) until the read models have processed this global position',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}

/** Only `minPosition`, for single-resource GETs and reports. */
export class ReadQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'wait (up to 5 s, then 503) until the read models have processed this global position',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}

export interface Page<Item> {
  items: Item[];
  page: number;
  pageSize: number;
  total: number;
}
