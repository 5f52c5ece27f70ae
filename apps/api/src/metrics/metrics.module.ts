import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { collectDefaultMetrics, register } from 'prom-client';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { READ_SQL, SQL_CLIENT, type SqlClient, type SqlExecutor } from '@app/event-store';
import { MetricsController } from './metrics.controller';
import { registerWebhookGauges } from '@app/notifications';
import { registerReplicaLagGauges } from '../storage/replica-lag';
import { registerAppendQueueGauge } from './append-queue.gauge';
import { registerProjectionLagGauge } from './projection-lag.gauge';

/** Prometheus text at GET /metrics: process metrics, HTTP requests and commands by outcome (see http-metrics.ts), projection lag, appends waiting for a statement, webhook deliveries, the read replica's lag. */
@Module({ controllers: [MetricsController] })
export class MetricsModule implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(READ_SQL) private readonly reads: SqlExecutor,
  ) {}

  onModuleInit(): void {
    if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
    if (this.store instanceof PostgresEventStore) {
      registerProjectionLagGauge(this.sql);
      registerAppendQueueGauge(this.store);
    }
    registerWebhookGauges(this.sql, register);
    if (this.reads !== this.sql) registerReplicaLagGauges(this.sql, this.reads);
  }
}
