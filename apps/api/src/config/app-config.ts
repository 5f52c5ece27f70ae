import { plainToInstance, Transform } from 'class-transformer';
import { useBusinessTimeZone } from '@app/kernel';
import { SWEEP_AT_PATTERN } from '@app/supervision';
import { parseServerTarget } from '@app/event-store';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { StartupFailure } from '../startup/startup-failure';

/** One line for each bad variable: `PORT="abc" must be a whole number from 0 to 65535`. */
export class ConfigurationError extends StartupFailure {
  constructor(problems: readonly string[]) {
    super(problems.map((problem) => `Invalid configuration: ${problem}`));
  }
}

// one rule per variable: every constraint of a variable says the same, so a bad value gets one line
const PORT_RULE = { message: 'must be a whole number from 0 to 65535' };
const RATE_RULE = { message: 'must be a whole number of at least 1' };
const WORKDAYS_RULE = { message: 'must be a whole number of working days from 0 to 250' };
const DUE_RULE = { message: 'must be a whole number of working days from 1 to 250' };
const workdays =
  (fallback: number) =>
  ({ value }: { value: unknown }) =>
    value === undefined ? fallback : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The service's configuration, read once from the environment and validated (README, "Configuration"). */
export class AppConfig {
  @Transform(({ value }) => (value === undefined ? 3000 : /^\d+$/.test(value) ? Number(value) : value))
  @IsInt(PORT_RULE)
  @Min(0, PORT_RULE)
  @Max(65535, PORT_RULE)
  PORT = 3000;

  /** postgres://… — without it the service runs on embedded PGlite under DATA_DIR */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL, e.g. postgres://user@127.0.0.1:5432/gov' })
  DATABASE_URL?: string;

  /**
   * A streaming replica of DATABASE_URL's database for the read models' queries (lists, reports,
   * an entity's GET); commands, projections and the policies stay on DATABASE_URL. Read-your-writes
   * waits follow the checkpoints the replica shows.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL of a streaming replica, e.g. postgres://user@10.0.0.2:5432/gov' })
  READ_DATABASE_URL?: string;

  @IsString()
  DATA_DIR = './data';

  @IsIn(['postgres', 'esdb'], { message: 'must be postgres or esdb' })
  EVENT_STORE: 'postgres' | 'esdb' = 'postgres';

  @IsOptional()
  @Matches(/^(esdb|kurrentdb|kdb)(\+discover)?:\/\//, { message: 'must be an esdb:// URL, e.g. esdb://127.0.0.1:2113?tls=false' })
  EVENTSTORE_CONNECTION_STRING?: string;

  /** needed to serve HTTP with DATABASE_URL (resolveJwtSecret); tools that serve nothing do without */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  /** one Redis for every instance's rate-limit counts (per instance without it) */
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL, e.g. redis://127.0.0.1:6379' })
  REDIS_URL?: string;

  @Transform(({ value }) => (value === undefined ? 1200 : /^\d+$/.test(value) ? Number(value) : value))
  @IsInt(RATE_RULE)
  @Min(1, RATE_RULE)
  RATE_LIMIT_PER_MINUTE = 1200;

  @IsString()
  BUSINESS_TZ = 'Asia/Shanghai';

  /** largest accepted JSON body */
  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size in b, kb or mb, e.g. 256kb' })
  BODY_LIMIT = '256kb';

