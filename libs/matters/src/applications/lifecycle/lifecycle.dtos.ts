import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CommandBody, IsCalendarDate } from '@app/http';

/** The bodies of the lifecycle commands; each may carry `at` (CommandBody). */

const NOT_BLANK = /\S/;

export class RejectApplicationDto extends CommandBody {
  @ApiProperty({ description: '不予受理: why the application is refused at intake', example: '不属于本机关职权范围' })
  @IsString()
  @Length(1, 1000)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason: string;
}

export class RequestSupplementDto extends CommandBody {
  @ApiProperty({ type: [String], description: 'the materials to complete (补齐补正), 1 to 100', example: ['营业执照复印件'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  @Matches(NOT_BLANK, { each: true, message: 'each item must not be blank' })
  items: string[];
}

export class StartSpecialProcedureDto extends CommandBody {
  @ApiProperty({ description: '特别程序: 听证, 检验, 鉴定, 专家评审 …', example: '听证 hearing' })
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'kind must not be blank' })
  kind: string;
}

export class SuspendApplicationDto extends CommandBody {
  @ApiProperty({ description: '挂起: why handling is paused', example: '等待外部核查' })
  @IsString()
  @Length(1, 1000)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason: string;
}

export class CompleteApplicationDto extends CommandBody {
  @ApiProperty({ enum: ['approved', 'denied'] })
  @IsIn(['approved', 'denied'])
  outcome: 'approved' | 'denied';

  @ApiProperty({ minimum: 0, maximum: 9, description: 'in-person visits it actually took' })
  @IsInt()
  @Min(0)
  @Max(9)
  visits: number;
}

export class DeliverResultDto extends CommandBody {
  @ApiProperty({ enum: ['online', 'post', 'window'] })
  @IsIn(['online', 'post', 'window'])
  method: 'online' | 'post' | 'window';
}

export class EvaluateServiceDto extends CommandBody {
  @ApiProperty({ minimum: 1, maximum: 5, description: '好差评: 5 非常满意 … 1 非常不满意' })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  comment?: string;
}

export class AcceptApplicationDto extends CommandBody {
  @ApiPropertyOptional({
    type: [String],
    description:
      '容缺受理: names of the matter version’s non-core materials the applicant signed to bring later (1 to 50); ' +
      'absent for an ordinary acceptance. A name the matter version does not list is 400.',
    example: ['申请书 application form'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  @Matches(NOT_BLANK, { each: true, message: 'each deferred material must not be blank' })
  deferredMaterials?: string[];

  @ApiPropertyOptional({
    description:
      'when the deferred materials are due (YYYY-MM-DD), after the day of acceptance and not after the deadline (400); ' +
      'default DEFERRED_DUE_WORKDAYS (5) working days after acceptance. Only with deferredMaterials.',
    example: '2019-10-09',
  })
  @IsOptional()
  @IsCalendarDate()
  deferredDueOn?: string;
}
