import { randomBytes } from 'node:crypto';
import { BenchConfig } from '../support/bench-config';
import { runWriters } from '../support/concurrent-writers';
import { log } from '../support/log';
import { figureOf, Figure } from '../support/stats';
import { createDatabase, ThrowawayDatabase } from '../support/throwaway-database';
import { AppendContender, benchEvent } from './append-workload';
import { emmettStoreContender } from './emmett-store.contender';
import { ourStoreContender } from './our-store.contender';
import { rawInsertContender } from './raw-insert.contender';

type ContenderKey = 'raw' | 'ours' | 'emmett';
const CONTENDERS: Record<ContenderKey, (url: string, poolSize: number) => Promise<AppendContender>> = {
  raw: rawInsertContender,
  ours: ourStoreContender,
  emmett: emmettStoreContender,
};

/** `append.<contender>.c<writers>` → events/s. */
export type AppendFigures = Record<string, Figure>;

/**
 * Section 1: single-event appends with an expected version at 1 and 32 writers, for the raw insert,
 * our store and Emmett, each on its own throwaway database (pool size = writers). The runs are
 * interleaved (run 1 of every contender, then run 2 …) so a passing load on the machine does not
 * land on one contender only.
 */
export async function measureAppendThroughput(config: BenchConfig): Promise<AppendFigures> {
  const runs = new Map<string, number[]>();
  const databases = new Map<string, ThrowawayDatabase>();
  try {
    for (const key of Object.keys(CONTENDERS) as ContenderKey[]) {
      for (const writers of config.append.writers)
        databases.set(`${key}.c${writers}`, await createDatabase(config.serverUrl, `append_${key}_c${writers}`));
    }
    for (let run = 1; run <= config.runs; run++) {
      for (const writers of config.append.writers) {
        for (const key of Object.keys(CONTENDERS) as ContenderKey[]) {
          const figure = `${key}.c${writers}`;
          const eventsPerSecond = await oneRun(config, key, writers, databases.get(figure)!.url, run === 1);
          runs.set(figure, [...(runs.get(figure) ?? []), eventsPerSecond]);
          log(`append ${figure} run ${run}/${config.runs}: ${Math.round(eventsPerSecond)} events/s`);
        }
      }
    }
  } finally {
    for (const db of databases.values()) await db.drop().catch(() => undefined);
  }
  return Object.fromEntries([...runs].map(([figure, values]) => [`append.${figure}`, figureOf(values, 'events/s')]));
}

async function oneRun(config: BenchConfig, key: ContenderKey, writers: number, url: string, warmUp: boolean): Promise<number> {
  const contender = await CONTENDERS[key](url, writers);
  try {
    const tag = randomBytes(4).toString('hex');
    const append = (writer: number, sequence: number) => contender.append(benchEvent(tag, writer, sequence, config.append.eventsPerStream));
    // warm the pool's connections (and the first run: caches, plans) outside the measurement
    await runWriters(writers, warmUp ? config.append.warmupSeconds : 0.2, (w, s) =>
      contender.append(benchEvent(`${tag}w`, w, s, config.append.eventsPerStream)),
    );
    const { operations, seconds } = await runWriters(writers, config.append.seconds, append);
    return operations / seconds;
  } finally {
    await contender.close();
  }
}
