import { Body, Controller, Get, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem, Public, ROLES } from '@app/http';
import { AppConfig } from '../config/app-config';
import type { TokenClaims } from '../auth/token-claims';
import { devSignInEnabled } from './dev-sign-in';
import { DevSignInDto, DevTokenDto, DevTokenRequestDto } from './dev-token.dto';

const EXPIRES_IN = '12h';

/** 开发登录: tokens for any role on a developer's own embedded service (see `devSignInEnabled`). */
@ApiTags('dev')
@Public()
@Controller('dev')
export class DevTokensController {
  constructor(
    private readonly config: AppConfig,
    private readonly jwt: JwtService,
  ) {}

  @Get('sign-in')
  @ApiOperation({ summary: 'Whether 开发登录 is offered (embedded default with a generated secret only; 404 elsewhere)' })
  @ApiOkResponse({ type: DevSignInDto })
  @ApiProblem(404, 'not the embedded default')
  signIn(): DevSignInDto {
    this.mustBeEnabled('GET /api/v1/dev/sign-in');
    return { roles: [...ROLES] };
  }

  @Post('tokens')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Mint a bearer token for chosen roles, department and region (embedded default with a generated secret only; 404 elsewhere)',
  })
  @ApiCreatedResponse({ type: DevTokenDto })
  @ApiProblem(400, 'invalid body (field errors in `errors`)')
  @ApiProblem(404, 'not the embedded default')
  async mint(@Body() body: DevTokenRequestDto): Promise<DevTokenDto> {
    this.mustBeEnabled('POST /api/v1/dev/tokens');
    const claims: TokenClaims = {
      sub: `dev-${body.roles.join('+')}`,
      roles: body.roles,
      ...(body.departmentId && { departmentId: body.departmentId }),
      ...(body.regionCode && { regionCode: body.regionCode }),
    };
    const token = await this.jwt.signAsync(claims, { expiresIn: EXPIRES_IN });
    return { token, expiresIn: EXPIRES_IN, ...claims };
  }

  /** Elsewhere the route does not exist: the same 404 as any unknown route. */
  private mustBeEnabled(route: string): void {
    if (!devSignInEnabled(this.config)) throw new NotFoundException(`Cannot ${route}`);
  }
}
