import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsBusinessTime } from './business-time.validator';

/** What every command body may carry: `at`, the business time of the fact (default now). */
export class CommandBody {
  @ApiPropertyOptional({
    description: 'business time of the fact, ISO 8601 with offset; not in the future; default now',
    example: '2019-09-27T09:30:00+08:00',
  })
  @IsOptional()
  @IsBusinessTime()
  at?: string;
}
