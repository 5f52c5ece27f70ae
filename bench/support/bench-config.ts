/** How big and how long: `--quick` (under 2 minutes) or the full run (under 15 minutes). */
export interface BenchConfig {
  quick: boolean;
  /** repetitions of every figure */
  runs: number;
  /** server holding the throwaway databases */
  serverUrl: string;
  append: { seconds: number; warmupSeconds: number; writers: readonly number[]; eventsPerStream: number };
  http: { seconds: number; connections: number; warmupSeconds: number };
  /** section 7: pairs of loads (without, then with three subscriptions) and each load's length; more and shorter than section 2's, as the machine drifts */
  notify: { pairs: number; seconds: number };
  /** applications in the scenarios: the large one through the bulk import (in --quick a small one, so the sweep is exercised) */
  scenario: { small: number; large: number | null; loadBudgetS: number; rebuildBudgetS: number };
  /** section 8: the scenario the 晾晒台 is opened on (issue 14: 100k applications) */
  console: { applications: number };
  /**
   * section 9: the embedded default (PGlite) — submissions from `connections` clients against it and against the server;
   * the README's scenario loaded into it (`applications`: the README's default size in the full run) and caught up
   */
  embedded: {
    connections: number;
    scenario: { applications: number | 'default'; loadBudgetS: number; catchUpBudgetS: number };
  };
  /** each report route is asked one request after another for this long, per run */
  report: { secondsPerRoute: number };
  /** `--only append,http,embedded` runs a subset (for profiling); the rest is reported as skipped */
  only: ReadonlySet<string> | null;
  /** `--base REF`: section 2 also measures REF's tree, runs interleaved with this one's */
  base: string | null;
}

export function benchConfig(argv: readonly string[]): BenchConfig {
  const quick = argv.includes('--quick');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? new Set(argv[onlyAt + 1]?.split(',') ?? []) : null;
  const baseAt = argv.indexOf('--base');
  return {
    quick,
    runs: quick ? 3 : 5,
    serverUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    append: { seconds: quick ? 1 : 4, warmupSeconds: quick ? 0.5 : 1, writers: [1, 32], eventsPerStream: 8 },
    http: { seconds: quick ? 2 : 8, connections: 32, warmupSeconds: quick ? 1 : 2 },
    notify: { pairs: quick ? 3 : 9, seconds: quick ? 2 : 6 },
    scenario: quick
      ? { small: 1_000, large: 2_000, loadBudgetS: 150, rebuildBudgetS: 60 }
      : { small: 10_000, large: 1_000_000, loadBudgetS: 420, rebuildBudgetS: 1200 },
    report: { secondsPerRoute: quick ? 1 : 2 },
    console: { applications: quick ? 2_000 : 100_000 },
    embedded: {
      connections: 16,
      scenario: quick
        ? { applications: 2_000, loadBudgetS: 150, catchUpBudgetS: 150 }
        : { applications: 'default', loadBudgetS: 900, catchUpBudgetS: 900 },
    },
    only,
    base: baseAt >= 0 ? (argv[baseAt + 1] ?? null) : null,
  };
}

export function wanted(config: BenchConfig, section: string): boolean {
  return config.only === null || config.only.has(section);
}
