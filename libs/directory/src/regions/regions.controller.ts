import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { RegionCodeParam } from '../shared/directory-params';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CommandExecutor, READ_SQL, type CommandContext, type SqlExecutor } from '@app/event-store';
import { ApiCommandRoute, ApiReadRoute, CommandContextOf, ReadQuery, RequireRoles } from '@app/http';
import { DirectoryCommandResultDto, PutRegionDto, RegionListDocument } from '../shared/directory.dtos';
import { regionList } from '../read-model/directory.queries';
import { regions } from './region.aggregate';

/** Regions (行政区划): named by an admin, read by every signed-in role. */
@ApiTags('directory')
@Controller('regions')
export class RegionsController {
  constructor(
    @Inject(READ_SQL) private readonly sql: SqlExecutor,
    private readonly commands: CommandExecutor,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every region (行政区划) with its name, by code. Every role.' })
  @ApiOkResponse({ type: RegionListDocument })
  @ApiReadRoute()
  list(@Query() _query: ReadQuery) {
    return regionList(this.sql);
  }

  @Put(':code')
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Name a region, or rename it (admin); the same name again appends nothing' })
  @ApiParam({ name: 'code', description: 'the six-digit administrative division code (行政区划代码)', example: '330683' })
  @ApiOkResponse({ type: DirectoryCommandResultDto })
  @ApiCommandRoute()
  put(@RegionCodeParam() code: string, @Body() body: PutRegionDto, @CommandContextOf('region.put') context: CommandContext) {
    return this.commands.execute(regions, code, { type: 'region.put', data: { code, name: body.name, at: context.at } }, context);
  }
}
