import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandExecutor, READ_SQL, type CommandContext, type SqlExecutor } from '@app/event-store';
import {
  ApiCommandRoute,
  ApiReadRoute,
  CommandContextOf,
  CommandResultDto,
  CurrentActor,
  IdParam,
  ReadQuery,
  ReadsOwnWrites,
  RequireRoles,
  type Actor,
} from '@app/http';
import { departmentFilter, departmentScope, DomainError, inScope, notFound } from '@app/kernel';
import { RED_CARD_STREAM_PREFIX } from '../shared/supervision-streams';
import { redCards } from './red-card.aggregate';
import { ExplainRedCardDto, RedCardDocument, RedCardListQuery, RedCardPageDocument, ReviewRedCardDto } from './red-card.dtos';
import { redCardById, redCardPage } from './read-model/red-card.queries';

const CARD_ROUTE = { id: 'the red card id (uuid)', notFound: 'unknown red card, or one of another department' };
const CardId = () => IdParam(RED_CARD_STREAM_PREFIX);

/**
 * Red cards (红牌): issued by the sweep, explained (说明) by the application's department, reviewed
 * by an inspector. Read by assessors, inspectors and admins; window staff and department officers
 * see their own department's only (another department's card is 404).
 */
@ApiTags('supervision')
@Controller('supervision/cards')
export class RedCardsController {
  constructor(
    @Inject(READ_SQL) private readonly sql: SqlExecutor,
    private readonly commands: CommandExecutor,
  ) {}

  @Get()
  @RequireRoles('assessor', 'inspector', 'window_staff', 'department_officer')
  @ApiOperation({ summary: 'List red cards (红牌), newest first; scoped to the caller’s department' })
  @ApiOkResponse({ type: RedCardPageDocument })
  @ApiReadRoute({ forbidden: 'departmentId names another department than the caller’s' })
  list(@Query() query: RedCardListQuery, @CurrentActor() actor: Actor) {
    return redCardPage(this.sql, { ...query, departmentId: departmentFilter(actor, query.departmentId) });
  }

  @Get(':id')
  @RequireRoles('assessor', 'inspector', 'window_staff', 'department_officer')
  @ReadsOwnWrites('red-card')
  @ApiOperation({ summary: 'One red card with its explanation and last review' })
  @ApiOkResponse({ type: RedCardDocument })
  @ApiReadRoute(CARD_ROUTE)
  async get(@CardId() id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor) {
    const card = await redCardById(this.sql, id);
    if (!card || !inScope(actor, card.departmentId)) throw notFound('red card', id);
    return card;
  }

  @Post(':id/explanation')
  @HttpCode(200)
  @RequireRoles('department_officer')
  @ApiOperation({ summary: 'Explain (说明) an issued card — a department officer of the card’s own department → `explained`' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandRoute({ ...CARD_ROUTE, forbidden: 'a department officer without a departmentId claim' })
  explain(@CardId() id: string, @Body() body: ExplainRedCardDto, @CommandContextOf('red-card.explain') context: CommandContext) {
    if (departmentScope(context.actor) === null && !context.actor.roles.includes('admin'))
      throw new DomainError('forbidden', 'a department officer needs a departmentId claim to explain a red card');
    return this.commands.execute(redCards, id, { type: 'red-card.explain', data: { text: body.text, at: context.at } }, context);
  }

  @Post(':id/review')
  @HttpCode(200)
  @RequireRoles('inspector')
  @ApiOperation({ summary: 'Review an explained card (inspector): accepted → `closed`; not accepted → `issued` again' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandRoute(CARD_ROUTE)
  review(@CardId() id: string, @Body() body: ReviewRedCardDto, @CommandContextOf('red-card.review') context: CommandContext) {
    const { accepted, comment } = body;
    return this.commands.execute(
      redCards,
      id,
      { type: 'red-card.review', data: { accepted, ...(comment !== undefined ? { comment } : {}), at: context.at } },
      context,
    );
  }
}
