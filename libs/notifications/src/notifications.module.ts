import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { WebhookDispatcher } from './delivery/webhook-dispatcher';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './shared/notification-options';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';

/** Starts the webhook dispatcher where this process runs the projections; stops it (attempts in flight finish) before the stores close. */
@Injectable()
export class WebhookDispatcherHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private dispatcher: WebhookDispatcher | null = null;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('notifications');
  }

  onApplicationBootstrap(): void {
    if (!this.options.runDispatcher) return;
    this.dispatcher = new WebhookDispatcher(this.sql, {
      retry: this.options.retry,
      logger: { log: (message) => this.logger.info(message), error: (message, error) => this.logger.error({ err: error }, message) },
    });
    this.dispatcher.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.dispatcher?.stop();
  }
}

/** libs/notifications in the API: the subscription routes and, where projections run, the dispatcher of the outbox. */
@Module({})
export class NotificationsModule {
  static forRootAsync(options: { inject: unknown[]; useFactory: (...args: never[]) => NotificationOptions }): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [SubscriptionsController],
      providers: [
        { provide: NOTIFICATION_OPTIONS, inject: options.inject as never[], useFactory: options.useFactory },
        WebhookDispatcherHost,
      ],
    };
  }
}
