import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import type { TimeUnit } from '../../domain/matter-elements';

/** The nested parts of a matter's elements (api.md, "Matters"). */

export const TIME_UNITS: readonly TimeUnit[] = ['workday', 'month', 'year'];

export class TimeLimitDto {
  @ApiProperty({ minimum: 0, maximum: 1000, example: 20 })
  @IsInt()
  @Min(0)
  @Max(1000)
  value: number;

  @ApiProperty({ enum: TIME_UNITS, description: 'month = 22 working days, year = 250' })
  @IsIn(TIME_UNITS)
  unit: TimeUnit;
}

export class ChannelsDto {
  @ApiProperty({ description: '网上可办: can be applied for on the web portal' })
  @IsBoolean()
  online: boolean;

  @ApiProperty({ description: '掌上可办: can be applied for on the mobile app' })
  @IsBoolean()
  mobile: boolean;
}

export class ExemptionDto {
  @ApiProperty({ maxLength: 500, example: '涉及现场勘验 needs an on-site inspection' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class ExemptionsDto {
  @ApiPropertyOptional({ type: ExemptionDto, description: '不适宜网上办' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExemptionDto)
  online?: ExemptionDto;

  @ApiPropertyOptional({ type: ExemptionDto, description: '不适宜掌上办' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExemptionDto)
  mobile?: ExemptionDto;

  @ApiPropertyOptional({ type: ExemptionDto, description: '不宜跑零次' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExemptionDto)
  zeroVisit?: ExemptionDto;
}

export class MaterialDto {
  @ApiProperty({ maxLength: 200, example: '营业执照 business licence' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ description: '材料电子化: accepted electronically' })
  @IsBoolean()
  electronic: boolean;
}
