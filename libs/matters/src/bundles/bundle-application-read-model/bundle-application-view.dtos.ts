import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@app/http';

export class BundleMemberStatusDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;

  @ApiProperty({ format: 'uuid' })
  matterId: string;

  @ApiProperty({ description: 'the member application’s department (its matter’s)' })
  departmentId: string;

  @ApiProperty({ description: 'the member application’s status, as GET /api/v1/applications/{id} shows it', example: 'accepted' })
  status: string;

  @ApiProperty({ type: String, nullable: true, example: '2019-10-18', description: 'its deadline; null until it is accepted' })
  deadline: string | null;
}

export class BundleApplicationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  bundleId: string;

  @ApiProperty({ description: 'the bundle version it was submitted under' })
  bundleVersion: number;

  @ApiProperty({ enum: ['online', 'mobile', 'window'] })
  channel: string;

  @ApiProperty({ description: 'business time of the submission, as recorded (`at`)', example: '2019-09-26T09:00:00+08:00' })
  submittedAt: string;

  @ApiProperty({
    enum: ['in_progress', 'completed'],
    description: 'completed when every member application is done: completed, delivered, rejected or returned (退件)',
  })
  status: 'in_progress' | 'completed';

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2019-10-18',
    description: 'the latest deadline among the members that have one (null while none is accepted)',
  })
  deadline: string | null;

  @ApiProperty({ type: [BundleMemberStatusDto], description: 'the member applications, in the bundle’s order' })
  applications: BundleMemberStatusDto[];
}

export class BundleApplicationPageDto {
  @ApiProperty({ type: [BundleApplicationDto] })
  items: BundleApplicationDto[];

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;

  @ApiProperty()
  total: number;
}

export class ListBundleApplicationsQueryDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'bundleId must be a UUID' })
  bundleId?: string;

  @ApiPropertyOptional({ enum: ['in_progress', 'completed'] })
  @IsOptional()
  @IsIn(['in_progress', 'completed'])
  status?: 'in_progress' | 'completed';
}
