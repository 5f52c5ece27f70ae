import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext, CommandResult } from '@app/event-store';
import { Command, RequireRoles } from '@app/http';
import { ApiCommandConventions } from '../http/api-responses';
import { ApiMatterId, MatterId } from '../http/matter-id.param';
import { CommandResultDto } from '../http/problem.dto';
import { toMatterChanges } from '../http/to-matter-elements';
import { ChangeMatterCommand } from './change-matter.command';
import { PublishMatterDto, ReasonDto, ResumeMatterDto, ReviseMatterDto } from './change-matter.dtos';
import type { MatterChange } from './matter-change';

const ApiCommandResult = () => ApiOkResponse({ type: CommandResultDto, description: '`{id, version, position}`, ETag the stream version' });

/** The lifecycle of a matter: draft → published → revised versions → suspended ⇄ resumed → retired. */
@ApiTags('matters')
@ApiBearerAuth()
@ApiMatterId()
@ApiCommandConventions()
@RequireRoles('catalog_admin')
@Controller('matters/:id')
export class ChangeMatterController {
  constructor(private readonly commands: CommandBus) {}

  @Post('publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft: version 1 is in force from effectiveFrom' })
  @ApiCommandResult()
  publish(@MatterId() id: string, @Body() body: PublishMatterDto, @Command('matter.publish') context: CommandContext) {
    return this.change(id, { type: 'matter.publish', effectiveFrom: body.effectiveFrom }, context);
  }

  @Post('revisions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revise a published or suspended matter: the changed elements become a new version from effectiveFrom',
    description:
      'Each element named replaces the old value whole; the result must satisfy the catalogue rules; effectiveFrom not before the latest version’s.',
  })
  @ApiCommandResult()
  revise(@MatterId() id: string, @Body() body: ReviseMatterDto, @Command('matter.revise') context: CommandContext) {
    return this.change(id, { type: 'matter.revise', changes: toMatterChanges(body), effectiveFrom: body.effectiveFrom }, context);
  }

  @Post('suspend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend a published matter from the business date of `at`' })
  @ApiCommandResult()
  suspend(@MatterId() id: string, @Body() body: ReasonDto, @Command('matter.suspend') context: CommandContext) {
    return this.change(id, { type: 'matter.suspend', reason: body.reason }, context);
  }

  @Post('resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a suspended matter from the business date of `at`' })
  @ApiCommandResult()
  resume(@MatterId() id: string, @Body() _body: ResumeMatterDto, @Command('matter.resume') context: CommandContext) {
    return this.change(id, { type: 'matter.resume' }, context);
  }

  @Post('retire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire a matter (from any state but retired) from the business date of `at`' })
  @ApiCommandResult()
  retire(@MatterId() id: string, @Body() body: ReasonDto, @Command('matter.retire') context: CommandContext) {
    return this.change(id, { type: 'matter.retire', reason: body.reason }, context);
  }

  private change(id: string, change: MatterChange, context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new ChangeMatterCommand(id, change, context));
  }
}
