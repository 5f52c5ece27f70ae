import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const CONSOLE_DIR = join(__dirname, '..', '..', 'apps', 'console');
export const CONSOLE_DIST = join(CONSOLE_DIR, 'dist');
const STAMP = join(CONSOLE_DIST, '.source-hash');
const INPUTS = ['index.html', 'package.json', 'package-lock.json', 'tsconfig.json', 'vite.config.ts', 'src'];

function files(path: string): string[] {
  return statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => files(join(path, name))) : [path];
}

/** A hash of everything the build reads: the same sources give the same hash. */
export function consoleSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => files(join(CONSOLE_DIR, input))).sort()) {
    hash.update(relative(CONSOLE_DIR, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function npm(args: string[]): void {
  const result = spawnSync('npm', ['--prefix', CONSOLE_DIR, ...args], { stdio: 'pipe', encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0)
    throw new Error(`npm ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
}

/**
 * The console built from its current sources, once: installs its packages when they are missing
 * and builds only when the sources changed since the last build (the hash kept beside the build).
 */
export function ensureConsoleBuilt(): void {
  const hash = consoleSourceHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash && existsSync(join(CONSOLE_DIST, 'index.html'))) return;
  if (!existsSync(join(CONSOLE_DIR, 'node_modules', '.package-lock.json'))) npm(['ci', '--no-audit', '--no-fund']);
  npm(['run', 'build']);
  writeFileSync(STAMP, hash);
}
