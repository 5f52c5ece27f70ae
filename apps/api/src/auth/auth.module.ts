import { createSecretKey, type KeyObject } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { AuthGuard } from './auth.guard';
import { BearerTokens } from './bearer-token';
import { resolveJwtSecret } from './jwt-secret';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a
        // PEM public key on every verification (a thrown error each time: a fifth of the CPU of a
        // command under load) before it falls back to an HMAC secret. Resolved at the first token,
        // not here: a tool that builds the app but serves nothing (the scenario loader) needs no
        // secret; the serving API asks for it before it starts (main.ts).
        let key: KeyObject | undefined;
        const secret = () => (key ??= createSecretKey(Buffer.from(resolveJwtSecret(config), 'utf8')));
        return {
          secretOrKeyProvider: secret,
          signOptions: { algorithm: 'HS256', expiresIn: '12h' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  providers: [BearerTokens, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [JwtModule, BearerTokens],
})
export class AuthModule {}
