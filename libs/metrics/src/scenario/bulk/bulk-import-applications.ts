import type { CommandContext } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { appendNewStreams } from '@app/event-store';
import type { SqlClient } from '@app/event-store';
import { readMatter, type MatterState } from '@app/matters';
import type { ApplicantCipher } from '@app/matters';
import { runBounded } from '../bounded-pool';
import type { ApplicationPlan } from '../scenario-plan';
import { applicationStream, type ApplicationStream } from './application-streams';

export interface BulkImportOptions {
  /** applications per round trip (default 500) */
  batchSize?: number;
  /** round trips in flight (default 3) */
  concurrency?: number;
  onBatch?: (applications: number) => void;
}

export interface BulkImportDeps {
  store: EventStore;
  sql: SqlClient;
  cipher: ApplicantCipher;
}

/**
 * Imports historical applications (办件) — the path for migrating years of records, where one
 * command per round trip would take hours. Every command still goes through the domain: the
 * matter's version in force is folded from its stream (`readMatter`), and each
 * application's commands are decided and folded in memory (`applicationStream`). What changes is
 * the write: a batch of applications is ONE transaction — their applicant keys, then all their
 * streams in one `appendNewStreams` statement (`no_stream` each). Run again, it appends nothing
 * (streams already stored with the same event ids are skipped and their fresh keys dropped).
 */
export async function bulkImportApplications(
  deps: BulkImportDeps,
  plans: readonly ApplicationPlan[],
  matterIds: ReadonlyMap<string, string>,
  context: (plan: ApplicationPlan) => (step: number, command: string, at: string) => CommandContext,
  options: BulkImportOptions = {},
): Promise<{ position: number }> {
  const matters = await matterStates(deps.store, [...new Set(plans.map((plan) => matterIds.get(plan.matterKey)!))]);
  const size = options.batchSize ?? 500;
  const batches = Array.from({ length: Math.ceil(plans.length / size) }, (_, i) => plans.slice(i * size, (i + 1) * size));
  let position = 0;
  await runBounded(batches, options.concurrency ?? 3, async (batch) => {
    const streams = batch.map((plan) => {
      const id = matterIds.get(plan.matterKey)!;
      return applicationStream(plan, { id, state: matters.get(id)! }, deps.cipher, context(plan));
    });
    const written = await deps.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO applicant_keys (key_id, key) SELECT k, decode(h, 'hex') FROM jsonb_to_recordset($1::jsonb) AS x(k text, h text)`,
        [JSON.stringify(streams.map(({ applicantKey }) => ({ k: applicantKey.keyId, h: applicantKey.key.toString('hex') })))],
      );
      const result = await appendNewStreams(tx, streams);
      if (result.alreadyStored.length > 0) await dropKeysOf(tx, streams, new Set(result.alreadyStored));
      return result;
    });
    position = Math.max(position, written.position);
    options.onBatch?.(batch.length);
  });
  return { position };
}

async function dropKeysOf(tx: { query: SqlClient['query'] }, streams: ApplicationStream[], skipped: ReadonlySet<string>) {
  const keys = streams.filter((s) => skipped.has(s.streamId)).map((s) => s.applicantKey.keyId);
  await tx.query('DELETE FROM applicant_keys WHERE key_id IN (SELECT jsonb_array_elements_text($1::jsonb))', [JSON.stringify(keys)]);
}

/** Each matter's state folded from its stream (the source of truth), as the application intake does per submission. */
async function matterStates(store: EventStore, matterIds: string[]): Promise<Map<string, MatterState>> {
  const states = new Map<string, MatterState>();
  await runBounded(matterIds, 8, async (id) => {
    states.set(id, await readMatter(store, id));
  });
  return states;
}
