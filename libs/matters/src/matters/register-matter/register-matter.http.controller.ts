import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext, CommandResult } from '@app/event-store';
import { ApiCommandRoute, CommandContextOf, CommandResultDto, RequireRoles } from '@app/http';
import { toMatterElements } from '../http/to-matter-elements';
import { MatterRegistration } from './register-matter';
import { RegisterMatterDto } from './register-matter.dto';

@ApiTags('matters')
@Controller('matters')
export class RegisterMatterController {
  constructor(private readonly matters: MatterRegistration) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('catalog_admin')
  @ApiOperation({
    summary: 'Register a matter (事项); it starts as draft',
    description:
      'Rules: `code` unique (409 `duplicate_code`); promised ≤ legal limit and instant ⇔ promised 0 (400 `invalid_elements`); ' +
      'exemptions carry a reason. A caller whose token names a department registers matters of that department only (403).',
  })
  @ApiCreatedResponse({ type: CommandResultDto, description: '`{id, version, position}`, ETag the stream version' })
  @ApiCommandRoute()
  register(@Body() body: RegisterMatterDto, @CommandContextOf('matter.register') context: CommandContext): Promise<CommandResult> {
    return this.matters.register(body.code, toMatterElements(body), context);
  }
}
