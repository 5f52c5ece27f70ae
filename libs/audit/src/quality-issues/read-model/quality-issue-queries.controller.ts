import { Controller, ForbiddenException, Get, NotFoundException, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiReadRoute, CurrentActor, IdParam, ReadQuery, ReadsOwnWrites, type Actor } from '@app/http';
import { departmentScopeOf } from '../domain-actor';
import { bareIssueId, bareMatterId, ISSUE_STREAM_PREFIX } from '../ids';
import { QualityIssueListQuery } from './quality-issue-query.dto';
import { QualityIssueQueries } from './quality-issue.queries';
import { IssueDetailView, IssuePageView } from './quality-issue.views';

/** Reads for every role, scoped to the caller's department where it has one (admins see all). */
@ApiTags('quality issues')
@Controller('quality-issues')
export class QualityIssueQueriesController {
  constructor(private readonly queries: QualityIssueQueries) {}

  @Get()
  @ApiOperation({ summary: 'List quality issues (newest first), filtered; scoped to the caller’s department' })
  @ApiOkResponse({ type: IssuePageView })
  @ApiReadRoute({ forbidden: 'departmentId names another department than the caller’s' })
  list(@Query() query: QualityIssueListQuery, @CurrentActor() actor: Actor) {
    const scope = departmentScopeOf(actor);
    if (scope && query.departmentId && query.departmentId !== scope)
      throw new ForbiddenException(`you may read the issues of ${scope} only, not of ${query.departmentId}`);
    const matterId = query.matterId === undefined ? undefined : bareMatterId(query.matterId);
    return this.queries.list({ ...query, matterId, departmentId: scope ?? query.departmentId });
  }

  @Get(':id')
  @ReadsOwnWrites('quality-issue')
  @ApiOperation({ summary: 'One quality issue with the history of its loop steps' })
  @ApiOkResponse({ type: IssueDetailView })
  @ApiReadRoute({
    id: 'the quality issue id (uuid)',
    forbidden: 'the issue belongs to another department',
    notFound: 'unknown quality issue',
  })
  async get(@IdParam(ISSUE_STREAM_PREFIX) id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor) {
    const issue = await this.queries.get(bareIssueId(id));
    if (!issue) throw new NotFoundException(`quality issue ${id} does not exist`);
    const scope = departmentScopeOf(actor);
    if (scope && issue.departmentId !== scope) throw new ForbiddenException(`quality issue ${id} belongs to another department`);
    return issue;
  }
}
