import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { CommandBody, CommandResultDto } from '@app/http';
import { ApplicantDto } from '../../applications/submit/submit-application.dto';

/** POST /api/v1/bundle-applications: one submission of a 一件事 at the comprehensive window. */
export class SubmitBundleApplicationDto extends CommandBody {
  @ApiProperty({ format: 'uuid', description: 'the bundle (GET /api/v1/bundles); its current version’s members are applied for' })
  @IsUUID(undefined, { message: 'bundleId must be a UUID' })
  bundleId: string;

  @ApiProperty({ enum: ['online', 'mobile', 'window'], description: 'the channel of every member application' })
  @IsIn(['online', 'mobile', 'window'])
  channel: 'online' | 'mobile' | 'window';

  @ApiProperty({ type: ApplicantDto, description: 'sealed once per member application, each under a key of its own' })
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant: ApplicantDto;
}

export class BundleMemberApplicationDto {
  @ApiProperty({ format: 'uuid' })
  matterId: string;

  @ApiProperty({
    format: 'uuid',
    description: 'an ordinary application of the matter’s department: GET /api/v1/applications/{applicationId}',
  })
  applicationId: string;
}

export class BundleApplicationSubmittedDto extends CommandResultDto {
  @ApiProperty({ type: [BundleMemberApplicationDto], description: 'one application per member matter, in the bundle’s order' })
  applications: BundleMemberApplicationDto[];
}
