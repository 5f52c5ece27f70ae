import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandBody } from '@app/http';
import { IsCalendarDate } from '@app/http';
import { MatterElementsDto } from '../http/matter-elements.dto';

/** The bodies of the commands on an existing matter. */

export class PublishMatterDto extends CommandBody {
  @ApiProperty({ example: '2019-03-01', description: 'version 1 is in force from this business date' })
  @IsCalendarDate()
  effectiveFrom: string;
}

/** The elements that change (each replaces the old value whole) and the new version's effective date. */
export class ReviseMatterDto extends PartialType(MatterElementsDto) {
  @ApiProperty({ example: '2019-07-01', description: 'the new version is in force from this business date' })
  @IsCalendarDate()
  effectiveFrom: string;
}

/** Suspend and retire: why. They take effect on the business date of `at`. */
export class ReasonDto extends CommandBody {
  @ApiProperty({ maxLength: 1000, example: '法规修订中 law under review' })
  @IsString()
  @Length(1, 1000)
  reason: string;
}

/** Resume: only the optional `at`; it takes effect on the business date of `at`. */
export class ResumeMatterDto extends CommandBody {}
