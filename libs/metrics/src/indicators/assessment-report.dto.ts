import { ApiProperty } from '@nestjs/swagger';
import { INDICATOR_KEYS } from './indicator-definitions';

export class ScopeDto {
  @ApiProperty({ enum: ['city', 'region', 'department'] }) level: string;
  @ApiProperty({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'its name in the directory, else the code itself', example: '嵊州市' })
  regionName: string | null;
  @ApiProperty({ nullable: true, type: String }) departmentId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'its name in the directory, else the id itself', example: '市场监督管理局' })
  departmentName: string | null;
}

export class PeriodDto {
  @ApiProperty({ example: '2019-01-01' }) from: string;
  @ApiProperty({ example: '2019-10-31' }) to: string;
}

export class IndicatorResultDto {
  @ApiProperty({ enum: INDICATOR_KEYS }) key: string;
  @ApiProperty({ example: '掌上可办率' }) name: string;
  @ApiProperty({ example: 'mobile availability' }) nameEn: string;
  @ApiProperty({ example: 6294 }) numerator: number;
  @ApiProperty({ example: 6334 }) denominator: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 99.37,
    description: 'percent, rounded half-up to two decimals; null when the denominator is 0',
  })
  rate: number | null;
}

export class RatedCountDto {
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiProperty({ nullable: true, type: Number }) rate: number | null;
}

export class EvaluationsDto {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'count per score, "5" 非常满意 … "1" 非常不满意', example: { '1': 0, '2': 1, '3': 4, '4': 20, '5': 75 } })
  byScore: Record<string, number>;
  @ApiProperty({ nullable: true, type: Number, description: 'scores 4 and 5 / all, percent' }) satisfiedRate: number | null;
}

export class OperationalDto {
  @ApiProperty({ type: RatedCountDto, description: '按时办结率: completions in the period on or before their deadline' })
  onTimeCompletionRate: RatedCountDto;
  @ApiProperty({ type: RatedCountDto, description: 'completions in the period with no in-person visit' })
  zeroVisitCompletions: RatedCountDto;
  @ApiProperty({ description: 'accepted on or before asOf and not completed by then' }) openApplications: number;
  @ApiProperty({ description: 'of those, past their deadline on asOf (not while paused)' }) overdueOpenApplications: number;
  @ApiProperty({ type: EvaluationsDto, description: '好差评 given in the period' }) evaluations: EvaluationsDto;
  @ApiProperty({ type: RatedCountDto, description: '满意率: evaluations in the period scored 4 or 5 / all evaluations in the period' })
  satisfactionRate: RatedCountDto;
  @ApiProperty({ description: '差评: evaluations in the period scored 1 or 2' }) badReviews: number;
  @ApiProperty({
    type: RatedCountDto,
    description:
      '差评按期整改率: bad reviews of the period whose follow-up case was rectified by its rectifyDueOn (and by asOf) / badReviews',
  })
  badReviewsRectifiedOnTime: RatedCountDto;
  @ApiProperty({ description: '红牌: red cards issued in the period (the date of the sweep that issued them), up to asOf' })
  redCards: number;
  @ApiProperty({
    description:
      '一件事: bundle applications submitted in the period (business date), up to asOf, with a member in the scope — once in the city, ' +
      'once in each department of its members. Each member is an ordinary application of its department in every indicator.',
  })
  bundleApplications: number;
}

export class AssessmentReportDto {
  @ApiProperty({ type: ScopeDto }) scope: ScopeDto;
  @ApiProperty({ example: '2019-10-31' }) asOf: string;
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: [IndicatorResultDto], description: 'the eight indicators of domain.md, in its order' })
  indicators: IndicatorResultDto[];
  @ApiProperty({ type: OperationalDto }) operational: OperationalDto;
  @ApiProperty({ type: [String] }) notes: string[];
}
