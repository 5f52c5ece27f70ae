import { Controller, Delete, HttpCode } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, ApiCommandRoute, CurrentActor, IdParam, RequireRoles } from '@app/http';
import { EraseApplicant } from './erase-applicant';

@ApiTags('applications 办件')
@Controller('applications')
export class EraseApplicantController {
  constructor(private readonly applicants: EraseApplicant) {}

  @Delete(':id/applicant')
  @HttpCode(204)
  @RequireRoles('admin')
  @ApiOperation({
    summary: 'Erase the applicant’s personal data (crypto-shredding); admin only',
    description:
      'Deletes the applicant’s key from `applicant_keys`. The events are left intact, but their sealed name and id number can ' +
      'never be decrypted again; GET then shows the masks only with `applicant.erased: true`. Repeating it is harmless (204).',
  })
  @ApiNoContentResponse({ description: 'the key is gone' })
  @ApiCommandRoute({ id: 'the application id', notFound: 'unknown application' })
  async erase(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.applicants.erase(id, actor);
  }
}
