import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { type Actor, CurrentActor, type Page, ReadQuery } from '@app/http';
import { departmentFilter, inScope, notFound } from '@app/kernel';
import { ApiCommonProblems, ApiProblem } from '../http/api-responses';
import { ApiMatterId, MatterId } from '../http/matter-id.param';
import { ListMattersQueryDto } from './list-matters.query-dto';
import { matterById, matterPage } from './matter.queries';
import { MatterDetailDto, MatterPageDto, type MatterSummaryDto } from './matter-view.dtos';
import { toMatterDetail, toMatterSummary } from './to-matter-view';

/** Reads of the `matters` read model: every role, scoped to the caller's department where the token names one. */
@ApiTags('matters')
@ApiBearerAuth()
@ApiCommonProblems()
@ApiProblem(503, '?minPosition= not reached within 5 s, or the database is unreachable')
@Controller('matters')
export class MattersController {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  @Get()
  @ApiOperation({
    summary: 'List matters (paged, ordered by code)',
    description: "A caller whose token names a department sees only that department's matters; naming another in `departmentId` is 403.",
  })
  @ApiOkResponse({ type: MatterPageDto })
  @ApiProblem(400, 'invalid or unknown query parameter')
  @ApiProblem(403, 'departmentId names another department than the token’s')
  async list(@Query() query: ListMattersQueryDto, @CurrentActor() actor: Actor): Promise<Page<MatterSummaryDto>> {
    const page = await matterPage(this.sql, { ...query, departmentId: departmentFilter(actor, query.departmentId) });
    return { ...page, items: page.items.map(toMatterSummary) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A matter: latest elements, status, versions with effective dates; ETag the stream version' })
  @ApiOkResponse({ type: MatterDetailDto })
  @ApiMatterId()
  @ApiProblem(400, 'id is not a UUID')
  async get(@MatterId() id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor): Promise<MatterDetailDto> {
    const row = await matterById(this.sql, id);
    if (!row || !inScope(actor, row.department_id)) throw notFound('matter', id);
    return toMatterDetail(row);
  }
}
