import { JwtService } from '@nestjs/jwt';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { ROLES, Role } from '@app/http';
import { TokenClaims } from '../auth/token-claims';
import { loadConfig } from '../config/app-config';
import { describeStartupFailure } from '../startup/startup-failure';
import { parseArgs } from './parse-args';

const USAGE = `usage: npm run token -- --role ROLE [--role ROLE…] [--department D] [--region C] [--sub USER] [--expires 12h]
roles: ${ROLES.join(', ')}`;

/** Prints a bearer token signed with the service's secret (AUTH_JWT_SECRET or the one in DATA_DIR). */
function main(argv: string[]): void {
  const { flags } = parseArgs(argv);
  const roles = (flags.get('role') ?? []).flatMap((value) => value.split(','));
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (roles.length === 0 || unknown.length > 0 || flags.has('help')) {
    console.error(unknown.length > 0 ? `unknown role: ${unknown.join(', ')}\n${USAGE}` : USAGE);
    process.exit(2);
  }
  const claims: TokenClaims = {
    sub: flags.get('sub')?.[0] ?? `cli-${roles.join('+')}`,
    roles: roles as Role[],
    ...(flags.has('department') && { departmentId: flags.get('department')![0] }),
    ...(flags.has('region') && { regionCode: flags.get('region')![0] }),
  };
  const secret = resolveJwtSecret(loadConfig());
  const expiresIn = (flags.get('expires')?.[0] ?? '12h') as `${number}h`;
  process.stdout.write(new JwtService({ secret }).sign(claims, { algorithm: 'HS256', expiresIn }) + '\n');
}

try {
  main(process.argv.slice(2));
} catch (error) {
  // a bad variable, or no secret to sign with beside DATABASE_URL: its lines alone, exit 1
  process.stderr.write(`${describeStartupFailure(error)}\n`);
  process.exit(1);
}
