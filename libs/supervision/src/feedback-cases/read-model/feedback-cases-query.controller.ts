import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_SQL, type SqlExecutor } from '@app/event-store';
import { type Actor, ApiReadRoute, CurrentActor, IdParam, ReadsOwnWrites, RequireRoles } from '@app/http';
import { businessToday, departmentFilter, inScope, notFound } from '@app/kernel';
import { FEEDBACK_CASE_NOT_FOUND, FEEDBACK_CASE_READERS } from '../feedback-case.routes';
import { GetFeedbackCaseQueryDto, ListFeedbackCasesQueryDto } from './feedback-case-queries.dto';
import { feedbackCaseById, feedbackCasePage } from './feedback-case.queries';
import { FeedbackCasePageView, FeedbackCaseView, toFeedbackCaseView } from './feedback-case.view';

const READERS_DOC =
  'Readers: assessor, inspector and admin see every department; window_staff and department_officer their own department only.';

@ApiTags('feedback cases 差评整改')
@Controller('feedback-cases')
export class FeedbackCasesQueryController {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  @Get(':id')
  @RequireRoles(...FEEDBACK_CASE_READERS)
  @ReadsOwnWrites('feedback-case')
  @ApiOperation({
    summary: 'A follow-up case of a 差评 with its due dates and whether it is overdue as of a date',
    description: `${READERS_DOC} Another department’s case is 404, like an unknown id.`,
  })
  @ApiOkResponse({ type: FeedbackCaseView, description: 'ETag: the stream version' })
  @ApiReadRoute({ id: 'the case id (GET /api/v1/applications/{id} gives it as feedbackCaseId)', notFound: FEEDBACK_CASE_NOT_FOUND })
  async get(@IdParam() id: string, @Query() query: GetFeedbackCaseQueryDto, @CurrentActor() actor: Actor): Promise<FeedbackCaseView> {
    const row = await feedbackCaseById(this.sql, id);
    if (!row || !inScope(actor, row.department_id)) throw notFound('feedback case', id);
    return toFeedbackCaseView(row, query.asOf ?? businessToday());
  }

  @Get()
  @RequireRoles(...FEEDBACK_CASE_READERS)
  @ApiOperation({
    summary: 'Follow-up cases of 差评, newest first, by department, status and overdue as of a date',
    description: `${READERS_DOC} Naming another department is 403.`,
  })
  @ApiOkResponse({ type: FeedbackCasePageView })
  @ApiReadRoute({ forbidden: 'departmentId names another department than the caller’s' })
  async list(@Query() query: ListFeedbackCasesQueryDto, @CurrentActor() actor: Actor): Promise<FeedbackCasePageView> {
    const asOf = query.asOf ?? businessToday();
    const { departmentId, status, overdue, page, pageSize } = query;
    const rows = await feedbackCasePage(
      this.sql,
      { departmentId: departmentFilter(actor, departmentId), status, overdue, page, pageSize },
      asOf,
    );
    return { ...rows, items: rows.items.map((row) => toFeedbackCaseView(row, asOf)) };
  }
}
