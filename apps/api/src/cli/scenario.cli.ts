import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MultiBar, Presets } from 'cli-progress';
import { ProjectionRunner } from '@app/event-store';
import { loadScenario, type LoadProgress } from '@app/metrics';
import { shaoxing2019 } from '@app/metrics';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { EntryPointLogger } from '../startup/boot-logger';
import { parseArgs } from './parse-args';

const USAGE =
  'usage: npm run scenario -- shaoxing-2019 [--applications N (default 100000)] [--concurrency C (default 32)] [--bulk (applications through the bulk import; projections catch up when the service starts)]';

/**
 * Loads the 2019 scenario through the real command handlers, in a Nest application context
 * built from AppModule on the configured stores (DATABASE_URL, or PGlite under DATA_DIR — stop
 * the service first there), then waits until the projections have caught up.
 *
 * `--bulk` loads the applications through the bulk import instead (the path for migrating
 * historical records: the same deciders, many streams per round trip) and does not run the
 * projections meanwhile: they catch up when the service starts (or `npm run projections -- rebuild`).
 */
async function main(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv);
  const applications = Number(flags.get('applications')?.[0] ?? 100_000);
  const concurrency = Number(flags.get('concurrency')?.[0] ?? 32);
  const bulk = flags.has('bulk');
  if (positional[0] !== 'shaoxing-2019' || !Number.isInteger(applications) || applications < 0 || !(concurrency >= 1)) {
    console.error(USAGE);
    return 2;
  }
  loadConfig(); // a bad variable stops the run here, before the plan is generated; no token secret needed
  const started = performance.now();
  const plan = shaoxing2019(applications);
  console.log(`generated ${plan.matters.length} matters, ${plan.applications.length} applications, ${plan.issues.length} quality issues`);
  // abortOnError false: a store that is not there comes back to the catch below, one line, no Nest dump
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: new EntryPointLogger(new ConsoleLogger({ logLevels: ['error', 'warn'] })),
    abortOnError: false,
  });
  const bars = new MultiBar(
    { format: '{stage} |{bar}| {value}/{total} {percentage}% · {eta_formatted} left', hideCursor: true },
    Presets.shades_classic,
  );
  const stages = new Map<string, ReturnType<MultiBar['create']>>();
  const onProgress = ({ stage, done, total }: LoadProgress) => {
    const bar = stages.get(stage) ?? stages.set(stage, bars.create(total, 0, { stage: stage.padEnd(14) })).get(stage)!;
    bar.setTotal(total);
    bar.update(done, { stage: stage.padEnd(14) });
  };
  try {
    // the bulk import does not wait for the read models: they would compete with it for the CPU
    if (bulk) await app.get(ProjectionRunner).stop();
    const result = await loadScenario(app, plan, { concurrency, onProgress, bulk });
    bars.stop();
    if (bulk) {
      console.log(
        `loaded in ${(result.elapsedMs / 1000).toFixed(1)} s (last position ${result.position}); the projections catch up when the service starts`,
      );
      return 0;
    }
    console.log(`loaded in ${(result.elapsedMs / 1000).toFixed(1)} s (last position ${result.position}); waiting for the projections…`);
    if (result.supervision) console.log(`supervision: ${JSON.stringify(result.supervision)}`);
    const caughtUp = await app.get(ProjectionRunner).waitForPosition(result.position, 30 * 60_000);
    console.log(
      `${caughtUp ? 'projections caught up' : 'projections still behind'}; total ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return caughtUp ? 0 : 1;
  } finally {
    bars.stop();
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
