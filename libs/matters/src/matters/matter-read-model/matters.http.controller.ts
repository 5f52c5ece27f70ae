import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, ReadQuery, ReadsOwnWrites } from '@app/http';
import { ApiCommonProblems, ApiProblem } from '../http/api-responses';
import { ApiMatterId, MatterId } from '../http/matter-id.param';
import { GetMatterQuery } from './get-matter.query';
import { ListMattersQuery } from './list-matters.query';
import { ListMattersQueryDto } from './list-matters.query-dto';
import { MatterDetailDto, MatterPageDto } from './matter-view.dtos';

/** Reads of the `matters` read model: every role, scoped to the caller's department where the token names one. */
@ApiTags('matters')
@ApiBearerAuth()
@ApiCommonProblems()
@ApiProblem(503, '?minPosition= not reached within 5 s, or the database is unreachable')
@Controller('matters')
export class MattersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'List matters (paged, ordered by code)',
    description: "A caller whose token names a department sees only that department's matters; naming another in `departmentId` is 403.",
  })
  @ApiOkResponse({ type: MatterPageDto })
  @ApiProblem(400, 'invalid or unknown query parameter')
  @ApiProblem(403, 'departmentId names another department than the token’s')
  list(@Query() query: ListMattersQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListMattersQuery(query, actor));
  }

  @Get(':id')
  @ReadsOwnWrites('matter')
  @ApiOperation({ summary: 'A matter: latest elements, status, versions with effective dates; ETag the stream version' })
  @ApiOkResponse({ type: MatterDetailDto })
  @ApiMatterId()
  @ApiProblem(400, 'id is not a UUID')
  get(@MatterId() id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetMatterQuery(id, actor));
  }
}
