import { ApiProperty } from '@nestjs/swagger';
import { IndicatorResultDto, PeriodDto, RatedCountDto } from '../indicators/assessment-report.dto';
import { RankingDto } from '../rankings/ranking.dto';

export class IndicatorChangeDto extends IndicatorResultDto {
  @ApiProperty({ type: RatedCountDto, description: 'as of the day before the interval' }) previous: RatedCountDto;
  @ApiProperty({ nullable: true, type: Number, description: 'change of the rate in percentage points' }) delta: number | null;
}

export class ActivityDto {
  @ApiProperty() accepted: number;
  @ApiProperty() completed: number;
  @ApiProperty() completedOnTime: number;
}

export class OverdueApplicationDto {
  @ApiProperty() applicationId: string;
  @ApiProperty() matterId: string;
  @ApiProperty() matterCode: string;
  @ApiProperty() departmentId: string;
  @ApiProperty({ description: 'its name in the directory, else the id itself', example: '市场监督管理局' }) departmentName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ description: 'its name in the directory, else the code itself', example: '嵊州市' }) regionName: string;
  @ApiProperty() acceptedOn: string;
  @ApiProperty() deadline: string;
}

export class OverdueListDto {
  @ApiProperty({ description: 'open applications past their deadline at the end of the interval' }) total: number;
  @ApiProperty({ description: 'of those, whose deadline passed within the interval' }) newlyOverdue: number;
  @ApiProperty({ type: [OverdueApplicationDto], description: 'longest overdue first, at most 100' }) items: OverdueApplicationDto[];
}

export class LedgerTotalsDto {
  @ApiProperty() found: number;
  @ApiProperty() closed: number;
  @ApiProperty() open: number;
  @ApiProperty() overdue: number;
}

export class QualityIssueChangesDto {
  @ApiProperty({ description: 'found in the interval' }) found: number;
  @ApiProperty({ description: 'closed (销号) in the interval' }) closed: number;
  @ApiProperty({ type: LedgerTotalsDto }) ledger: LedgerTotalsDto;
}

export class DepartmentRedCardsDto {
  @ApiProperty() departmentId: string;
  @ApiProperty({ description: 'its name in the directory, else the id itself', example: '市场监督管理局' }) departmentName: string;
  @ApiProperty({ description: 'issued in the interval' }) issued: number;
  @ApiProperty({ description: 'issued from 1 January through the end of the interval' }) yearToDate: number;
}

export class BulletinRedCardsDto {
  @ApiProperty({ description: '红牌 issued in the interval (the date of the sweep that issued them)' }) issued: number;
  @ApiProperty({ description: 'issued from 1 January through the end of the interval' }) yearToDate: number;
  @ApiProperty({ type: [DepartmentRedCardsDto], description: 'each department with a card this year, by department id' })
  byDepartment: DepartmentRedCardsDto[];
}

export class BulletinRankingsDto {
  @ApiProperty({ type: [RankingDto] }) byRegion: RankingDto[];
  @ApiProperty({ type: [RankingDto] }) byDepartment: RankingDto[];
}

export class BulletinDto {
  @ApiProperty({ enum: ['daily', 'weekly'] }) kind: string;
  @ApiProperty({ example: '2019-W44' }) label: string;
  @ApiProperty({ type: PeriodDto }) interval: PeriodDto;
  @ApiProperty() asOf: string;
  @ApiProperty({ description: 'the day before the interval, compared against' }) previousAsOf: string;
  @ApiProperty({ type: [IndicatorChangeDto] }) indicators: IndicatorChangeDto[];
  @ApiProperty({ type: ActivityDto }) activity: ActivityDto;
  @ApiProperty({ type: OverdueListDto }) overdue: OverdueListDto;
  @ApiProperty({ type: QualityIssueChangesDto, nullable: true, description: 'null when the rectification ledger is not available' })
  qualityIssues: QualityIssueChangesDto | null;
  @ApiProperty({ type: BulletinRedCardsDto, description: '红牌 by department (each ranking row also gives redCards)' })
  redCards: BulletinRedCardsDto;
  @ApiProperty({ type: BulletinRankingsDto }) rankings: BulletinRankingsDto;
}
