import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommandRoute, RequireRoles } from '@app/http';
import { Sweeper } from './sweeper';
import { SweepDto, SweepResultView } from './sweeps.dtos';

@ApiTags('supervision')
@Controller('supervision/sweeps')
export class SweepsController {
  constructor(private readonly sweeper: Sweeper) {}

  @Post()
  @HttpCode(200)
  @RequireRoles('admin')
  @ApiOperation({
    summary:
      'Run the sweep of a business date (red cards, 容缺 suspensions and returns); idempotent: a swept date answers its recorded counts and appends nothing',
    description:
      'The automatic sweep runs every day at SWEEP_AT (city time). A date in the future is 400; while another sweep runs this one waits (up to 60 s, then 409). `noticesSent`: one `notice.daily` event (一日一告知) per department with applications open, warnings, open cards or 差评 cases, or quality issues due on the date; subscriptions of `notice.daily` receive them.',
  })
  @ApiOkResponse({ type: SweepResultView })
  @ApiCommandRoute()
  sweep(@Body() body: SweepDto) {
    return this.sweeper.sweepOnRequest(body.date);
  }
}
