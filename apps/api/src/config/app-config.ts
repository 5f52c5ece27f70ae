import { plainToInstance, Transform } from 'class-transformer';
import { useBusinessTimeZone } from '@app/kernel';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** The service's configuration, read once from the environment and validated (README, "Configuration"). */
export class AppConfig {
  @Transform(({ value }) => (value === undefined ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** postgres://… — without it the service runs on embedded PGlite under DATA_DIR */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = './data';

  @IsIn(['postgres', 'esdb'])
  EVENT_STORE: 'postgres' | 'esdb' = 'postgres';

  @IsOptional()
  @Matches(/^(esdb|kurrentdb|kdb)(\+discover)?:\/\//, { message: 'EVENTSTORE_CONNECTION_STRING must be an esdb:// URL' })
  EVENTSTORE_CONNECTION_STRING?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  @Transform(({ value }) => (value === undefined ? 1200 : Number(value)))
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 1200;

  @IsString()
  BUSINESS_TZ = 'Asia/Shanghai';

  /** largest accepted JSON body */
  @Matches(/^\d+(b|kb|mb)$/i)
  BODY_LIMIT = '256kb';

  /**
   * `false`: this process serves requests only and the read models are kept up to date by another
   * one (`npm run projections -- run`); `?minPosition=` then follows that process's checkpoints.
   */
  @Transform(({ value }) => (value === undefined ? true : value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'RUN_PROJECTIONS must be true or false' })
  RUN_PROJECTIONS = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  get embedded(): boolean {
    return this.DATABASE_URL === undefined;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (config.EVENT_STORE === 'esdb' && !config.EVENTSTORE_CONNECTION_STRING) {
    throw new Error('Invalid configuration:\n  EVENT_STORE=esdb needs EVENTSTORE_CONNECTION_STRING');
  }
  if (config.EVENT_STORE === 'esdb' && config.embedded) {
    throw new Error('Invalid configuration:\n  EVENT_STORE=esdb keeps read models in PostgreSQL: set DATABASE_URL');
  }
  if (config.embedded && !config.RUN_PROJECTIONS) {
    throw new Error('Invalid configuration:\n  RUN_PROJECTIONS=false needs DATABASE_URL (the embedded PGlite admits one process)');
  }
  if (!config.embedded && !config.AUTH_JWT_SECRET) {
    throw new Error('Invalid configuration:\n  AUTH_JWT_SECRET is required with DATABASE_URL (only the embedded default generates one)');
  }
  useBusinessTimeZone(config.BUSINESS_TZ); // the one place the zone is read: every context's calendar follows it
  return config;
}
