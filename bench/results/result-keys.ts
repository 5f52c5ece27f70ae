/** The flat keys of `bench/results.json` (issue 7), in the order the report lists them. */
export const RESULT_KEYS = [
  'append.raw.c1',
  'append.ours.c1',
  'append.emmett.c1',
  'append.raw.c32',
  'append.ours.c32',
  'append.emmett.c32',
  'http.commands_per_s',
  'http.p50_ms',
  'http.p99_ms',
  'scenario.load_s',
  'rebuild.events_per_s',
  'report.p99_ms.small',
  'report.p99_ms.large',
  'api.peak_rss_mb',
] as const;

export type ResultKey = (typeof RESULT_KEYS)[number];

export const RESULT_LABELS: Record<ResultKey, string> = {
  'append.raw.c1': '1a raw INSERT, 1 writer',
  'append.ours.c1': '1b our store, 1 writer',
  'append.emmett.c1': '1c Emmett, 1 writer',
  'append.raw.c32': '1a raw INSERT, 32 writers',
  'append.ours.c32': '1b our store, 32 writers',
  'append.emmett.c32': '1c Emmett, 32 writers',
  'http.commands_per_s': '2 HTTP commands (accept + complete), 32 connections',
  'http.p50_ms': '2 HTTP command latency p50',
  'http.p99_ms': '2 HTTP command latency p99',
  'scenario.load_s': '3 scenario load time',
  'rebuild.events_per_s': '3 projection rebuild (all projections)',
  'report.p99_ms.small': '4 report p99, small scenario (worst of the three routes)',
  'report.p99_ms.large': '4 report p99, large scenario (worst of the three routes)',
  'api.peak_rss_mb': '5 API peak RSS during 2 and 3',
};
