import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CommandBody, PageQuery } from '@app/http';
import { NAME_MAX, REGION_CODE_PATTERN, SHORT_NAME_MAX } from '../domain';

/** `PUT /api/v1/regions/{code}`: the region's name (市本级, 越城区, …). */
export class PutRegionDto extends CommandBody {
  @ApiProperty({ description: 'the region’s name', example: '嵊州市', maxLength: NAME_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX)
  name: string;
}

/** `PUT /api/v1/departments/{id}`: the department's names and region (a region the directory names). */
export class PutDepartmentDto extends CommandBody {
  @ApiProperty({ description: 'full name', example: '市场监督管理局', maxLength: NAME_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX)
  name: string;

  @ApiProperty({ description: 'short name (简称)', example: '市场监管局', maxLength: SHORT_NAME_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SHORT_NAME_MAX)
  shortName: string;

  @ApiProperty({ description: 'a six-digit region code the directory names', example: '330600', pattern: REGION_CODE_PATTERN.source })
  @IsString()
  regionCode: string;
}

/** `GET /api/v1/departments?regionCode&page&pageSize`. */
export class DepartmentListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only the departments of this region', example: '330600' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be six digits' })
  regionCode?: string;
}

export class RegionDocument {
  @ApiProperty({ example: '330683' }) code: string;
  @ApiProperty({ example: '嵊州市' }) name: string;
  @ApiProperty({ description: 'the region stream’s version', example: 1 }) version: number;
}

export class RegionListDocument {
  @ApiProperty({ type: [RegionDocument], description: 'by code' }) items: RegionDocument[];
}

export class DepartmentDocument {
  @ApiProperty({ example: 'scjg' }) id: string;
  @ApiProperty({ example: '市场监督管理局' }) name: string;
  @ApiProperty({ example: '市场监管局' }) shortName: string;
  @ApiProperty({ example: '330600' }) regionCode: string;
  @ApiProperty({ description: 'the department stream’s version', example: 1 }) version: number;
}

export class DepartmentPageDocument {
  @ApiProperty({ type: [DepartmentDocument] }) items: DepartmentDocument[];
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 50 }) pageSize: number;
  @ApiProperty({ example: 47 }) total: number;
}

/** What the two PUTs answer: CommandResultDto's `{id, version, position}`, the id being the code or department id (not a UUID). */
export class DirectoryCommandResultDto {
  @ApiProperty({ description: 'the region code or department id the command named', example: '330683' })
  id: string;
  @ApiProperty({ description: 'the stream version after the command; also sent as ETag', example: 1 })
  version: number;
  @ApiProperty({ description: 'global position of the last event written; pass it as ?minPosition= to read your write', example: 42 })
  position: number;
}
