import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CommandBody, CommandResultDto, PageQuery } from '@app/http';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../delivery/delivery.queries';

/** `POST /api/v1/subscriptions`. */
export class CreateSubscriptionDto extends CommandBody {
  @ApiProperty({
    description: 'the receiver: an absolute http(s) URL, without credentials',
    example: 'https://zzd.example.gov.cn/hooks/zwfw',
  })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty({
    type: [String],
    description: 'event type patterns: a type (`application.accepted`), a prefix (`application.*`) or `*`; 1 to 50, none repeated',
    example: ['red-card.*', 'feedback-case.opened', 'notice.daily'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  types: string[];

  @ApiPropertyOptional({
    description: 'only events of this department’s streams (omit: every department’s, and events of none)',
    example: 'dept-market',
  })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'departmentId must not be blank' })
  @MaxLength(100)
  departmentId?: string;
}

/** `POST …/deliveries/{deliveryId}/retry`: only `at`. */
export class RetryDeliveryDto extends CommandBody {}

export class CreatedSubscriptionDto extends CommandResultDto {
  @ApiProperty({
    description: 'the signing secret (Standard Webhooks, `whsec_<base64>`): shown in this answer only — keep it; it is never shown again',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret: string;
}

export class SubscriptionDeliveryCounts {
  @ApiProperty() pending: number;
  @ApiProperty() delivered: number;
  @ApiProperty() failed: number;
}

export class SubscriptionDocument {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: [String] }) types: string[];
  @ApiProperty({ type: String, nullable: true, description: 'null: every department' }) departmentId: string | null;
  @ApiProperty({ description: 'business time of its creation' }) createdAt: string;
  @ApiProperty({ type: SubscriptionDeliveryCounts, description: 'its deliveries by state' }) deliveries: SubscriptionDeliveryCounts;
  @ApiProperty() version: number;
}

export class SubscriptionPageDocument {
  @ApiProperty({ type: [SubscriptionDocument] }) items: SubscriptionDocument[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class DeliveryLogQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

export class DeliveryDocument {
  @ApiProperty({ format: 'uuid', description: 'the delivery id, sent as `webhook-id` on every attempt' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'the event’s id (the CloudEvent `id`)' }) eventId: string;
  @ApiProperty({ example: 'red-card.issued' }) type: string;
  @ApiProperty({ description: 'the event’s global position' }) position: number;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: DeliveryStatus;
  @ApiProperty({ description: 'attempts so far (every round)' }) attempts: number;
  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status of the last attempt; null: none yet, or no answer' }) lastStatus:
    number | null;
  @ApiProperty({ type: String, nullable: true, example: 'HTTP 503' }) lastError: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'pending only: when it is tried next' }) nextAttemptAt:
    string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) deliveredAt: string | null;
}
