import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandExecutor, type CommandContext } from '@app/event-store';
import { ApiCommandRoute, CommandContextOf, CommandResultDto, IdParam, RequireRoles } from '@app/http';
import { businessCalendar } from '@app/kernel';
import { MATTER_NOT_FOUND } from '../matter-read-model/matters.http.controller';
import { toMatterChanges } from '../http/to-matter-elements';
import { matters } from '../matter.aggregate';
import { PublishMatterDto, ReasonDto, ResumeMatterDto, ReviseMatterDto } from './change-matter.dtos';

/**
 * Suspend, resume and retire take effect on the business date of `at` in the city's zone (the API
 * does not take that date from clients); publish and revise name their effective date.
 */
const takesEffectOn = (context: CommandContext) => businessCalendar().businessDate(context.at);

const ApiCommandResult = () => ApiOkResponse({ type: CommandResultDto, description: '`{id, version, position}`, ETag the stream version' });

/** The lifecycle of a matter: draft → published → revised versions → suspended ⇄ resumed → retired. */
@ApiTags('matters')
@ApiCommandRoute({ id: 'the matter id', notFound: MATTER_NOT_FOUND })
@RequireRoles('catalog_admin')
@Controller('matters/:id')
export class ChangeMatterController {
  constructor(private readonly commands: CommandExecutor) {}

  @Post('publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft: version 1 is in force from effectiveFrom' })
  @ApiCommandResult()
  publish(@IdParam() id: string, @Body() body: PublishMatterDto, @CommandContextOf('matter.publish') context: CommandContext) {
    return this.commands.execute(
      matters,
      id,
      { type: 'matter.publish', data: { effectiveFrom: body.effectiveFrom, at: context.at } },
      context,
    );
  }

  @Post('revisions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revise a published or suspended matter: the changed elements become a new version from effectiveFrom',
    description:
      'Each element named replaces the old value whole; the result must satisfy the catalogue rules; effectiveFrom not before the latest version’s.',
  })
  @ApiCommandResult()
  revise(@IdParam() id: string, @Body() body: ReviseMatterDto, @CommandContextOf('matter.revise') context: CommandContext) {
    const data = { changes: toMatterChanges(body), effectiveFrom: body.effectiveFrom, at: context.at };
    return this.commands.execute(matters, id, { type: 'matter.revise', data }, context);
  }

  @Post('suspend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend a published matter from the business date of `at`' })
  @ApiCommandResult()
  suspend(@IdParam() id: string, @Body() body: ReasonDto, @CommandContextOf('matter.suspend') context: CommandContext) {
    const data = { reason: body.reason, effectiveFrom: takesEffectOn(context), at: context.at };
    return this.commands.execute(matters, id, { type: 'matter.suspend', data }, context);
  }

  @Post('resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a suspended matter from the business date of `at`' })
  @ApiCommandResult()
  resume(@IdParam() id: string, @Body() _body: ResumeMatterDto, @CommandContextOf('matter.resume') context: CommandContext) {
    return this.commands.execute(
      matters,
      id,
      { type: 'matter.resume', data: { effectiveFrom: takesEffectOn(context), at: context.at } },
      context,
    );
  }

  @Post('retire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire a matter (from any state but retired) from the business date of `at`' })
  @ApiCommandResult()
  retire(@IdParam() id: string, @Body() body: ReasonDto, @CommandContextOf('matter.retire') context: CommandContext) {
    const data = { reason: body.reason, effectiveFrom: takesEffectOn(context), at: context.at };
    return this.commands.execute(matters, id, { type: 'matter.retire', data }, context);
  }
}
