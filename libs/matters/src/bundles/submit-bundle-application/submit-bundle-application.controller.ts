import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-store';
import { ApiCommandRoute, CommandContextOf, RequireRoles } from '@app/http';
import { BundleApplicationIntake, type BundleSubmitted } from './bundle-application-intake';
import { BundleApplicationSubmittedDto, SubmitBundleApplicationDto } from './submit-bundle-application.dtos';

@ApiTags('bundle applications 一件事办件')
@Controller('bundle-applications')
export class SubmitBundleApplicationController {
  constructor(private readonly intake: BundleApplicationIntake) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('window_staff')
  @ApiOperation({
    summary: 'Submit a 一件事 at the comprehensive window: one ordinary application per member matter, all or none',
    description:
      'Role window_staff WITHOUT a departmentId in the token (the comprehensive window 综合窗口), or admin; window staff of one ' +
      'department get 403. Every member matter of the bundle’s current version must be published and in force on the business ' +
      'date of `at`; one that is not refuses the whole submission (409 `not_in_force`), and so does a member matter changed ' +
      'between the check and the write (409 `matter_changed`): nothing is recorded. Each member application belongs to its ' +
      'matter’s department and counts there in every indicator, like any other. On PostgreSQL/PGlite all of it is one ' +
      'transaction. Under an Idempotency-Key the ids are derived from the key: a retry (also after a lost response, or ten at ' +
      'once) answers the first result and records nothing new. If-Match does not apply: the records are new.',
  })
  @ApiCreatedResponse({ type: BundleApplicationSubmittedDto, description: '`{id, version, position, applications}`; ETag "1"' })
  @ApiCommandRoute({
    forbidden: 'window staff of one department (only the comprehensive window or admin submit a 一件事)',
    notFound: 'unknown bundle (`errors[].field` bundleId)',
  })
  submit(
    @Body() body: SubmitBundleApplicationDto,
    @CommandContextOf('bundle-application.submit') context: CommandContext,
  ): Promise<BundleSubmitted> {
    const { kind, name, idNumber } = body.applicant;
    return this.intake.submit({ bundleId: body.bundleId, channel: body.channel, applicant: { kind, name, idNumber } }, context);
  }
}
