import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { MatterElementsDto } from '../http/matter-elements.dto';

/** POST /api/v1/matters: a new matter, in state `draft`. */
export class RegisterMatterDto extends MatterElementsDto {
  @ApiProperty({ maxLength: 64, pattern: '^\\S{1,64}$', example: 'SX-SCJG-001', description: 'catalogue code, unique across matters' })
  @IsString()
  @Matches(/^\S{1,64}$/, { message: 'code must be 1–64 characters without spaces' })
  code: string;
}
