import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { businessCalendar, type CalendarDate, type WorkingDayCalendar } from '@app/kernel';
import { feedbackCaseOverdue } from '../../domain';
import type { FeedbackCaseRecord } from './feedback-case.queries';

export class FeedbackStepView {
  @ApiProperty({ example: '已电话回访申请人' })
  note: string;

  @ApiProperty({ example: '2019-10-08T10:00:00+08:00' })
  at: string;
}

export class ReScoreView {
  @ApiProperty({ minimum: 1, maximum: 5, example: 4 })
  score: number;

  @ApiPropertyOptional({ example: '已改进' })
  comment?: string;

  @ApiProperty({ example: '2019-10-21T10:00:00+08:00' })
  at: string;
}

export class FeedbackCaseOverdueView {
  @ApiProperty({ description: 'not contacted (回访) and `asOf` after contactDueOn' })
  contact: boolean;

  @ApiProperty({ description: 'not rectified (整改) and `asOf` after rectifyDueOn' })
  rectification: boolean;
}

/** A follow-up case of a 差评 (差评整改) as GET answers it; `overdue` as of `asOf`. */
export class FeedbackCaseView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  applicationId: string;

  @ApiProperty({ example: 'dept-market' })
  departmentId: string;

  @ApiProperty({ example: '330602' })
  regionCode: string;

  @ApiProperty({ minimum: 1, maximum: 2, description: 'the bad score that opened the case (2 不满意, 1 非常不满意)', example: 2 })
  score: number;

  @ApiProperty({ description: 'the evaluation’s business date', example: '2019-09-30' })
  openedOn: string;

  @ApiProperty({ description: 'contact the applicant (回访) by this date (FEEDBACK_CONTACT_WORKDAYS)', example: '2019-10-08' })
  contactDueOn: string;

  @ApiProperty({ description: 'rectify and reply (整改) by this date (FEEDBACK_RECTIFY_WORKDAYS)', example: '2019-10-25' })
  rectifyDueOn: string;

  @ApiProperty({ enum: ['open', 'contacted', 'rectified', 'closed'] })
  status: string;

  @ApiProperty({ description: 'a limit passed with its step not done, as of `asOf`' })
  overdue: boolean;

  @ApiProperty({ type: FeedbackCaseOverdueView, description: 'which limit is overdue, as of `asOf`' })
  overdueSteps: FeedbackCaseOverdueView;

  @ApiProperty({ description: 'the business date `overdue` is computed for (default today)', example: '2019-10-09' })
  asOf: string;

  @ApiProperty({ nullable: true, type: FeedbackStepView, description: '回访' })
  contact: FeedbackStepView | null;

  @ApiProperty({ nullable: true, type: FeedbackStepView, description: '整改并答复' })
  rectification: FeedbackStepView | null;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 5,
    description: 'the score of the applicant’s re-evaluation (再评价), once it is given',
    example: 4,
  })
  reScore?: number;

  @ApiPropertyOptional({ type: ReScoreView, description: 'the re-evaluation (再评价), once; it closes the case' })
  reEvaluation?: ReScoreView;

  @ApiProperty({ description: 'stream version (also the ETag; send it as If-Match)' })
  version: number;

  @ApiProperty({ description: 'global position of the case’s last event' })
  position: number;
}

export class FeedbackCasePageView {
  @ApiProperty({ type: [FeedbackCaseView] })
  items: FeedbackCaseView[];

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;

  @ApiProperty()
  total: number;
}

/** A read-model row as the API shows it, overdue as of `asOf` (the domain's `feedbackCaseOverdue`). */
export function toFeedbackCaseView(
  row: FeedbackCaseRecord,
  asOf: CalendarDate,
  calendar: WorkingDayCalendar = businessCalendar(),
): FeedbackCaseView {
  const state = row.state;
  if (state.status === 'none') throw new Error(`read model row ${row.case_id} has no case`);
  const overdue = feedbackCaseOverdue(state, asOf, calendar);
  return {
    id: row.case_id,
    applicationId: state.applicationId,
    departmentId: state.departmentId,
    regionCode: state.regionCode,
    score: state.score,
    openedOn: state.openedOn,
    contactDueOn: state.contactDueOn,
    rectifyDueOn: state.rectifyDueOn,
    status: state.status,
    overdue: overdue.contact || overdue.rectification,
    overdueSteps: overdue,
    asOf,
    contact: 'contact' in state ? state.contact : null,
    rectification: 'rectification' in state ? state.rectification : null,
    ...(state.status === 'closed' ? { reScore: state.reRating.score, reEvaluation: state.reRating } : {}),
    version: row.version,
    position: Number(row.position),
  };
}
