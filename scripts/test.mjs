#!/usr/bin/env node
/**
 * The whole test suite, as README and CI run it: type check, lint, then every jest level
 * (unit, int, e2e) on real PostgreSQL where reachable and on PGlite always. Prints which
 * suites were skipped and why, and ends with one plain line `tests: N passed, N failed, N skipped`.
 * Extra arguments go to jest (e.g. `npm test -- libs/matters`), which skips type check and lint.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const jestArgs = process.argv.slice(2);
// PGlite loads its file-system support with a dynamic import(), which Jest allows only with VM modules on.
const env = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
};
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;

if (jestArgs.length === 0) {
  for (const [label, command, args] of [
    ['type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
    ['lint', 'npx', ['eslint', '.']],
    ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
    // the console is its own npm project (apps/console): its packages, then its Vitest unit tests
    ...(existsSync('apps/console/node_modules/.package-lock.json')
      ? []
      : [['console packages', 'npm', ['--prefix', 'apps/console', 'ci', '--no-audit', '--no-fund']]]),
    ['console unit tests', 'npm', ['--prefix', 'apps/console', 'test']],
  ]) {
    console.log(`\n== ${label}`);
    if (run(command, args) !== 0) {
      console.log(`\n${label} failed`);
      process.exit(1);
    }
  }
}

const report = join(mkdtempSync(join(tmpdir(), 'jest-')), 'report.json');
console.log('\n== jest');
const status = run('npx', ['jest', '--maxWorkers=2', '--json', `--outputFile=${report}`, ...jestArgs]);

let summary;
try {
  summary = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  console.log('jest wrote no report');
  process.exit(status || 1);
}
const skipped = summary.testResults.flatMap((file) =>
  file.assertionResults
    .filter((test) => test.status === 'pending' || test.status === 'skipped')
    .map((test) => `${file.name.replace(process.cwd() + '/', '')}: ${test.fullName}`),
);
if (skipped.length > 0) {
  console.log(`\nSkipped (${skipped.length}):`);
  for (const line of skipped) console.log(`  - ${line}`);
}
if (summary.numTotalTests === 0) {
  console.log('no tests ran');
  process.exit(1);
}
console.log(
  `\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests + summary.numTodoTests} skipped`,
);
process.exit(status);
