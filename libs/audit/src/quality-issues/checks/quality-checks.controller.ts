import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-store';
import { ApiCommandRoute, CommandContextOf, RequireRoles } from '@app/http';
import { QualityCheckRunView, RunQualityChecksDto } from './run-quality-checks.dto';
import { RunQualityChecksHandler } from './run-quality-checks.handler';

@ApiTags('quality issues')
@ApiCommandRoute({ notFound: 'unknown matter' })
@Controller('quality-checks')
export class QualityChecksController {
  constructor(private readonly checks: RunQualityChecksHandler) {}

  @Post()
  @HttpCode(200)
  @RequireRoles('inspector')
  @ApiOperation({
    summary:
      '自动质检: check one matter (or every published matter) against the catalogue rules; log one issue per failed rule not already open',
  })
  @ApiOkResponse({ type: QualityCheckRunView })
  run(@Body() body: RunQualityChecksDto, @CommandContextOf('quality-check.run') context: CommandContext) {
    return this.checks.run(body.matterId, context);
  }
}
