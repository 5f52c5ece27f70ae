import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@app/http';

export class DevTokenRequestDto {
  @ApiProperty({ enum: ROLES, isArray: true, example: ['assessor'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ description: 'the department the token acts for', example: 'dept-market' })
  @IsOptional()
  @IsString()
  @Matches(/\S/)
  @MaxLength(64)
  departmentId?: string;

  @ApiPropertyOptional({ description: 'the region (行政区划代码) the token acts for', example: '330602' })
  @IsOptional()
  @IsString()
  @Matches(/\S/)
  @MaxLength(64)
  regionCode?: string;
}

export class DevTokenDto {
  @ApiProperty({ description: 'an HS256 bearer token signed with the generated secret' }) token: string;
  @ApiProperty({ example: '12h' }) expiresIn: string;
  @ApiProperty({ example: 'dev-assessor' }) sub: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: string[];
  @ApiPropertyOptional() departmentId?: string;
  @ApiPropertyOptional() regionCode?: string;
}

export class DevSignInDto {
  @ApiProperty({ enum: ROLES, isArray: true, description: 'the roles a dev token may carry' }) roles: string[];
}