  /**
   * `false`: this process serves requests only and the read models are kept up to date by another
   * one (`npm run projections -- run`); `?minPosition=` then follows that process's checkpoints.
   */
  @Transform(({ value }) => (value === undefined ? true : value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  RUN_PROJECTIONS = true;

  /**
   * How often, at most, this process's appends wake its projections and policies (ms): the first
   * append after a quiet spell at once, the appends within this time of the last wake together at
   * its end, so one transaction per projection covers them all. Unset: 100 on the embedded default
   * (one PGlite session runs the commands and every projection in turn), 0 with DATABASE_URL.
   */
  @IsOptional()
  @Transform(({ value }) => (/^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'must be a whole number of milliseconds from 0 to 5000' })
  @Min(0, { message: 'must be a whole number of milliseconds from 0 to 5000' })
  @Max(5000, { message: 'must be a whole number of milliseconds from 0 to 5000' })
  APPEND_WAKE_MS?: number;

  /**
   * `false` turns off the wait of an entity's GET for its own stream (api.md "Reading one's own
   * writes"): only to measure what the wait costs (`npm run bench -- --only ryw`).
   */
  @Transform(({ value }) => (value === undefined ? true : value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  READ_OWN_WRITES = true;

  /**
   * The daily sweep (red cards, 容缺 suspensions and returns) at this time of day, city time
   * (`HH:MM`), in the processes that run the projections; `off` disables it.
   */
  @Matches(SWEEP_AT_PATTERN, { message: 'must be a time HH:MM (city time) or off' })
  SWEEP_AT = '00:05';

  /** 黄牌预警 when 0 ≤ workdaysLeft ≤ this many working days */
  @Transform(({ value }) => (value === undefined ? 1 : /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'must be a whole number from 0 to 30' })
  @Min(0, { message: 'must be a whole number from 0 to 30' })
  @Max(30, { message: 'must be a whole number from 0 to 30' })
  SUPERVISION_YELLOW_WORKDAYS = 1;
  /** 容缺受理: `deferredDueOn` when an acceptance gives none, in working days after acceptance (domain.md: default 5) */
  @Transform(workdays(5))
  @IsInt(DUE_RULE)
  @Min(1, DUE_RULE)
  @Max(250, DUE_RULE)
  DEFERRED_DUE_WORKDAYS = 5;

  /** 差评整改: contact the applicant (回访) within this many working days of the evaluation (default 1) */
  @Transform(workdays(1))
  @IsInt(WORKDAYS_RULE)
  @Min(0, WORKDAYS_RULE)
  @Max(250, WORKDAYS_RULE)
  FEEDBACK_CONTACT_WORKDAYS = 1;

  /** 差评整改: rectify and reply within this many working days of the evaluation (default 15; not less than the contact limit) */
  @Transform(workdays(15))
  @IsInt(WORKDAYS_RULE)
  @Min(0, WORKDAYS_RULE)
  @Max(250, WORKDAYS_RULE)
  FEEDBACK_RECTIFY_WORKDAYS = 15;

  /** Webhooks: the first retry of a failed delivery after this many ms, doubling (each wait at most 10 minutes) */
  @Transform(({ value }) => (value === undefined ? 1000 : /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'must be a whole number of milliseconds from 10 to 600000' })
  @Min(10, { message: 'must be a whole number of milliseconds from 10 to 600000' })
  @Max(600_000, { message: 'must be a whole number of milliseconds from 10 to 600000' })
  WEBHOOK_RETRY_BASE_MS = 1000;

  /** Webhooks: a delivery is retried for this many hours from its first attempt, then `failed` (decimals allowed) */
  @Transform(({ value }) => (value === undefined ? 24 : /^\d+(\.\d+)?$/.test(value) ? Number(value) : value))
  @IsNumber({}, { message: 'must be a number of hours above 0, at most 720' })
  @Min(0.0001, { message: 'must be a number of hours above 0, at most 720' })
  @Max(720, { message: 'must be a number of hours above 0, at most 720' })
  WEBHOOK_RETRY_HOURS = 24;

  /**
   * Webhooks: the receivers' hosts that may be subscribed — `*`, or host names, `.suffix`es and
   * addresses, comma-separated. Unset: `*` on the embedded default, none with DATABASE_URL (a
   * deployment names its receivers).
   */
  @IsOptional()
  @IsString()
  @Matches(/^\s*(\*|[A-Za-z0-9.:\-[\]]+)(\s*,\s*(\*|[A-Za-z0-9.:\-[\]]+))*\s*$/, {
    message: 'must be * or host names, .suffixes and addresses, comma-separated',
  })
  WEBHOOK_ALLOWED_HOSTS?: string;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL = 'info';

  get embedded(): boolean {
    return this.DATABASE_URL === undefined;
  }

  get appendWakeMs(): number {
    return this.APPEND_WAKE_MS ?? (this.embedded ? 100 : 0);
  }
}

/**
 * The configuration from the environment, or a ConfigurationError with one line per bad variable.
 * It asks for no token secret: only what serves HTTP or signs tokens needs one (resolveJwtSecret).
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigurationError(errors.map((error) => `${shown(error.property, defined[error.property])} ${firstRule(error)}`));
  }
  const problems = [
    config.EVENT_STORE === 'esdb' && !config.EVENTSTORE_CONNECTION_STRING && 'EVENT_STORE=esdb needs EVENTSTORE_CONNECTION_STRING',
    config.EVENT_STORE === 'esdb' && config.embedded && 'EVENT_STORE=esdb keeps read models in PostgreSQL: set DATABASE_URL',
    config.embedded && !config.RUN_PROJECTIONS && 'RUN_PROJECTIONS=false needs DATABASE_URL (the embedded PGlite admits one process)',
    config.DATABASE_URL !== undefined && targetProblem('DATABASE_URL', config.DATABASE_URL),
    config.READ_DATABASE_URL !== undefined && targetProblem('READ_DATABASE_URL', config.READ_DATABASE_URL),
    config.READ_DATABASE_URL !== undefined && config.embedded && 'READ_DATABASE_URL is a replica of DATABASE_URL: set DATABASE_URL too',
    config.FEEDBACK_RECTIFY_WORKDAYS < config.FEEDBACK_CONTACT_WORKDAYS &&
      `FEEDBACK_RECTIFY_WORKDAYS=${config.FEEDBACK_RECTIFY_WORKDAYS} must not be less than FEEDBACK_CONTACT_WORKDAYS=${config.FEEDBACK_CONTACT_WORKDAYS}`,
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) throw new ConfigurationError(problems);
  useBusinessTimeZone(config.BUSINESS_TZ); // the one place the zone is read: every context's calendar follows it
  return config;
}

/** What is wrong with a URL's hosts or target_session_attrs, or false */
function targetProblem(name: string, url: string): string | false {
  try {
    parseServerTarget(url);
    return false;
  } catch (error) {
    return `${name}: ${(error as Error).message}`;
  }
}

/** `NAME="value"` — but never a secret's value, only its length */
function shown(name: string, value: string | undefined): string {
  if (name === 'AUTH_JWT_SECRET') return `AUTH_JWT_SECRET (${value?.length ?? 0} characters)`;
  return `${name}=${JSON.stringify(value ?? '')}`;
}

function firstRule(error: ValidationError): string {
  return Object.values(error.constraints ?? {})[0] ?? 'is not valid';
}
