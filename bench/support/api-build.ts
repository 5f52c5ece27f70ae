import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';
import { log } from './log';

/**
 * The API of one source tree compiled once per bench run into `<tree>/bench/tmp/api-build`, so
 * neither a compiler nor ts-node sits in the measured processes. Each file of tsconfig.build.json
 * is transpiled on its own (`ts.transpileModule`, safe because the project sets
 * `isolatedModules`): seconds instead of a type-checking `tsc` run, and it tolerates another
 * engineer's type error in progress. The tree is this checkout, or the `--base` checkout that
 * section 2 measures beside it (base-tree.ts).
 */
export interface ApiBuild {
  /** the source tree, whose node_modules the compiled code resolves against */
  root: string;
  dir: string;
  main: string;
  projectionsCli: string;
  scenarioCli: string;
}

export function apiBuildOf(root: string): ApiBuild {
  const dir = join(root, 'bench/tmp/api-build');
  return {
    root,
    dir,
    main: join(dir, 'apps/api/src/main.js'),
    projectionsCli: join(dir, 'apps/api/src/cli/projections.cli.js'),
    scenarioCli: join(dir, 'apps/api/src/cli/scenario.cli.js'),
  };
}

/** This checkout's build. */
export const THIS_TREE = apiBuildOf(resolve(__dirname, '..', '..'));

const built = new Map<string, Promise<void>>();

export function buildApi(build: ApiBuild = THIS_TREE): Promise<void> {
  let done = built.get(build.root);
  if (!done) {
    done = Promise.resolve().then(() => transpile(build));
    built.set(build.root, done);
  }
  return done;
}

function transpile({ root, dir }: ApiBuild): void {
  const started = performance.now();
  const configPath = join(root, 'tsconfig.build.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath);
  const compilerOptions = { ...parsed.options, sourceMap: false, declaration: false };
  for (const file of parsed.fileNames) {
    const output = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
    const target = join(dir, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output.outputText);
  }
  log(`API of ${root} transpiled (${parsed.fileNames.length} files) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
