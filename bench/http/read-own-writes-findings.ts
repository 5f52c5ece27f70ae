/**
 * Section 6's narrative for BENCHMARKS.md: what the wait of an entity's GET for its own write costs
 * (`npm run bench -- --only ryw`, both modes in one run: READ_OWN_WRITES=true and false).
 */
export const READ_OWN_WRITES_FINDINGS: readonly string[] = [
  "### Reading one's own writes: what the wait costs",
  '',
  '- **Measured** with `npm run bench -- --only ryw` on 2026-12-02 13:46 UTC (2 × AMD EPYC, 23.5 GB, PostgreSQL',
  '  15.20, Node 20.20.2, main at 2f96057, load average 3.5: one other job on the 2 cores), 5 runs a mode, the modes',
  '  interleaved on the same build, each run on a fresh database: waiting 178 commands/s, application GET p50 136 ms,',
  '  p99 259 ms, 0 of 7,416 GETs stale; not waiting 275 commands/s, GET p50 52 ms, p99 144 ms, 99 % of the GETs',
  '  stale. So on this machine the wait costs a read-back GET about 85 ms at the median: the lag of the applications',
  '  projection behind 32 writers (its batches are applied one transaction at a time).',
  '- **An earlier quick run** (`--quick --only ryw`, commit 533625e, load average 9.6–13.5 while two other jobs shared',
  '  the 2 cores) gave the same picture several times slower; its figures follow.',
  '- **Without the wait the GET is wrong almost every time under load**: 503 of 520 GETs right after a command',
  '  (97 %) still showed the state before it, i.e. the applications projection ran more than a GET',
  '  behind. With the wait: 0 of 374.',
  '- **The price is the projection lag, paid by the GET that asks.** GET p50 512 ms waiting against 242 ms not',
  '  waiting (+270 ms: the time until the projection has applied the batch holding the command); p99 965 ms against',
  '  1,087 ms (the tails are the overloaded machine, not the wait). Per GET the wait adds one indexed query (the',
  "  stream's last position) and, while the projection is behind, one `covers` query each time the projection's",
  '  checkpoint moves (a first version asked `covers` every 10 ms per waiting GET, up to 3,200 queries/s with 32',
  '  clients; GET p50 then was 454 ms against 240 ms, within the noise of this machine).',
  '- **Command throughput of the server is not what fell.** The clients run a closed loop (command, GET, command,',
  '  GET), so a client waiting on its GET issues no command: 38 against 74 commands/s is the loop slowed by the wait,',
  '  with the server less busy, not more. A client that does not read back pays nothing; a command never waits.',
  '- On a quiet machine the projection applies a command within a few milliseconds of its append (it is woken by',
  '  the append in the same process), so the wait is that long; with the projections in another process',
  '  (RUN_PROJECTIONS=false) the worker notices appends of other processes only at its poll (100 ms) and the API',
  '  reads its checkpoints at most every 20 ms: expect up to about 120 ms more per read-back GET there.',
  '',
];
