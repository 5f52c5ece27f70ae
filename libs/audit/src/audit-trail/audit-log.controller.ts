import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiReadRoute, ReadQuery, RequireRoles } from '@app/http';
import { AuditLogQuery } from './audit-log-query.dto';
import { AuditLogQueries } from './audit-log.queries';
import { AuditLogPageView, AuditVerificationView } from './audit-log.responses';

@ApiTags('audit')
@RequireRoles('admin')
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly queries: AuditLogQueries) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail: every accepted command and every read of personal data, oldest first (admin)' })
  @ApiOkResponse({ type: AuditLogPageView })
  @ApiReadRoute()
  list(@Query() query: AuditLogQuery) {
    return this.queries.list(query);
  }

  @Get('verify')
  @ApiOperation({
    summary: 'Walk the hash chain from the first entry; names the first changed, removed or reordered entry (admin)',
    description:
      'Valid only proves the chain is consistent: compare `head` with a copy kept outside the database to detect a rewrite of the whole chain.',
  })
  @ApiOkResponse({ type: AuditVerificationView })
  @ApiReadRoute()
  verify(@Query() _query: ReadQuery) {
    return this.queries.verify();
  }
}
