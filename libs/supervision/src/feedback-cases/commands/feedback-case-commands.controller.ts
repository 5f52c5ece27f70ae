import { applyDecorators, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandExecutor, type CommandContext, type CommandResult } from '@app/event-store';
import { ApiCommandRoute, CommandContextOf, CommandResultDto, IdParam, RequireRoles } from '@app/http';
import { DomainError, isDomainError, notFound } from '@app/kernel';
import { feedbackCaseIdOf, type FeedbackCaseCommand } from '../../domain';
import { feedbackCases } from '../feedback-case.aggregate';
import { FEEDBACK_CASE_HANDLERS, FEEDBACK_CASE_NOT_FOUND } from '../feedback-case.routes';
import { ContactApplicantDto, RectifyFeedbackDto, ReEvaluateServiceDto } from './feedback-case.dtos';

const HANDLERS_DOC = 'Role window_staff or department_officer of the case’s department (or admin); another department’s case is 404.';

const CaseCommandRoute = (path: string, summary: string, description: string) =>
  applyDecorators(
    Post(`:id/${path}`),
    HttpCode(200),
    RequireRoles(...FEEDBACK_CASE_HANDLERS),
    ApiOperation({ summary, description: `${description} ${HANDLERS_DOC}` }),
    ApiOkResponse({ type: CommandResultDto, description: 'the events were appended; ETag: the new stream version' }),
    ApiCommandRoute({
      id: 'the case id',
      forbidden: 'not window_staff or department_officer (or admin), or a token without departmentId',
      notFound: FEEDBACK_CASE_NOT_FOUND,
    }),
  );

/** The department's steps on a follow-up case (差评整改): 回访, then 整改并答复. */
@ApiTags('feedback cases 差评整改')
@Controller('feedback-cases')
export class FeedbackCaseCommandsController {
  constructor(private readonly commands: CommandExecutor) {}

  @CaseCommandRoute('contact', 'Record the contact of the applicant (回访)', 'Due by contactDueOn; once (409 after it).')
  contact(@IdParam() id: string, @Body() body: ContactApplicantDto, @CommandContextOf('feedback-case.contact') context: CommandContext) {
    return this.commands.execute(feedbackCases, id, { type: 'feedback-case.contact', data: { note: body.note, at: context.at } }, context);
  }

  @CaseCommandRoute(
    'rectification',
    'Record the rectification and the reply (整改并答复)',
    'Due by rectifyDueOn; after the contact (409 before it), once. The applicant may then re-evaluate once.',
  )
  rectify(@IdParam() id: string, @Body() body: RectifyFeedbackDto, @CommandContextOf('feedback-case.rectify') context: CommandContext) {
    return this.commands.execute(feedbackCases, id, { type: 'feedback-case.rectify', data: { note: body.note, at: context.at } }, context);
  }
}

/**
 * 再评价 on the application's address: `POST /applications/{id}/re-evaluation` runs `re_rate` on
 * the application's case (`feedbackCaseIdOf(id)`), where its precondition lives.
 */
@ApiTags('applications 办件')
@Controller('applications')
export class ReEvaluationController {
  constructor(private readonly commands: CommandExecutor) {}

  @Post(':id/re-evaluation')
  @HttpCode(200)
  @RequireRoles('window_staff')
  @ApiOperation({
    summary: 'Record the applicant’s re-evaluation (再评价) after a 差评 was rectified; closes the follow-up case',
    description:
      'Once, and only after the case’s rectification (409 otherwise). The answer names the case: `{id: caseId, version, position}`. ' +
      'Role window_staff of the application’s department (or admin).',
  })
  @ApiOkResponse({ type: CommandResultDto, description: 'the events were appended to the follow-up case; ETag: its new stream version' })
  @ApiCommandRoute({
    id: 'the application id',
    forbidden: 'not window staff (or admin), or a token without departmentId',
    notFound: 'no follow-up case for this application (it has no 差评), or it is another department’s',
  })
  async reEvaluate(
    @IdParam() id: string,
    @Body() body: ReEvaluateServiceDto,
    @CommandContextOf('feedback-case.re_rate') context: CommandContext,
  ): Promise<CommandResult> {
    const data = { score: body.score, ...(body.comment !== undefined ? { comment: body.comment } : {}), at: context.at };
    const command: FeedbackCaseCommand = { type: 'feedback-case.re_rate', data };
    try {
      return await this.commands.execute(feedbackCases, feedbackCaseIdOf(id), command, context);
    } catch (error) {
      if (isDomainError(error) && (error as DomainError).kind === 'not_found') throw notFound('follow-up case for application', id);
      throw error;
    }
  }
}
