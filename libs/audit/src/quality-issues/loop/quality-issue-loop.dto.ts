import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CommandBody } from '@app/http';
import { DATE_PATTERN } from '../log/log-quality-issue.dto';

/** `POST …/{id}/assign` (交办): no fields but `at`. */
export class AssignQualityIssueDto extends CommandBody {}

/** `POST …/{id}/rectifications` (整改): what the department fixed. */
export class SubmitRectificationDto extends CommandBody {
  @ApiProperty({ example: '已将办件类型改为即办件' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note: string;
}

/** `POST …/{id}/verification` (复核): passed closes the issue (销号); failed sends it back with a comment. */
export class VerifyRectificationDto extends CommandBody {
  @ApiProperty()
  @IsBoolean()
  passed: boolean;

  @ApiPropertyOptional({ description: 'required when `passed` is false: what is still wrong' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

/** `POST …/{id}/reopen`: a regression in a closed issue; back to the department with a new deadline. */
export class ReopenQualityIssueDto extends CommandBody {
  @ApiProperty({ example: '修订后再次出现时限不一致' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;

  @ApiPropertyOptional({ description: 'new deadline YYYY-MM-DD; default 15 working days after `at`' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'deadline must be a date YYYY-MM-DD' })
  deadline?: string;
}
