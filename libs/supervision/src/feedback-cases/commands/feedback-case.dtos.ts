import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CommandBody } from '@app/http';

const NOT_BLANK = /\S/;

export class ContactApplicantDto extends CommandBody {
  @ApiProperty({ description: '回访: how the applicant was contacted and what they said', example: '已电话回访申请人，了解不满意原因' })
  @IsString()
  @Length(1, 5000)
  @Matches(NOT_BLANK, { message: 'note must not be blank' })
  note: string;
}

export class RectifyFeedbackDto extends CommandBody {
  @ApiProperty({ description: '整改并答复: what was changed and the reply to the applicant', example: '已优化窗口叫号流程并答复申请人' })
  @IsString()
  @Length(1, 5000)
  @Matches(NOT_BLANK, { message: 'note must not be blank' })
  note: string;
}

export class ReEvaluateServiceDto extends CommandBody {
  @ApiProperty({ minimum: 1, maximum: 5, description: '再评价: 5 非常满意 … 1 非常不满意', example: 4 })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ maxLength: 1000, example: '整改后满意' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  comment?: string;
}
