import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiBuildOf, THIS_TREE, type ApiBuild } from './api-build';
import { log } from './log';

/**
 * `--base REF`: a checkout of REF beside this one (a detached git worktree in the system's temp folder, outside
 * this tree so no lint, type check or test picks it up, with
 * its own `npm ci`: its dependencies may differ), so section 2 measures both trees in the same
 * run, their runs interleaved. Reused by the next run when REF names the same commit.
 */
export function baseTree(ref: string): ApiBuild {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: THIS_TREE.root, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  const root = join(tmpdir(), `gov-service-bench-base-${commit.slice(0, 12)}`);
  if (!existsSync(root)) {
    git('worktree', 'prune');
    git('worktree', 'add', '--detach', root, commit);
  }
  if (!existsSync(join(root, 'node_modules'))) {
    log(`npm ci in the base tree ${root} (${ref} = ${commit.slice(0, 12)})`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel', 'error'], { cwd: root, stdio: 'inherit' });
  }
  return apiBuildOf(root);
}
