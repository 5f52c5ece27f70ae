import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiReadRoute, CurrentActor, IdParam, ReadQuery, ReadsOwnWrites, type Actor } from '@app/http';
import { READ_SQL, type SqlExecutor } from '@app/event-store';
import { departmentFilter, inScope, notFound } from '@app/kernel';
import { bareIssueId, bareMatterId, ISSUE_STREAM_PREFIX } from '../ids';
import { QualityIssueListQuery } from './quality-issue-query.dto';
import { qualityIssue, qualityIssuePage } from './quality-issue.queries';
import { IssueDetailView, IssuePageView } from './quality-issue.views';

/** Reads for every role, scoped to the caller's department where it has one (admins see all). */
@ApiTags('quality issues')
@Controller('quality-issues')
export class QualityIssueQueriesController {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  @Get()
  @ApiOperation({ summary: 'List quality issues (newest first), filtered; scoped to the caller’s department' })
  @ApiOkResponse({ type: IssuePageView })
  @ApiReadRoute({ forbidden: 'departmentId names another department than the caller’s' })
  list(@Query() query: QualityIssueListQuery, @CurrentActor() actor: Actor) {
    const departmentId = departmentFilter(actor, query.departmentId);
    const matterId = query.matterId === undefined ? undefined : bareMatterId(query.matterId);
    return qualityIssuePage(this.sql, { ...query, matterId, departmentId });
  }

  @Get(':id')
  @ReadsOwnWrites('quality-issue')
  @ApiOperation({ summary: 'One quality issue with the history of its loop steps' })
  @ApiOkResponse({ type: IssueDetailView })
  @ApiReadRoute({ id: 'the quality issue id (uuid)', notFound: 'unknown quality issue, or one of another department' })
  async get(@IdParam(ISSUE_STREAM_PREFIX) id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor) {
    const issue = await qualityIssue(this.sql, bareIssueId(id));
    if (!issue || !inScope(actor, issue.departmentId)) throw notFound('quality issue', id);
    return issue;
  }
}
