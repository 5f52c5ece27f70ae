import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ReadQuery } from '@app/http';
import { IsCalendarDate } from '@app/http';

export class DailyBulletinQuery extends ReadQuery {
  @ApiPropertyOptional({ description: 'the day reported on; default today (BUSINESS_TZ)', example: '2019-10-31' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class WeeklyBulletinQuery extends ReadQuery {
  @ApiPropertyOptional({ description: 'ISO week YYYY-Www (Monday–Sunday); default the current week', example: '2019-W44' })
  @IsOptional()
  @Matches(/^\d{4}-W\d{2}$/, { message: 'week must be an ISO week YYYY-Www' })
  week?: string;
}
