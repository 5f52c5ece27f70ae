import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_SQL, type SqlExecutor } from '@app/event-store';
import { type Actor, ApiReadRoute, CurrentActor, IdParam, ReadQuery, ReadsOwnWrites, RequireRoles } from '@app/http';
import { departmentScope, notFound } from '@app/kernel';
import { bundleApplicationById, bundleApplicationPage, type BundleApplicationView } from './bundle-application.queries';
import { BundleApplicationDto, BundleApplicationPageDto, ListBundleApplicationsQueryDto } from './bundle-application-view.dtos';

const SCOPE =
  'Readers: window_staff, assessor, inspector, admin. A token that names a department sees the bundle applications with a ' +
  'member of that department — with all their members, so that it sees how far the other departments are; the members’ ' +
  'applications themselves stay readable only by their own department.';

const NOT_FOUND = 'unknown bundle application — or, for a department token, one without a member of that department';

/** The bundle application's view: its members' status and deadlines from the `applications` read model. */
@ApiTags('bundle applications 一件事办件')
@RequireRoles('window_staff', 'assessor', 'inspector')
@Controller('bundle-applications')
export class BundleApplicationsQueryController {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  @Get()
  @ApiOperation({ summary: 'List bundle applications (paged, newest first), by bundle and status', description: SCOPE })
  @ApiOkResponse({ type: BundleApplicationPageDto })
  @ApiReadRoute()
  list(@Query() query: ListBundleApplicationsQueryDto, @CurrentActor() actor: Actor): Promise<BundleApplicationPageDto> {
    const { bundleId, status, page, pageSize } = query;
    return bundleApplicationPage(this.sql, { bundleId, status, departmentId: departmentScope(actor) ?? undefined, page, pageSize });
  }

  @Get(':id')
  @ReadsOwnWrites('bundle-application')
  @ApiOperation({
    summary: 'A bundle application: in_progress or completed, the latest member deadline, each member with its department and status',
    description:
      `${SCOPE} Right after the submission it shows every member (it waits for the bundle and application read models); a later ` +
      'command on one member application shows here once the applications read model has it (`?minPosition=` to wait for it).',
  })
  @ApiOkResponse({ type: BundleApplicationDto })
  @ApiReadRoute({ id: 'the bundle application id', notFound: NOT_FOUND })
  async get(@IdParam() id: string, @Query() _query: ReadQuery, @CurrentActor() actor: Actor): Promise<BundleApplicationView> {
    const view = await bundleApplicationById(this.sql, id, departmentScope(actor) ?? undefined);
    if (!view) throw notFound('bundle application', id);
    return view;
  }
}
