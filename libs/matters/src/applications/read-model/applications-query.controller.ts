import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { type Actor, CurrentActor } from '@app/http';
import { businessCalendar, businessToday, departmentFilter, inScope, notFound } from '@app/kernel';
import { ApiCommonProblems, ApiProblem } from '../../matters/http/api-responses';
import { ApplicationPageView, GetApplicationQueryDto, ListApplicationsQueryDto } from './application-queries.dto';
import { applicationById, applicationPage } from './application.queries';
import { ApplicationView } from './application.view';
import { toApplicationView } from './to-application-view';

@ApiTags('applications 办件')
@ApiBearerAuth()
@ApiCommonProblems()
@Controller('applications')
export class ApplicationsQueryController {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  @Get(':id')
  @ApiOperation({
    summary: 'An application with its deadline, overdue flag and paused working days as of a date',
    description:
      'Every role may read, scoped to the caller’s department when the token has one (another department’s application is 404). ' +
      'The applicant is shown masked; `applicant.erased` tells whether the personal data was erased.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ApplicationView, description: 'ETag: the stream version' })
  @ApiProblem(400, 'invalid asOf or minPosition')
  @ApiProblem(404, 'unknown application, or one of another department')
  @ApiProblem(503, 'minPosition not reached within 5 s')
  async get(@Param('id') id: string, @Query() query: GetApplicationQueryDto, @CurrentActor() actor: Actor): Promise<ApplicationView> {
    const row = await applicationById(this.sql, id);
    if (!row || !inScope(actor, row.department_id)) throw notFound('application', id);
    return toApplicationView(row, query.asOf ?? businessToday(), businessCalendar());
  }

  @Get()
  @ApiOperation({
    summary: 'Applications, newest first, filtered by department, status and overdue (as of today)',
    description: 'Callers with a department see only their own; naming another department is 403.',
  })
  @ApiOkResponse({ type: ApplicationPageView })
  @ApiProblem(400, 'invalid filter or paging')
  @ApiProblem(403, 'departmentId names another department than the caller’s')
  @ApiProblem(503, 'minPosition not reached within 5 s')
  async list(@Query() query: ListApplicationsQueryDto, @CurrentActor() actor: Actor): Promise<ApplicationPageView> {
    const today = businessToday();
    const calendar = businessCalendar();
    const { departmentId, status, overdue, page, pageSize } = query;
    const rows = await applicationPage(
      this.sql,
      { departmentId: departmentFilter(actor, departmentId), status, overdue, page, pageSize },
      today,
      calendar,
    );
    return { ...rows, items: rows.items.map((row) => toApplicationView(row, today, calendar)) };
  }
}
