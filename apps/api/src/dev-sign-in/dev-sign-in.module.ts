import { Module } from '@nestjs/common';
import { DevTokensController } from './dev-tokens.http.controller';

/** 开发登录 for the console (see `devSignInEnabled`). */
@Module({ controllers: [DevTokensController] })
export class DevSignInModule {}
