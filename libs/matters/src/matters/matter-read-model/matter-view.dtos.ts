import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { HandlingType } from '../../domain/matter-elements';
import { ChannelsDto, ExemptionsDto, MaterialDto, TimeLimitDto } from '../http/matter-element.dtos';
import { HANDLING_TYPES } from '../http/matter-elements.dto';

export const MATTER_STATUSES = ['draft', 'published', 'suspended', 'retired'] as const;
export type MatterStatusName = (typeof MATTER_STATUSES)[number];

export class MatterVersionDto {
  @ApiProperty({ description: 'catalogue version number (1 = as published)' })
  version: number;

  @ApiProperty({ example: '2019-03-01' })
  effectiveFrom: string;

  @ApiProperty({ description: 'business time it was recorded' })
  at: string;
}

export class StatusPeriodDto {
  @ApiProperty({ enum: ['published', 'suspended', 'retired'] })
  status: 'published' | 'suspended' | 'retired';

  @ApiProperty({ example: '2019-03-01', description: 'in this status from this business date (until the next period)' })
  from: string;

  @ApiPropertyOptional()
  reason?: string;
}

/** A matter in a list. */
export class MatterSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  departmentId: string;

  @ApiProperty()
  regionCode: string;

  @ApiProperty({ enum: MATTER_STATUSES })
  status: MatterStatusName;

  @ApiProperty({ enum: HANDLING_TYPES })
  handlingType: HandlingType;

  @ApiProperty({ description: 'stream version (the ETag; send it as If-Match)' })
  version: number;

  @ApiProperty({ type: Number, nullable: true, description: 'latest catalogue version; null for a draft' })
  catalogueVersion: number | null;

  @ApiProperty({ type: String, nullable: true, example: '2019-03-01', description: 'effective date of the latest catalogue version' })
  effectiveFrom: string | null;
}

/** A matter's latest elements (the draft's before publication), status and history of versions and status periods. */
export class MatterDetailDto extends MatterSummaryDto {
  @ApiProperty({ type: String, nullable: true, description: 'why it is suspended or retired' })
  statusReason: string | null;

  @ApiProperty({ type: TimeLimitDto, nullable: true })
  legalTimeLimit: TimeLimitDto | null;

  @ApiProperty({ type: TimeLimitDto })
  promisedTimeLimit: TimeLimitDto;

  @ApiProperty({ minimum: 0, maximum: 9 })
  maxVisits: number;

  @ApiProperty({ type: ChannelsDto })
  channels: ChannelsDto;

  @ApiProperty({ type: ExemptionsDto })
  exemptions: ExemptionsDto;

  @ApiProperty({ type: [MaterialDto] })
  materials: MaterialDto[];

  @ApiPropertyOptional({ type: [String] })
  crossCity?: string[];

  @ApiProperty({ type: [MatterVersionDto], description: 'every catalogue version with its effective date, oldest first' })
  versions: MatterVersionDto[];

  @ApiProperty({ type: [StatusPeriodDto], description: 'every status change with its effective date, oldest first' })
  statusPeriods: StatusPeriodDto[];

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  @ApiProperty({ format: 'date-time', description: 'business time of the last change' })
  updatedAt: string;
}

export class MatterPageDto {
  @ApiProperty({ type: [MatterSummaryDto] })
  items: MatterSummaryDto[];

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;

  @ApiProperty()
  total: number;
}
