import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type Actor, CorrelationId, CurrentActor, RequireRoles } from '@app/http';
import { ApiCommonProblems, ApiProblem } from '../../matters/http/api-responses';
import type { ApplicantInClear } from '../../personal-data';
import { ApplicantDisclosure } from './applicant-disclosure';

class ApplicantView {
  @ApiProperty({ enum: ['person', 'organisation'] })
  kind: 'person' | 'organisation';
  @ApiProperty()
  name: string;
  @ApiProperty({ description: 'in clear: this read is recorded in the audit trail' })
  idNumber: string;
}

@ApiTags('applications 办件')
@ApiBearerAuth()
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
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ApplicantView })
  @ApiCommonProblems()
  @ApiProblem(403, 'not window staff or admin')
  @ApiProblem(404, 'unknown application, or one of another department')
  @ApiProblem(410, 'the applicant’s personal data was erased')
  disclose(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ApplicantInClear> {
    return this.disclosure.disclose(id, actor, correlationId);
  }
}
