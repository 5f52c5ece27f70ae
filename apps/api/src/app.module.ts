import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { MattersModule } from '@app/matters';
import { ApplicationsModule } from '@app/matters';
import { BundlesModule } from '@app/matters';
import { AuditModule } from '@app/audit';
import { AssessmentModule } from '@app/metrics';
import { FeedbackCasesModule, SupervisionModule } from '@app/supervision';
import { NotificationsModule, parseAllowedHosts } from '@app/notifications';
import { DirectoryModule } from '@app/directory';
import { AuthModule } from './auth/auth.module';
import { ConsoleModule } from './console/console.module';
import { DevSignInModule } from './dev-sign-in/dev-sign-in.module';
import { webhookRetry } from './config/webhook-retry';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { EtagInterceptor } from './commands/etag.interceptor';
import { IdempotencyInterceptor } from './commands/idempotency.interceptor';
import { HealthController } from './health/health.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { QueueThrottlerStorage } from './http/queue-throttler.storage';
import { RateLimitGuard } from './http/rate-limit.guard';
import { SharedThrottlerStorage } from './http/shared-throttler.storage';
import { requestLogging } from './http/request-logging';
import { MetricsModule } from './metrics/metrics.module';
import { ProjectionsModule } from './projections/projections.module';
import { StorageModule } from './storage/storage.module';

@Module({
  imports: [
    ConfigModule,
    // imports/providers spelled out: nestjs-pino 4's CommonJS typings do not see Nest 12's optional ModuleMetadata
    LoggerModule.forRootAsync({ imports: [], providers: [], inject: [AppConfig], useFactory: requestLogging }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }],
        storage: config.REDIS_URL ? new SharedThrottlerStorage(config.REDIS_URL) : new QueueThrottlerStorage(),
      }),
    }),
    StorageModule,
    ProjectionsModule,
    AuthModule,
    TerminusModule,
    MetricsModule,
    MattersModule.forRoot(),
    ApplicationsModule.forRoot({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ deferredDueWorkdays: config.DEFERRED_DUE_WORKDAYS }),
    }),
    BundlesModule.forRoot(),
    FeedbackCasesModule,
    AuditModule,
    AssessmentModule,
    DirectoryModule,
    SupervisionModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        yellowWorkdays: config.SUPERVISION_YELLOW_WORKDAYS,
        sweepAt: config.SWEEP_AT,
        runSchedule: config.RUN_PROJECTIONS,
      }),
    }),
    NotificationsModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        runDispatcher: config.RUN_PROJECTIONS,
        retry: webhookRetry(config),
        allowedHosts: parseAllowedHosts(config.WEBHOOK_ALLOWED_HOSTS ?? (config.embedded ? '*' : '')),
      }),
    }),
    DevSignInModule,
    ConsoleModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    // outermost first: the ETag is set on replayed responses too
    { provide: APP_INTERCEPTOR, useClass: EtagInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class AppModule {}
