import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { CommandBody } from '@app/http';

const MATTER_IDS_DOC =
  'the member matters, in the order the window shows them: at least 2 distinct matters (400 otherwise), each published ' +
  '(unknown → 404 naming `matterIds[i]`; draft, suspended or retired → 409 `not_published`); of any departments';

/** POST /api/v1/bundles: a 一件事 in the catalogue, version 1. */
export class DefineBundleDto extends CommandBody {
  @ApiProperty({
    maxLength: 64,
    pattern: '^\\S{1,64}$',
    example: 'YJS-KBQY',
    description: 'catalogue code, unique across bundles (409 `duplicate_code`)',
  })
  @IsString()
  @Matches(/^\S{1,64}$/, { message: 'code must be 1–64 characters without spaces' })
  code: string;

  @ApiProperty({ maxLength: 200, example: '开办企业一件事' })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ type: [String], format: 'uuid', maxItems: 50, description: MATTER_IDS_DOC })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID(undefined, { each: true, message: 'each matterId must be a UUID' })
  matterIds: string[];
}

/** POST /api/v1/bundles/{id}/revisions: the next version of a bundle. */
export class ReviseBundleDto extends CommandBody {
  @ApiPropertyOptional({ maxLength: 200, description: 'omitted: the name stays' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiProperty({ type: [String], format: 'uuid', maxItems: 50, description: `replaces the members whole: ${MATTER_IDS_DOC}` })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID(undefined, { each: true, message: 'each matterId must be a UUID' })
  matterIds: string[];
}
