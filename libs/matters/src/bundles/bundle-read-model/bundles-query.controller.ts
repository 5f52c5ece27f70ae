import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_SQL, type SqlExecutor } from '@app/event-store';
import { ApiReadRoute, IdParam, PageQuery, ReadQuery, ReadsOwnWrites } from '@app/http';
import { notFound } from '@app/kernel';
import { bundleById, bundlePage } from './bundle.queries';
import { BundleDto, BundlePageDto } from './bundle-view.dtos';

/** The bundles of the catalogue: readable by every authenticated role (the catalogue is public to the city's staff). */
@ApiTags('bundles 一件事')
@Controller('bundles')
export class BundlesQueryController {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  @Get()
  @ApiOperation({ summary: 'List the 一件事 bundles of the catalogue (paged, ordered by code); every role, not department-scoped' })
  @ApiOkResponse({ type: BundlePageDto })
  @ApiReadRoute()
  list(@Query() query: PageQuery): Promise<BundlePageDto> {
    return bundlePage(this.sql, { page: query.page, pageSize: query.pageSize });
  }

  @Get(':id')
  @ReadsOwnWrites('bundle')
  @ApiOperation({ summary: 'A bundle: its current version and members with their departments' })
  @ApiOkResponse({ type: BundleDto })
  @ApiReadRoute({ id: 'the bundle id', notFound: 'unknown bundle' })
  async get(@IdParam() id: string, @Query() _query: ReadQuery): Promise<BundleDto> {
    const bundle = await bundleById(this.sql, id);
    if (!bundle) throw notFound('bundle', id);
    return bundle;
  }
}
