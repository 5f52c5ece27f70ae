import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { READ_SQL, SQL_CLIENT, type SqlClient, type SqlExecutor } from '@app/event-store';
import { ApiProblem, Public } from '@app/http';
import { replicaLag } from '../storage/replica-lag';

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
    @Inject(READ_SQL) private readonly reads: SqlExecutor,
  ) {}

  @Get()
  @ApiOkResponse({
    type: HealthDto,
    description:
      'both stores are reachable; with READ_DATABASE_URL also the read replica, its check giving its lag: `readReplica: {status: "up", lagSeconds, lagBytes}`',
  })
  @ApiProblem(429, 'rate limited; see Retry-After')
  @ApiProblem(503, 'a store is unreachable: `detail` names it, `checks` gives every check')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary:
      'Reachability of the event store, the read-model database and (with READ_DATABASE_URL) the read replica: 200 `{status:"ok"}`, 503 when one is down',
  })
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
      ...(this.reads === this.sql
        ? []
        : [
            () =>
              this.indicators
                .check('readReplica')
                .attempt(async () => {
                  const lag = await replicaLag(this.sql, this.reads);
                  return { lagSeconds: lag.seconds, lagBytes: lag.bytes };
                })
                .withTimeout(CHECK_TIMEOUT_MS),
          ]),
    ]);
  }
}
