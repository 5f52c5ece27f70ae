import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@app/http';

/** `POST /api/v1/supervision/sweeps {date}`. */
export class SweepDto {
  @ApiProperty({ description: 'the business date to sweep (YYYY-MM-DD), not in the future', example: '2019-10-11' })
  @IsCalendarDate()
  date: string;
}

export class SweepResultView {
  @ApiProperty({ example: '2019-10-11' }) date: string;
  @ApiProperty({ description: 'red cards issued by the sweep of this date', example: 2 }) cardsIssued: number;
  @ApiProperty({ description: 'applications suspended for overdue deferred materials (容缺)', example: 1 }) suspended: number;
  @ApiProperty({ description: 'applications returned (退件) for deferred materials still missing', example: 0 }) returned: number;
  @ApiProperty({
    description: 'daily notices (一日一告知) sent: one per department with something open, warned or due on the date',
    example: 12,
  })
  noticesSent: number;
}
