import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  CommandExecutor,
  EVENT_STORE,
  EventStoreUnavailableError,
  newAggregateId,
  SQL_CLIENT,
  type CommandContext,
  type EventStore,
  type SqlClient,
} from '@app/event-store';
import {
  ApiCommandRoute,
  ApiReadRoute,
  CommandContextOf,
  CommandResultDto,
  IdParam,
  IdPipe,
  PageQuery,
  ReadQuery,
  ReadsOwnWrites,
  RequireRoles,
} from '@app/http';
import { DomainError, notFound } from '@app/kernel';
import { assertHostAllowed } from '../domain';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from '../shared/notification-options';
import { deliveryById, deliveryLog } from '../delivery/delivery.queries';
import { SUBSCRIPTION_STREAM_PREFIX, subscriptionStreamId } from '../shared/notification-streams';
import { subscriptions } from './subscription.aggregate';
import {
  CreatedSubscriptionDto,
  CreateSubscriptionDto,
  DeliveryDocument,
  DeliveryLogQuery,
  RetryDeliveryDto,
  SubscriptionDocument,
  SubscriptionPageDocument,
} from './subscription.dtos';
import { subscriptionById, subscriptionPage } from './subscription.queries';
import { SubscriptionSecrets } from './subscription-secrets';

const SUBSCRIPTION_ROUTE = { id: 'the subscription id (uuid)', notFound: 'unknown or deleted subscription' };
const SubscriptionId = () => IdParam(SUBSCRIPTION_STREAM_PREFIX);

/**
 * Webhook subscriptions (api.md, Notifications), administrators only: other systems subscribe to
 * event types instead of polling; the outbox delivers, signed, at least once, in log order.
 */
@ApiTags('notifications')
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
    private readonly commands: CommandExecutor,
  ) {}

  @Post()
  @RequireRoles('admin')
  @ApiOperation({
    summary: 'Subscribe a receiver to event types; the answer shows the signing secret, once',
    description:
      'Deliveries start with the events after this one. Each is a CloudEvents 1.0 structured JSON POST signed per Standard ' +
      'Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), retried with exponential back-off for ' +
      'WEBHOOK_RETRY_HOURS, in log order per subscription. With `departmentId`, only events of that department’s streams. ' +
      'The URL’s host must be one WEBHOOK_ALLOWED_HOSTS names (400 otherwise); redirects are not followed.',
  })
  @ApiCreatedResponse({ type: CreatedSubscriptionDto, description: 'subscribed; keep the secret' })
  @ApiCommandRoute({ forbidden: 'not an administrator' })
  async create(
    @Body() body: CreateSubscriptionDto,
    @CommandContextOf('subscription.create') context: CommandContext,
  ): Promise<CreatedSubscriptionDto> {
    assertHostAllowed(body.url, this.options.allowedHosts);
    const { userId } = context.actor;
    const key = context.idempotencyKey;
    const id = newAggregateId(key ? { userId, idempotencyKey: key, command: context.command } : undefined);
    const secrets = new SubscriptionSecrets(this.sql);
    const secret = await secrets.create(id);
    try {
      const { url, types, departmentId } = body;
      const command = {
        type: 'subscription.create' as const,
        data: { subscriptionId: id, url, types, ...(departmentId ? { departmentId } : {}), at: context.at },
      };
      return { ...(await this.commands.execute(subscriptions, id, command, context)), secret };
    } catch (error) {
      // erased only when no subscription was recorded: a concurrent twin under the same Idempotency-Key may have been
      if (!(error instanceof EventStoreUnavailableError) && (await this.store.streamPosition(subscriptionStreamId(id))) === null)
        await secrets.erase(id).catch(() => undefined);
      throw error;
    }
  }

  @Get()
  @RequireRoles('admin')
  @ApiOperation({ summary: 'The active subscriptions, oldest first, with their deliveries by state (never the secrets)' })
  @ApiOkResponse({ type: SubscriptionPageDocument })
  @ApiReadRoute({ forbidden: 'not an administrator' })
  list(@Query() query: PageQuery) {
    return subscriptionPage(this.sql, query);
  }

  @Get(':id')
  @RequireRoles('admin')
  @ReadsOwnWrites('subscription')
  @ApiOperation({ summary: 'One active subscription' })
  @ApiOkResponse({ type: SubscriptionDocument })
  @ApiReadRoute(SUBSCRIPTION_ROUTE)
  async get(@SubscriptionId() id: string, @Query() _query: ReadQuery) {
    const subscription = await subscriptionById(this.sql, id);
    if (!subscription) throw notFound('subscription', id);
    return subscription;
  }

  @Delete(':id')
  @RequireRoles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unsubscribe: nothing more is delivered, and its signing secret is erased' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandRoute(SUBSCRIPTION_ROUTE)
  async remove(@SubscriptionId() id: string, @CommandContextOf('subscription.delete') context: CommandContext) {
    const result = await this.commands.execute(subscriptions, id, { type: 'subscription.delete', data: { at: context.at } }, context);
    await new SubscriptionSecrets(this.sql).erase(id);
    return result;
  }

  @Get(':id/deliveries')
  @RequireRoles('admin')
  @ReadsOwnWrites('subscription')
  @ApiOperation({ summary: 'The delivery log of a subscription, in log order (the order they go out in), optionally of one state' })
  @ApiOkResponse({ type: [DeliveryDocument] })
  @ApiReadRoute(SUBSCRIPTION_ROUTE)
  async deliveries(@SubscriptionId() id: string, @Query() query: DeliveryLogQuery) {
    if (!(await subscriptionById(this.sql, id))) throw notFound('subscription', id);
    return deliveryLog(this.sql, id, query);
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @RequireRoles('admin')
  @HttpCode(200)
  @ApiParam({ name: 'deliveryId', format: 'uuid' })
  @ApiOperation({
    summary: 'Send a `failed` delivery again: a new round of retries, ahead of the subscription’s later deliveries',
    description: '409 when the delivery is not `failed` (pending ones are being retried; delivered ones arrived).',
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandRoute({ ...SUBSCRIPTION_ROUTE, notFound: 'unknown subscription or delivery' })
  async retry(
    @SubscriptionId() id: string,
    @Param('deliveryId', new IdPipe()) deliveryId: string,
    @Body() _body: RetryDeliveryDto,
    @CommandContextOf('subscription.retry_delivery') context: CommandContext,
  ) {
    const delivery = await deliveryById(this.sql, id, deliveryId);
    if (!delivery) throw notFound('delivery', deliveryId);
    if (delivery.status !== 'failed')
      throw new DomainError(
        'illegal_transition',
        `delivery ${deliveryId} is ${delivery.status}; only a failed delivery is retried by hand`,
      );
    return this.commands.execute(subscriptions, id, { type: 'subscription.retry_delivery', data: { deliveryId, at: context.at } }, context);
  }
}
