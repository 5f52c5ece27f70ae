import { request } from 'node:http';
import { PostgresSqlClient } from '@app/event-store';
import { authHeaders, benchToken } from '../http/bench-tokens';
import { log } from '../support/log';

/**
 * The business date swept: a Friday in November 2019, after the scenario's last day (31 October):
 * the applications still open then (accepted late in October, or never completed) are past their
 * deadline, and after a bulk import no sweep has carded them yet.
 */
export const SWEEP_DATE = '2019-11-15';

export interface SweepAnswer {
  date: string;
  cardsIssued: number;
  suspended: number;
  returned: number;
  noticesSent: number;
}

export interface SweepRun {
  seconds: number;
  answer: SweepAnswer;
  /** events the run appended, by type */
  appended: Record<string, number>;
}

export interface SweepTiming {
  first: SweepRun;
  /** the same date again, `repeats` times: each must append nothing and answer the first run's counts */
  repeats: SweepRun[];
  /** what idempotence requires and a run did not do (empty: all well) */
  discrepancies: string[];
}

/**
 * `POST /api/v1/supervision/sweeps {date}` as an admin, timed from the request to the answer
 * (the sweep waits for the supervision read models before it plans and after its steps, so the
 * time includes projecting its own events); then the same date `repeats` times more.
 */
export async function timeSweep(baseUrl: string, databaseUrl: string, repeats: number): Promise<SweepTiming> {
  const sql = new PostgresSqlClient({ connectionString: databaseUrl, max: 1 });
  try {
    const first = await sweepOnce(baseUrl, sql);
    const issued = first.appended['red-card.issued'] ?? 0;
    const discrepancies: string[] = [];
    if (issued !== first.answer.cardsIssued)
      discrepancies.push(`the first run answered cardsIssued ${first.answer.cardsIssued} but appended ${issued} red-card.issued events`);
    const again: SweepRun[] = [];
    for (let run = 0; run < repeats; run++) {
      const next = await sweepOnce(baseUrl, sql);
      again.push(next);
      const events = Object.values(next.appended).reduce((a, b) => a + b, 0);
      if (events > 0) discrepancies.push(`repeat ${run + 1} appended ${events} events (${JSON.stringify(next.appended)})`);
      if (JSON.stringify(next.answer) !== JSON.stringify(first.answer))
        discrepancies.push(`repeat ${run + 1} answered ${JSON.stringify(next.answer)}, the first ${JSON.stringify(first.answer)}`);
    }
    log(
      `sweep ${SWEEP_DATE}: ${first.seconds.toFixed(2)} s, ${JSON.stringify(first.answer)}, appended ${JSON.stringify(first.appended)}; ` +
        `again: ${again.map((r) => r.seconds.toFixed(3)).join(', ')} s`,
    );
    for (const discrepancy of discrepancies) log(`!!! SWEEP NOT IDEMPOTENT: ${discrepancy}`);
    return { first, repeats: again, discrepancies };
  } finally {
    await sql.close();
  }
}

async function sweepOnce(baseUrl: string, sql: PostgresSqlClient): Promise<SweepRun> {
  const before = await headPosition(sql);
  const started = performance.now();
  const answer = (await postJson(`${baseUrl}/api/v1/supervision/sweeps`, { date: SWEEP_DATE })) as SweepAnswer;
  const seconds = (performance.now() - started) / 1000;
  const rows = await sql.query<{ type: string; n: number }>(
    'SELECT type, count(*)::int AS n FROM es_events WHERE position > $1 GROUP BY type ORDER BY type',
    [before],
  );
  return { seconds, answer, appended: Object.fromEntries(rows.map((row) => [row.type, Number(row.n)])) };
}

async function headPosition(sql: PostgresSqlClient): Promise<string> {
  const [{ head }] = await sql.query<{ head: string }>('SELECT coalesce(max(position), 0)::text AS head FROM es_events');
  return head;
}

/** A POST without a client-side time limit (fetch gives up after 300 s without headers; the sweep at 1M may take longer). */
function postJson(url: string, body: unknown): Promise<unknown> {
  const headers = authHeaders(benchToken({ roles: ['admin'] }));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`POST ${url} → ${res.statusCode}: ${text.slice(0, 300)}`));
        else resolve(JSON.parse(text));
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
