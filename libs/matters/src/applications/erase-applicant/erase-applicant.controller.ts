import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, RequireRoles } from '@app/http';
import { ApiCommonProblems, ApiProblem } from '../../matters/http/api-responses';
import { EraseApplicant } from './erase-applicant';

@ApiTags('applications 办件')
@ApiBearerAuth()
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
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'the key is gone' })
  @ApiCommonProblems()
  @ApiProblem(403, 'not admin')
  @ApiProblem(404, 'unknown application')
  async erase(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.applicants.erase(id, actor);
  }
}
