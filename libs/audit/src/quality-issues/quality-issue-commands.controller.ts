import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandExecutor, type CommandContext } from '@app/event-store';
import { businessCalendar } from '@app/kernel';
import { ApiCommandRoute, CommandContextOf, CommandResultDto, IdParam, RequireRoles } from '@app/http';
import { LogQualityIssueDto } from './log/log-quality-issue.dto';
import { defaultDeadline } from './default-deadline';
import { bareIssueId, ISSUE_STREAM_PREFIX } from './ids';
import { QualityIssueIntake } from './log/quality-issue-intake';
import {
  AssignQualityIssueDto,
  ReopenQualityIssueDto,
  SubmitRectificationDto,
  VerifyRectificationDto,
} from './loop/quality-issue-loop.dto';
import { loopCommand, qualityIssues } from './quality-issue.aggregate';

/** The `:id` of an issue: its UUID (its stream id `quality-issue-<uuid>` is accepted too). */
const IssueId = () => IdParam(ISSUE_STREAM_PREFIX);
const ISSUE_ROUTE = { id: 'the quality issue id (uuid)', notFound: 'unknown quality issue' };

@ApiTags('quality issues')
@Controller('quality-issues')
export class QualityIssueCommandsController {
  constructor(
    private readonly intake: QualityIssueIntake,
    private readonly commands: CommandExecutor,
  ) {}

  @Post()
  @RequireRoles('inspector')
  @ApiOperation({ summary: 'Log a quality issue (问题事项) against a matter; it belongs to the matter’s department and region' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommandRoute({ notFound: 'unknown matter' })
  log(@Body() body: LogQualityIssueDto, @CommandContextOf('quality-issue.log') context: CommandContext) {
    return this.intake.log(body, context);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @RequireRoles('inspector')
  @ApiOperation({ summary: 'Assign (交办) a found issue to its department' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandRoute(ISSUE_ROUTE)
  assign(@IssueId() id: string, @Body() _body: AssignQualityIssueDto, @CommandContextOf('quality-issue.assign') context: CommandContext) {
    return this.commands.execute(qualityIssues, bareIssueId(id), loopCommand('quality-issue.assign', id, {}, context), context);
  }

  @Post(':id/rectifications')
  @HttpCode(200)
  @RequireRoles('department_officer')
  @ApiOperation({ summary: 'Submit a rectification (整改) — only a department officer of the issue’s own department' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandRoute(ISSUE_ROUTE)
  rectify(@IssueId() id: string, @Body() body: SubmitRectificationDto, @CommandContextOf('quality-issue.rectify') context: CommandContext) {
    return this.commands.execute(
      qualityIssues,
      bareIssueId(id),
      loopCommand('quality-issue.rectify', id, { note: body.note }, context),
      context,
    );
  }

  @Post(':id/verification')
  @HttpCode(200)
  @RequireRoles('inspector')
  @ApiOperation({ summary: 'Verify (复核): passed closes the issue (销号); failed sends it back to assigned (comment required)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandRoute(ISSUE_ROUTE)
  verify(@IssueId() id: string, @Body() body: VerifyRectificationDto, @CommandContextOf('quality-issue.verify') context: CommandContext) {
    return this.commands.execute(
      qualityIssues,
      bareIssueId(id),
      loopCommand('quality-issue.verify', id, { passed: body.passed, comment: body.comment ?? null }, context),
      context,
    );
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @RequireRoles('inspector')
  @ApiOperation({ summary: 'Reopen a closed issue (regression found): assigned again with a new deadline' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandRoute(ISSUE_ROUTE)
  reopen(@IssueId() id: string, @Body() body: ReopenQualityIssueDto, @CommandContextOf('quality-issue.reopen') context: CommandContext) {
    const deadline = body.deadline ?? defaultDeadline(businessCalendar(), context.at);
    return this.commands.execute(
      qualityIssues,
      bareIssueId(id),
      loopCommand('quality-issue.reopen', id, { reason: body.reason, deadline }, context),
      context,
    );
  }
}
