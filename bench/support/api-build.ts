import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';
import { log } from './log';

/**
 * The API compiled once per bench run into bench/tmp/api-build, so neither a compiler nor ts-node
 * sits in the measured processes. Each file of tsconfig.build.json is transpiled on its own
 * (`ts.transpileModule`, safe because the project sets `isolatedModules`): seconds instead of a
 * type-checking `tsc` run, and it tolerates another engineer's type error in progress.
 */
const ROOT = resolve(__dirname, '..', '..');
export const API_BUILD_DIR = resolve(__dirname, '../tmp/api-build');
export const API_MAIN = join(API_BUILD_DIR, 'apps/api/src/main.js');
export const PROJECTIONS_CLI = join(API_BUILD_DIR, 'apps/api/src/cli/projections.cli.js');

let built: Promise<void> | null = null;

export function buildApi(): Promise<void> {
  built ??= Promise.resolve().then(() => {
    const started = performance.now();
    const configPath = join(ROOT, 'tsconfig.build.json');
    const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configPath);
    const compilerOptions = { ...parsed.options, sourceMap: false, declaration: false };
    for (const file of parsed.fileNames) {
      const output = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
      const target = join(API_BUILD_DIR, relative(ROOT, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output.outputText);
    }
    log(`API transpiled (${parsed.fileNames.length} files) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
  return built;
}
