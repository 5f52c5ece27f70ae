import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, ApiReadRoute, CurrentActor, IdParam, ReadQuery } from '@app/http';
import { MATTER_NOT_FOUND } from '../matter-read-model/matters.http.controller';
import { GetMatterHistoryQuery } from './get-matter-history.query';
import { MatterHistoryEntryDto } from './matter-history-entry.dto';

@ApiTags('matters')
@Controller('matters')
export class MatterHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @ApiOperation({ summary: "The matter's events, oldest first: {type, version, position, at, recordedAt, actor, data}" })
  @ApiOkResponse({ type: [MatterHistoryEntryDto] })
  @ApiReadRoute({ id: 'the matter id', notFound: MATTER_NOT_FOUND })
  history(@IdParam() id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetMatterHistoryQuery(id, actor));
  }
}
