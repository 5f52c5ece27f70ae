import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiReadRoute, ReadQuery, RequireRoles } from '@app/http';
import { AuditLogQuery } from './audit-log-query.dto';
import { READ_SQL, type SqlExecutor } from '@app/event-store';
import { auditLogPage, verifyAuditLog } from './audit-log.queries';
import { AuditLogPageView, AuditVerificationView } from './audit-log.responses';

@ApiTags('audit')
@RequireRoles('admin')
@Controller('audit-log')
export class AuditLogController {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail: every accepted command and every read of personal data, oldest first (admin)' })
  @ApiOkResponse({ type: AuditLogPageView })
  @ApiReadRoute()
  list(@Query() query: AuditLogQuery) {
    return auditLogPage(this.sql, query);
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
    return verifyAuditLog(this.sql);
  }
}
