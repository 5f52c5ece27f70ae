import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CommandBody } from '@app/http';
import type { HandlingType } from '../../domain/matter-elements';
import { ChannelsDto, ExemptionsDto, MaterialDto, TimeLimitDto } from './matter-element.dtos';

export const HANDLING_TYPES: readonly HandlingType[] = ['instant', 'promised'];

/** The elements of a matter version, as registered and (partially) revised. Rules across fields live in the domain. */
export class MatterElementsDto extends CommandBody {
  @ApiProperty({ maxLength: 200, example: '企业设立登记 business licence registration' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ maxLength: 64, example: 'dept-market' })
  @IsString()
  @Length(1, 64)
  departmentId: string;

  @ApiProperty({ maxLength: 32, example: '330602', description: 'region: 市本级 or a district/county' })
  @IsString()
  @Length(1, 32)
  regionCode: string;

  @ApiProperty({ enum: HANDLING_TYPES, description: 'instant (即办件, promised limit 0) or promised (承诺件)' })
  @IsIn(HANDLING_TYPES)
  handlingType: HandlingType;

  @ApiProperty({ type: TimeLimitDto, nullable: true, description: '法定办结时限; null where the law sets none' })
  @IsDefined()
  @ValidateIf((body: MatterElementsDto) => body.legalTimeLimit !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => TimeLimitDto)
  legalTimeLimit: TimeLimitDto | null;

  @ApiProperty({ type: TimeLimitDto, description: '承诺办结时限; at most the legal limit; 0 exactly for instant matters' })
  @IsObject()
  @ValidateNested()
  @Type(() => TimeLimitDto)
  promisedTimeLimit: TimeLimitDto;

  @ApiProperty({ minimum: 0, maximum: 9, description: '到办事现场次数 (0 = 跑零次)' })
  @IsInt()
  @Min(0)
  @Max(9)
  maxVisits: number;

  @ApiProperty({ type: ChannelsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ChannelsDto)
  channels: ChannelsDto;

  @ApiPropertyOptional({ type: ExemptionsDto, description: 'official exemptions from an indicator, each with a reason' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ExemptionsDto)
  exemptions?: ExemptionsDto;

  @ApiProperty({ type: [MaterialDto], maxItems: 200, description: '申请材料' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials: MaterialDto[];

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: '跨城通办: also handled with these cities', example: ['hangzhou'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  crossCity?: string[];
}
