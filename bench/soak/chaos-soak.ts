import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runChaosSoak, type SoakFigures } from '../../test/support/chaos-soak';
import { log } from '../support/log';

/** The soak's verdict: what must hold after it, each as a sentence when it does not. */
export function soakFailures(figures: SoakFigures): string[] {
  return [
    figures.lost > 0 && `${figures.lost} acknowledged commands lost`,
    figures.duplicated > 0 && `${figures.duplicated} events doubled`,
    !figures.auditChainValid && 'the audit chain does not verify',
    !figures.readModelsEqualRebuild && `read models differ from a clean rebuild: ${figures.readModelDifferences.join('; ')}`,
    figures.unexpected.length > 0 && `${figures.unexpected.length} unexpected answers: ${figures.unexpected.slice(0, 3).join('; ')}`,
    figures.readBack !== figures.applications && `${figures.applications - figures.readBack} applications not read back after their write`,
    figures.kills.primary === 0 && 'the primary was never failed over',
    !figures.formationRestored && 'the lost node did not rejoin as a secondary',
  ].filter((failure): failure is string => typeof failure === 'string');
}

/**
 * `npm run bench -- --soak`: the chaos soak of issue 16 for 5 minutes of load (`npm test` runs it
 * for 60 s). Prints its figures as one JSON line and writes them to bench/tmp/soak.json; exits 1
 * when anything that must hold did not.
 */
export async function runSoakBench(): Promise<boolean> {
  const figures = await runChaosSoak({ loadMs: 300_000, killEveryMs: 4_000, clients: 6, log });
  const out = resolve(__dirname, '..', 'tmp');
  mkdirSync(out, { recursive: true });
  writeFileSync(resolve(out, 'soak.json'), `${JSON.stringify({ date: new Date().toISOString(), soak: figures }, null, 2)}\n`);
  console.log(JSON.stringify({ soak: figures }));
  const failures = soakFailures(figures);
  for (const failure of failures) console.error(`soak: ${failure}`);
  return failures.length === 0;
}
