import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, ReadQuery, type Actor } from '@app/http';
import { ApiReadErrors } from '../../openapi';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { departmentFilter, inScope, notFound } from '@app/kernel';
import { bareIssueId, bareMatterId } from '../ids';
import { QualityIssueListQuery } from './quality-issue-query.dto';
import { qualityIssue, qualityIssuePage } from './quality-issue.queries';
import { IssueDetailView, IssuePageView } from './quality-issue.views';

/** Reads for every role, scoped to the caller's department where it has one (admins see all). */
@ApiTags('quality issues')
@ApiReadErrors()
@Controller('quality-issues')
export class QualityIssueQueriesController {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  @Get()
  @ApiOperation({ summary: 'List quality issues (newest first), filtered; scoped to the caller’s department' })
  @ApiOkResponse({ type: IssuePageView })
  list(@Query() query: QualityIssueListQuery, @CurrentActor() actor: Actor) {
    const departmentId = departmentFilter(actor, query.departmentId);
    const matterId = query.matterId === undefined ? undefined : bareMatterId(query.matterId);
    return qualityIssuePage(this.sql, { ...query, matterId, departmentId });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One quality issue with the history of its loop steps' })
  @ApiOkResponse({ type: IssueDetailView })
  @ApiNotFoundResponse({ description: 'unknown issue, or one of another department (application/problem+json)' })
  async get(@Param('id') id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor) {
    const issue = await qualityIssue(this.sql, bareIssueId(id));
    if (!issue || !inScope(actor, issue.departmentId)) throw notFound('quality issue', id);
    return issue;
  }
}
