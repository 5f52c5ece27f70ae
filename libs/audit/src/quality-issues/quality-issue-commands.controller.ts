import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-store';
import { Command, RequireRoles } from '@app/http';
import { ApiCommandErrors, CommandResultView } from '../openapi';
import { LogQualityIssueDto } from './log/log-quality-issue.dto';
import { LogQualityIssueHandler } from './log/log-quality-issue.handler';
import {
  AssignQualityIssueDto,
  ReopenQualityIssueDto,
  SubmitRectificationDto,
  VerifyRectificationDto,
} from './loop/quality-issue-loop.dto';
import { QualityIssueLoopHandler } from './loop/quality-issue-loop.handler';

@ApiTags('quality issues')
@ApiCommandErrors()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry safely: the same key and body return the first response' })
@ApiHeader({ name: 'If-Match', required: false, description: 'the issue must be at this version (its ETag), else 412' })
@Controller('quality-issues')
export class QualityIssueCommandsController {
  constructor(
    private readonly logHandler: LogQualityIssueHandler,
    private readonly loop: QualityIssueLoopHandler,
  ) {}

  @Post()
  @RequireRoles('inspector')
  @ApiOperation({ summary: 'Log a quality issue (问题事项) against a matter; it belongs to the matter’s department and region' })
  @ApiCreatedResponse({ type: CommandResultView })
  log(@Body() body: LogQualityIssueDto, @Command('quality-issue.log') context: CommandContext) {
    return this.logHandler.handle(body, context);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @RequireRoles('inspector')
  @ApiOperation({ summary: 'Assign (交办) a found issue to its department' })
  @ApiOkResponse({ type: CommandResultView })
  assign(@Param('id') id: string, @Body() _body: AssignQualityIssueDto, @Command('quality-issue.assign') context: CommandContext) {
    return this.loop.assign(id, context);
  }

  @Post(':id/rectifications')
  @HttpCode(200)
  @RequireRoles('department_officer')
  @ApiOperation({ summary: 'Submit a rectification (整改) — only a department officer of the issue’s own department' })
  @ApiOkResponse({ type: CommandResultView })
  rectify(@Param('id') id: string, @Body() body: SubmitRectificationDto, @Command('quality-issue.rectify') context: CommandContext) {
    return this.loop.rectify(id, body.note, context);
  }

  @Post(':id/verification')
  @HttpCode(200)
  @RequireRoles('inspector')
  @ApiOperation({ summary: 'Verify (复核): passed closes the issue (销号); failed sends it back to assigned (comment required)' })
  @ApiOkResponse({ type: CommandResultView })
  verify(@Param('id') id: string, @Body() body: VerifyRectificationDto, @Command('quality-issue.verify') context: CommandContext) {
    return this.loop.verify(id, body.passed, body.comment, context);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @RequireRoles('inspector')
  @ApiOperation({ summary: 'Reopen a closed issue (regression found): assigned again with a new deadline' })
  @ApiOkResponse({ type: CommandResultView })
  reopen(@Param('id') id: string, @Body() body: ReopenQualityIssueDto, @Command('quality-issue.reopen') context: CommandContext) {
    return this.loop.reopen(id, body.reason, body.deadline, context);
  }
}
