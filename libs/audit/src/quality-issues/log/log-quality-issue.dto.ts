import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CommandBody } from '@app/http';
import { QUALITY_ISSUE_CATEGORIES, QUALITY_ISSUE_CATEGORY_CODES } from '../../domain/categories';

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** `POST /api/v1/quality-issues`: an inspector logs a defect in a matter's catalogue data. */
export class LogQualityIssueDto extends CommandBody {
  @ApiProperty({ description: 'the matter’s id (its uuid, as `/api/v1/matters/{id}`)', example: '0b6f3c1e-5a2d-4f7a-9a51-1f4b2f0f7c11' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  matterId: string;

  @ApiProperty({
    enum: QUALITY_ISSUE_CATEGORY_CODES,
    description: QUALITY_ISSUE_CATEGORIES.map((c) => `\`${c.code}\` ${c.zh} (${c.en})`).join('; '),
  })
  @IsIn(QUALITY_ISSUE_CATEGORY_CODES)
  category: string;

  @ApiProperty({ example: '承诺时限为0但办件类型为承诺件' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;

  @ApiPropertyOptional({ description: 'rectification deadline YYYY-MM-DD; default 15 working days after `at`', example: '2019-10-25' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'deadline must be a date YYYY-MM-DD' })
  deadline?: string;
}
