import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { type Actor, ApiReadRoute, CurrentActor, IdParam, ReadQuery } from '@app/http';
import { inScope, notFound } from '@app/kernel';
import { MATTER_NOT_FOUND } from '../matter-read-model/matters.http.controller';
import { matterHistory } from './matter-history.query';
import { MatterHistoryEntryDto } from './matter-history-entry.dto';

@ApiTags('matters')
@Controller('matters')
export class MatterHistoryController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/history')
  @ApiOperation({ summary: "The matter's events, oldest first: {type, version, position, at, recordedAt, actor, data}" })
  @ApiOkResponse({ type: [MatterHistoryEntryDto] })
  @ApiReadRoute({ id: 'the matter id', notFound: MATTER_NOT_FOUND })
  async history(@IdParam() id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor): Promise<MatterHistoryEntryDto[]> {
    const { departmentId, entries } = await matterHistory(this.store, id);
    if (entries.length === 0 || !inScope(actor, departmentId)) throw notFound('matter', id);
    return entries;
  }
}
