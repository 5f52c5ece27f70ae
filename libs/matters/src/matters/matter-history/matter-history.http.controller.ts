import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { type Actor, CurrentActor, ReadQuery } from '@app/http';
import { inScope, notFound } from '@app/kernel';
import { ApiCommonProblems, ApiProblem } from '../http/api-responses';
import { ApiMatterId, MatterId } from '../http/matter-id.param';
import { matterHistory } from './matter-history.query';
import { MatterHistoryEntryDto } from './matter-history-entry.dto';

@ApiTags('matters')
@ApiBearerAuth()
@Controller('matters')
export class MatterHistoryController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/history')
  @ApiOperation({ summary: "The matter's events, oldest first: {type, version, position, at, recordedAt, actor, data}" })
  @ApiOkResponse({ type: [MatterHistoryEntryDto] })
  @ApiMatterId()
  @ApiCommonProblems()
  @ApiProblem(400, 'id is not a UUID')
  async history(@MatterId() id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor): Promise<MatterHistoryEntryDto[]> {
    const { departmentId, entries } = await matterHistory(this.store, id);
    if (entries.length === 0 || !inScope(actor, departmentId)) throw notFound('matter', id);
    return entries;
  }
}
