import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, ApiReadRoute, CurrentActor, IdParam, ReadQuery, ReadsOwnWrites } from '@app/http';
import { GetMatterQuery } from './get-matter.query';
import { ListMattersQuery } from './list-matters.query';
import { ListMattersQueryDto } from './list-matters.query-dto';
import { MatterDetailDto, MatterPageDto } from './matter-view.dtos';

export const MATTER_NOT_FOUND = "unknown matter — or another department's, for a caller whose token names a department";

/** Reads of the `matters` read model: every role, scoped to the caller's department where the token names one. */
@ApiTags('matters')
@Controller('matters')
export class MattersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'List matters (paged, ordered by code)',
    description: "A caller whose token names a department sees only that department's matters; naming another in `departmentId` is 403.",
  })
  @ApiOkResponse({ type: MatterPageDto })
  @ApiReadRoute({ forbidden: 'departmentId names another department than the token’s' })
  list(@Query() query: ListMattersQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListMattersQuery(query, actor));
  }

  @Get(':id')
  @ReadsOwnWrites('matter')
  @ApiOperation({ summary: 'A matter: latest elements, status, versions with effective dates; ETag the stream version' })
  @ApiOkResponse({ type: MatterDetailDto })
  @ApiReadRoute({ id: 'the matter id', notFound: MATTER_NOT_FOUND })
  get(@IdParam() id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetMatterQuery(id, actor));
  }
}
