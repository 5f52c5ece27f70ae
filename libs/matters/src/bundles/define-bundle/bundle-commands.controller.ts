import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext, CommandResult } from '@app/event-store';
import { ApiCommandRoute, CommandContextOf, CommandResultDto, IdParam, RequireRoles } from '@app/http';
import { BundleCatalogue } from './bundle-catalogue';
import { DefineBundleDto, ReviseBundleDto } from './bundle.dtos';

/** 一件事 bundles in the catalogue (catalog_admin): defined at version 1, each revision the next version. */
@ApiTags('bundles 一件事')
@RequireRoles('catalog_admin')
@Controller('bundles')
export class BundleCommandsController {
  constructor(private readonly catalogue: BundleCatalogue) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Define a 一件事 bundle: a set of ≥ 2 published matters applied for once at the comprehensive window',
    description:
      'The bundle is in the catalogue at once, as version 1 (there is no draft stage: its members are published matters). ' +
      'Each member is recorded with its department and name as of the definition.',
  })
  @ApiCreatedResponse({ type: CommandResultDto, description: '`{id, version: 1, position}`; ETag "1"' })
  @ApiCommandRoute({ notFound: 'a member matter does not exist (`errors[].field` names `matterIds[i]`)' })
  define(@Body() body: DefineBundleDto, @CommandContextOf('bundle.define') context: CommandContext): Promise<CommandResult> {
    return this.catalogue.define({ code: body.code, name: body.name, matterIds: body.matterIds }, context);
  }

  @Post(':id/revisions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revise a bundle: its members (and name) become version n+1',
    description:
      'The same member rules as a definition. Bundle applications already submitted keep the version they were made under; ' +
      'new submissions use the current version. If-Match makes it conditional on the stream version.',
  })
  @ApiOkResponse({ type: CommandResultDto, description: '`{id, version, position}`; ETag the new version' })
  @ApiCommandRoute({ id: 'the bundle id', notFound: 'unknown bundle, or a member matter does not exist' })
  revise(@IdParam() id: string, @Body() body: ReviseBundleDto, @CommandContextOf('bundle.revise') context: CommandContext) {
    return this.catalogue.revise(id, { name: body.name, matterIds: body.matterIds }, context);
  }
}
