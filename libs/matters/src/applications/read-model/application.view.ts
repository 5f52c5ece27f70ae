import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ApplicantView {
  @ApiProperty({ enum: ['person', 'organisation'] })
  kind: string;

  @ApiProperty({ description: 'masked: first character only', example: '张*' })
  name: string;

  @ApiProperty({ description: 'masked: first and last 4 characters', example: '3306**********1234' })
  idNumber: string;

  @ApiProperty({
    description: 'true once the applicant key was deleted (DELETE …/applicant): the sealed personal data is unreadable for good',
  })
  erased: boolean;
}

export class PauseView {
  @ApiProperty({ enum: ['special_procedure', 'suspension'] })
  kind: string;

  @ApiProperty({ description: 'the special procedure’s kind or the suspension’s reason' })
  detail: string;

  @ApiProperty({ example: '2019-09-30T09:00:00+08:00' })
  startedAt: string;

  @ApiProperty({ nullable: true, type: String, description: 'null while open' })
  endedAt: string | null;
}

export class DeliveryView {
  @ApiProperty({ enum: ['online', 'post', 'window'] })
  method: string;

  @ApiProperty()
  at: string;
}

export class EvaluationView {
  @ApiProperty({ minimum: 1, maximum: 5 })
  score: number;

  @ApiPropertyOptional()
  comment?: string;

  @ApiProperty()
  at: string;
}

/** 容缺受理: the materials promised for later, their due date, and when they came. */
export class DeferredMaterialsView {
  @ApiProperty({ type: [String], example: ['申请书 application form'] })
  items: string[];

  @ApiProperty({ description: 'YYYY-MM-DD', example: '2019-10-09' })
  dueOn: string;

  @ApiProperty({ nullable: true, type: String, description: 'business date of receipt; null while outstanding', example: null })
  receivedOn: string | null;
}

export class RejectionView {
  @ApiProperty()
  reason: string;

  @ApiProperty()
  at: string;
}

/** An application (办件) as GET answers it; deadline, overdue and pausedWorkdays as of `asOf`. */
export class ApplicationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  matterId: string;

  @ApiProperty({ description: 'the matter’s catalogue code' })
  matterCode: string;

  @ApiProperty({ description: 'the catalogue version in force at submission, whose promised limit sets the deadline' })
  matterVersion: number;

  @ApiProperty()
  departmentId: string;

  @ApiProperty()
  regionCode: string;

  @ApiProperty({
    enum: [
      'submitted',
      'supplement_requested',
      'rejected',
      'accepted',
      'special_procedure',
      'suspended',
      'completed',
      'delivered',
      'returned',
    ],
    description: '`returned` (退件): deferred materials never brought; terminal, counted as accepted, never completed nor on time',
  })
  status: string;

  @ApiProperty({ enum: ['online', 'mobile', 'window'] })
  channel: string;

  @ApiProperty({ example: '2019-09-24T09:00:00+08:00' })
  submittedAt: string;

  @ApiProperty({ nullable: true, type: String, example: '2019-09-27T07:00:00+08:00' })
  acceptedAt: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'business date of acceptance (day 0)', example: '2019-09-27' })
  acceptedOn: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'YYYY-MM-DD as of `asOf`; null before acceptance', example: '2019-10-10' })
  deadline: string | null;

  @ApiProperty({ description: 'completed after its deadline, or open past it, as of `asOf`' })
  overdue: boolean;

  @ApiProperty({ description: 'working days of special procedures and suspensions up to `asOf`' })
  pausedWorkdays: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'while open on `asOf` (accepted, neither completed nor returned): the working days in (asOf, deadline], or minus those in (deadline, asOf] once past it; null otherwise',
    example: 3,
  })
  workdaysLeft: number | null;

  @ApiProperty({ description: 'the business date deadline, overdue and pausedWorkdays are computed for (default today)' })
  asOf: string;

  @ApiProperty({ nullable: true, type: String })
  completedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  completedOn: string | null;

  @ApiProperty({ nullable: true, enum: ['approved', 'denied'], type: String })
  outcome: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'in-person visits it actually took' })
  visits: number | null;

  @ApiProperty({ nullable: true, type: DeliveryView })
  delivery: DeliveryView | null;

  @ApiProperty({ nullable: true, type: EvaluationView })
  evaluation: EvaluationView | null;

  @ApiProperty({ nullable: true, type: RejectionView })
  rejection: RejectionView | null;

  @ApiProperty({ nullable: true, type: [String], description: 'materials requested while a supplement is awaited' })
  supplementItems: string[] | null;

  @ApiProperty({ nullable: true, type: DeferredMaterialsView, description: '容缺受理; null for an ordinary acceptance' })
  deferredMaterials: DeferredMaterialsView | null;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'the follow-up case (GET /api/v1/feedback-cases/{id}) its 差评 opened; null unless one did',
  })
  feedbackCaseId: string | null;

  @ApiProperty({ type: [PauseView] })
  pauses: PauseView[];

  @ApiProperty({ type: ApplicantView })
  applicant: ApplicantView;

  @ApiProperty({ description: 'stream version (also the ETag; send it as If-Match)' })
  version: number;

  @ApiProperty({ description: 'global position of the application’s last event' })
  position: number;
}
