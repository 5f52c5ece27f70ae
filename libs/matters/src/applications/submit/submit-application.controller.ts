import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext, CommandResult } from '@app/event-store';
import { ApiCommandRoute, CommandContextOf, CommandResultDto, RequireRoles } from '@app/http';
import { ApplicationIntake } from './submit-application';
import { SubmitApplicationDto } from './submit-application.dto';

@ApiTags('applications 办件')
@Controller('applications')
export class SubmitApplicationController {
  constructor(private readonly applications: ApplicationIntake) {}

  @Post()
  @RequireRoles('window_staff')
  @ApiOperation({
    summary: 'Submit an application (收件) for a matter in force; status submitted',
    description:
      'Role window_staff of the matter’s department (or admin). The matter must be published and in force on the business date of `at` ' +
      '(409 `not_in_force`). The applicant’s name and idNumber are sealed (AES-256-GCM) under a key of their own kept outside the ' +
      'event stream; events carry only the sealed blob and the masks.',
  })
  @ApiCreatedResponse({ type: CommandResultDto, description: 'submitted; ETag: "1"' })
  @ApiCommandRoute({ forbidden: 'not window staff (or admin), or the matter belongs to another department', notFound: 'unknown matter' })
  submit(@Body() body: SubmitApplicationDto, @CommandContextOf('application.submit') context: CommandContext): Promise<CommandResult> {
    const { kind, name, idNumber } = body.applicant;
    return this.applications.submit({ matterId: body.matterId, channel: body.channel, applicant: { kind, name, idNumber } }, context);
  }
}
