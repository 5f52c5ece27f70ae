import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { DepartmentIdParam } from '../shared/directory-params';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CommandExecutor, EVENT_STORE, READ_SQL, type CommandContext, type EventStore, type SqlExecutor } from '@app/event-store';
import { ApiCommandRoute, ApiReadRoute, CommandContextOf, ReadQuery, RequireRoles } from '@app/http';
import { notFound } from '@app/kernel';
import {
  DirectoryCommandResultDto,
  DepartmentDocument,
  DepartmentListQuery,
  DepartmentPageDocument,
  PutDepartmentDto,
} from '../shared/directory.dtos';
import { departmentById, departmentPage } from '../read-model/directory.queries';
import { putDepartment } from './department.aggregate';

const DepartmentIdDocs = () => ApiParam({ name: 'id', description: 'the department id every other record carries', example: 'scjg' });

/** Departments: registered and changed by an admin, read by every signed-in role. */
@ApiTags('directory')
@Controller('departments')
export class DepartmentsController {
  constructor(
    @Inject(READ_SQL) private readonly sql: SqlExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandExecutor,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Departments by id, optionally of one region. Every role.' })
  @ApiOkResponse({ type: DepartmentPageDocument })
  @ApiReadRoute()
  list(@Query() query: DepartmentListQuery) {
    return departmentPage(this.sql, query);
  }

  @Get(':id')
  @DepartmentIdDocs()
  @ApiOperation({ summary: 'One department: name, short name, region. Every role.' })
  @ApiOkResponse({ type: DepartmentDocument })
  @ApiReadRoute({ notFound: 'no department of that id' })
  async get(@DepartmentIdParam() id: string, @Query() _query: ReadQuery) {
    const department = await departmentById(this.sql, id);
    if (!department) throw notFound('department', id);
    return department;
  }

  @Put(':id')
  @RequireRoles('admin')
  @DepartmentIdDocs()
  @ApiOperation({ summary: 'Register a department, or change it (admin); the same facts again append nothing' })
  @ApiOkResponse({ type: DirectoryCommandResultDto })
  @ApiCommandRoute()
  put(@DepartmentIdParam() id: string, @Body() body: PutDepartmentDto, @CommandContextOf('department.put') context: CommandContext) {
    const { name, shortName, regionCode } = body;
    return putDepartment({ store: this.store, commands: this.commands }, { departmentId: id, name, shortName, regionCode }, context);
  }
}
