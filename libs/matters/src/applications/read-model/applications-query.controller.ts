import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, ApiReadRoute, CurrentActor, IdParam, ReadsOwnWrites } from '@app/http';
import { APPLICATION_NOT_FOUND } from '../http/lifecycle-route.decorator';
import { ApplicationPageView, GetApplicationQueryDto, ListApplicationsQueryDto } from './application-queries.dto';
import { ApplicationView } from './application.view';
import { GetApplication } from './get-application.query';
import { ListApplications } from './list-applications.query';

@ApiTags('applications 办件')
@Controller('applications')
export class ApplicationsQueryController {
  constructor(private readonly queries: QueryBus) {}

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
  get(@IdParam() id: string, @Query() query: GetApplicationQueryDto, @CurrentActor() actor: Actor): Promise<ApplicationView> {
    return this.queries.execute(new GetApplication(id, actor, query.asOf));
  }

  @Get()
  @ApiOperation({
    summary: 'Applications, newest first, filtered by department, status and overdue (as of today)',
    description: 'Callers with a department see only their own; naming another department is 403.',
  })
  @ApiOkResponse({ type: ApplicationPageView })
  @ApiReadRoute({ forbidden: 'departmentId names another department than the caller’s' })
  list(@Query() query: ListApplicationsQueryDto, @CurrentActor() actor: Actor): Promise<ApplicationPageView> {
    return this.queries.execute(new ListApplications(query, actor));
  }
}
