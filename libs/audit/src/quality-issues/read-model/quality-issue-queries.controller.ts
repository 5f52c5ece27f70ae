import { Controller, ForbiddenException, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, ReadQuery, ReadsOwnWrites, type Actor } from '@app/http';
import { ApiReadErrors } from '../../openapi';
import { departmentScopeOf } from '../domain-actor';
import { bareIssueId, bareMatterId } from '../ids';
import { QualityIssueListQuery } from './quality-issue-query.dto';
import { QualityIssueQueries } from './quality-issue.queries';
import { IssueDetailView, IssuePageView } from './quality-issue.views';

/** Reads for every role, scoped to the caller's department where it has one (admins see all). */
@ApiTags('quality issues')
@ApiReadErrors()
@Controller('quality-issues')
export class QualityIssueQueriesController {
  constructor(private readonly queries: QualityIssueQueries) {}

  @Get()
  @ApiOperation({ summary: 'List quality issues (newest first), filtered; scoped to the caller’s department' })
  @ApiOkResponse({ type: IssuePageView })
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
  @ApiNotFoundResponse({ description: 'unknown issue (application/problem+json)' })
  async get(@Param('id') id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor) {
    const issue = await this.queries.get(bareIssueId(id));
    if (!issue) throw new NotFoundException(`quality issue ${id} does not exist`);
    const scope = departmentScopeOf(actor);
    if (scope && issue.departmentId !== scope) throw new ForbiddenException(`quality issue ${id} belongs to another department`);
    return issue;
  }
}
