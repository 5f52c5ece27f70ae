import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_SQL, type SqlExecutor } from '@app/event-store';
import { type Actor, ApiReadRoute, CurrentActor, IdParam, ReadsOwnWrites } from '@app/http';
import { businessCalendar, businessToday, departmentFilter, inScope, notFound } from '@app/kernel';
import { APPLICATION_NOT_FOUND } from '../http/lifecycle-route.decorator';
import { ApplicationPageView, GetApplicationQueryDto, ListApplicationsQueryDto } from './application-queries.dto';
import { applicationById, applicationPage } from './application.queries';
import { ApplicationView } from './application.view';
import { toApplicationView } from './to-application-view';

@ApiTags('applications 办件')
@Controller('applications')
export class ApplicationsQueryController {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  @Get(':id')
  @ReadsOwnWrites('application')
  @ApiOperation({
    summary: 'An application with its deadline, overdue flag and paused working days as of a date',
    description:
      'Every role may read, scoped to the caller’s department when the token has one (another department’s application is 404). ' +
      'The applicant is shown masked; `applicant.erased` tells whether the personal data was erased.',
  })
  @ApiOkResponse({ type: ApplicationView, description: 'ETag: the stream version' })
  @ApiReadRoute({ id: 'the application id', notFound: APPLICATION_NOT_FOUND })
  async get(@IdParam() id: string, @Query() query: GetApplicationQueryDto, @CurrentActor() actor: Actor): Promise<ApplicationView> {
    const row = await applicationById(this.sql, id);
    if (!row || !inScope(actor, row.department_id)) throw notFound('application', id);
    return toApplicationView(row, query.asOf ?? businessToday(), businessCalendar());
  }

  @Get()
  @ApiOperation({
    summary: 'Applications, newest first or by deadline, filtered by department, status, open and overdue (as of today)',
    description:
      'Callers with a department see only their own; naming another department is 403. ' +
      'The window’s worklist is `?open=true&sort=deadline`: each item’s `workdaysLeft` says how many working days remain.',
  })
  @ApiOkResponse({ type: ApplicationPageView })
  @ApiReadRoute({ forbidden: 'departmentId names another department than the caller’s' })
  async list(@Query() query: ListApplicationsQueryDto, @CurrentActor() actor: Actor): Promise<ApplicationPageView> {
    const today = businessToday();
    const calendar = businessCalendar();
    const { departmentId, status, overdue, open, sort, page, pageSize } = query;
    const rows = await applicationPage(
      this.sql,
      { departmentId: departmentFilter(actor, departmentId), status, overdue, open, sort, page, pageSize },
      today,
      calendar,
    );
    return { ...rows, items: rows.items.map((row) => toApplicationView(row, today, calendar)) };
  }
}
