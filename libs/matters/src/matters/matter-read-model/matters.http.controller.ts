import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_SQL, type SqlExecutor } from '@app/event-store';
import { type Actor, ApiReadRoute, CurrentActor, type Page, ReadQuery, IdParam, ReadsOwnWrites } from '@app/http';
import { departmentFilter, inScope, notFound } from '@app/kernel';
import { ListMattersQueryDto } from './list-matters.query-dto';
import { matterById, matterPage } from './matter.queries';
import { MatterDetailDto, MatterPageDto, type MatterSummaryDto } from './matter-view.dtos';
import { toMatterDetail, toMatterSummary } from './to-matter-view';

export const MATTER_NOT_FOUND = "unknown matter — or another department's, for a caller whose token names a department";

/** Reads of the `matters` read model: every role, scoped to the caller's department where the token names one. */
@ApiTags('matters')
@Controller('matters')
export class MattersController {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  @Get()
  @ApiOperation({
    summary: 'List matters (paged, ordered by code)',
    description: "A caller whose token names a department sees only that department's matters; naming another in `departmentId` is 403.",
  })
  @ApiOkResponse({ type: MatterPageDto })
  @ApiReadRoute({ forbidden: 'departmentId names another department than the token’s' })
  async list(@Query() query: ListMattersQueryDto, @CurrentActor() actor: Actor): Promise<Page<MatterSummaryDto>> {
    const page = await matterPage(this.sql, { ...query, departmentId: departmentFilter(actor, query.departmentId) });
    return { ...page, items: page.items.map(toMatterSummary) };
  }

  @Get(':id')
  @ReadsOwnWrites('matter')
  @ApiOperation({ summary: 'A matter: latest elements, status, versions with effective dates; ETag the stream version' })
  @ApiOkResponse({ type: MatterDetailDto })
  @ApiReadRoute({ id: 'the matter id', notFound: MATTER_NOT_FOUND })
  async get(@IdParam() id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor): Promise<MatterDetailDto> {
    const row = await matterById(this.sql, id);
    if (!row || !inScope(actor, row.department_id)) throw notFound('matter', id);
    return toMatterDetail(row);
  }
}
