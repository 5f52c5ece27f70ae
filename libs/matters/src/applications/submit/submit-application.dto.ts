import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { CommandBody } from '@app/http';

export class ApplicantDto {
  @ApiProperty({ enum: ['person', 'organisation'] })
  @IsIn(['person', 'organisation'])
  kind: 'person' | 'organisation';

  @ApiProperty({ description: 'personal data: sealed under the applicant’s own key, shown masked', example: '张三' })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({
    description: 'resident id number or unified social credit code; personal data: never stored in clear, shown masked',
    example: '330602199001011234',
  })
  @IsString()
  @Matches(/^[0-9A-Za-z]{6,32}$/, { message: 'idNumber must be 6 to 32 letters and digits' })
  idNumber: string;
}

export class SubmitApplicationDto extends CommandBody {
  @ApiProperty({ format: 'uuid', description: 'the matter (as returned by POST /api/v1/matters)' })
  @IsUUID(undefined, { message: 'matterId must be a UUID' })
  matterId: string;

  @ApiProperty({ enum: ['online', 'mobile', 'window'] })
  @IsIn(['online', 'mobile', 'window'])
  channel: 'online' | 'mobile' | 'window';

  @ApiProperty({ type: ApplicantDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant: ApplicantDto;
}
