import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type Actor, ApiProblem, ApiReadRoute, CorrelationId, CurrentActor, IdParam, RequireRoles } from '@app/http';
import { APPLICATION_NOT_FOUND } from '../http/lifecycle-route.decorator';
import type { ApplicantInClear } from '../../personal-data';
import { ApplicantDisclosure } from './applicant-disclosure';

class ApplicantInClearView {
  @ApiProperty({ enum: ['person', 'organisation'] })
  kind: 'person' | 'organisation';
  @ApiProperty()
  name: string;
  @ApiProperty({ description: 'in clear: this read is recorded in the audit trail' })
  idNumber: string;
}

@ApiTags('applications 办件')
@Controller('applications')
export class DiscloseApplicantController {
  constructor(private readonly disclosure: ApplicantDisclosure) {}

  @Get(':id/applicant')
  @RequireRoles('window_staff')
  @ApiOperation({
    summary: 'The applicant’s name and id number in clear, for the handling window; every read is audited',
    description:
      'Window staff of the application’s department (and admin) only. The read is appended to the audit trail ' +
      '(`command.name: "read"`, `what: "application.applicant"`) before the data is returned. 410 once the data was erased.',
  })
  @ApiOkResponse({ type: ApplicantInClearView })
  @ApiReadRoute({ id: 'the application id', notFound: APPLICATION_NOT_FOUND })
  @ApiProblem(410, 'the applicant’s personal data was erased')
  disclose(@IdParam() id: string, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<ApplicantInClear> {
    return this.disclosure.disclose(id, actor, correlationId);
  }
}
