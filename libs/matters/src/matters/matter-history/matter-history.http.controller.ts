import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, ReadQuery } from '@app/http';
import { ApiCommonProblems, ApiProblem } from '../http/api-responses';
import { ApiMatterId, MatterId } from '../http/matter-id.param';
import { GetMatterHistoryQuery } from './get-matter-history.query';
import { MatterHistoryEntryDto } from './matter-history-entry.dto';

@ApiTags('matters')
@ApiBearerAuth()
@Controller('matters')
export class MatterHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @ApiOperation({ summary: "The matter's events, oldest first: {type, version, position, at, recordedAt, actor, data}" })
  @ApiOkResponse({ type: [MatterHistoryEntryDto] })
  @ApiMatterId()
  @ApiCommonProblems()
  @ApiProblem(400, 'id is not a UUID')
  history(@MatterId() id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetMatterHistoryQuery(id, actor));
  }
}
