import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CommandBody, IsCalendarDate, PageQuery } from '@app/http';

/** `POST …/cards/{id}/explanation` (说明): why the application overran its deadline. */
export class ExplainRedCardDto extends CommandBody {
  @ApiProperty({ description: 'the department’s explanation (说明), up to 5000 characters', example: '专家评审延误，已催办' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text: string;
}

/** `POST …/cards/{id}/review`: accepted closes the card; not accepted returns it to be explained again. */
export class ReviewRedCardDto extends CommandBody {
  @ApiProperty({ description: 'true: the explanation is accepted and the card closed; false: returned (issued again)', example: true })
  @IsBoolean()
  accepted: boolean;

  @ApiPropertyOptional({ description: 'the inspector’s comment', example: '说明属实' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

export const RED_CARD_STATUSES = ['issued', 'explained', 'closed'] as const;

/** `GET /api/v1/supervision/cards?departmentId&status&from&to&page&pageSize`. */
export class RedCardListQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'default (and only allowed value): the caller’s own department when it has one',
    example: 'dept-market',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  departmentId?: string;

  @ApiPropertyOptional({ enum: RED_CARD_STATUSES })
  @IsOptional()
  @IsIn(RED_CARD_STATUSES)
  status?: (typeof RED_CARD_STATUSES)[number];

  @ApiPropertyOptional({ description: 'issued on or after this date (YYYY-MM-DD)', example: '2019-10-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'issued on or before this date (YYYY-MM-DD)', example: '2019-10-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class RedCardExplanationView {
  @ApiProperty({ example: '专家评审延误，已催办' }) text: string;
  @ApiProperty({ description: 'business time of the explanation', example: '2019-10-14T10:00:00+08:00' }) at: string;
}

export class RedCardReviewView {
  @ApiProperty({ example: true }) accepted: boolean;
  @ApiPropertyOptional({ example: '说明属实' }) comment?: string;
  @ApiProperty({ example: '2019-10-15T10:00:00+08:00' }) at: string;
}

export class RedCardDocument {
  @ApiProperty({ format: 'uuid', description: 'the card id (one per application)', example: '0b5a3c1e-6f1d-5c2e-9a0b-2d4e6f8a0c1e' })
  id: string;
  @ApiProperty({ format: 'uuid', example: 'e9e80fd8-7d3c-4b8f-9a55-1c2d3e4f5a6b' }) applicationId: string;
  @ApiProperty({ example: 'dept-market' }) departmentId: string;
  @ApiProperty({ example: '330602' }) regionCode: string;
  @ApiProperty({ enum: ['red'], example: 'red' }) level: 'red';
  @ApiProperty({ description: 'the date of the sweep that issued it', example: '2019-10-11' }) issuedOn: string;
  @ApiProperty({ description: 'the application’s deadline as of that date', example: '2019-10-10' }) deadline: string;
  @ApiProperty({ enum: RED_CARD_STATUSES, example: 'issued' }) status: string;
  @ApiPropertyOptional({ type: RedCardExplanationView, description: 'the explanation awaiting or having passed review' })
  explanation?: RedCardExplanationView;
  @ApiPropertyOptional({ type: RedCardReviewView, description: 'the last review' }) review?: RedCardReviewView;
  @ApiProperty({ description: 'the card stream’s version', example: 1 }) version: number;
}

export class RedCardPageDocument {
  @ApiProperty({ type: [RedCardDocument] }) items: RedCardDocument[];
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 50 }) pageSize: number;
  @ApiProperty({ example: 1 }) total: number;
}
