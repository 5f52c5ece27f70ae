import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CommandBody } from '@app/http';

/** `POST /api/v1/quality-checks {matterId?}`: one matter, or every published matter of the catalogue. */
export class RunQualityChecksDto extends CommandBody {
  @ApiPropertyOptional({ description: 'check this matter only; omitted: every published matter' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  matterId?: string;
}

export class LoggedFindingView {
  @ApiProperty() issueId: string;
  @ApiProperty() matterId: string;
  @ApiProperty({ example: 'time-limit.promised-zero-not-instant' }) rule: string;
}

export class QualityCheckRunView {
  @ApiProperty({ description: 'matters checked' }) checked: number;
  @ApiProperty({
    type: [LoggedFindingView],
    description: 'issues logged by this run (a rule already open on a matter is not logged again)',
  })
  logged: LoggedFindingView[];
}
