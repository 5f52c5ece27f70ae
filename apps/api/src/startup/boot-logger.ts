import type { LoggerService } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { requestLogging } from '../http/request-logging';

/**
 * The logger an entry point hands Nest as it starts building the app (`logger` of NestFactory,
 * with `abortOnError: false`): Nest's own lines from the first one on, but not the error of its
 * ExceptionHandler — NestFactory rethrows that error, and the entry point reports it once, in one
 * line when it is a StartupFailure (startup-failure.ts), instead of a dump with a stack.
 */
export class EntryPointLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.inner.log(message, ...rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.inner.warn(message, ...rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) !== 'ExceptionHandler') this.inner.error(message, ...rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.inner.debug?.(message, ...rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.inner.verbose?.(message, ...rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.inner.fatal?.(message, ...rest);
  }
}

/**
 * The API's logs before its LoggerModule exists: the same pino root (nestjs-pino keeps one per
 * process) at LOG_LEVEL, so "Starting Nest application…" and a failure while bootstrapping are
 * JSON lines on stdout like every later one, never Nest's coloured text.
 */
export function jsonBootLogger(config: AppConfig): EntryPointLogger {
  const params = requestLogging(config);
  return new EntryPointLogger(new Logger(new PinoLogger(params), params));
}
