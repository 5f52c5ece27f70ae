import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { ApiProblem, Public } from '@app/http';

const CHECK_TIMEOUT_MS = 2000;

class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'each check: `{status: "up"}`' }) info: object;
  @ApiProperty({ type: 'object', additionalProperties: true }) error: object;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: object;
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  @Get()
  @ApiOkResponse({ type: HealthDto, description: 'both stores are reachable' })
  @ApiProblem(429, 'rate limited; see Retry-After')
  @ApiProblem(503, 'a store is unreachable: `detail` names it, `checks` gives every check')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Reachability of the event store and the read-model database: 200 `{status:"ok"}`, 503 when one is down' })
  check() {
    return this.health.check([
      () =>
        this.indicators
          .check('eventStore')
          .attempt(() => this.store.ping())
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('readModels')
          .attempt(async () => void (await this.sql.query('SELECT 1')))
          .withTimeout(CHECK_TIMEOUT_MS),
    ]);
  }
}
