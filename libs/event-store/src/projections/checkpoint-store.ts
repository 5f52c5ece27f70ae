import type { Checkpoint } from '../event-store.port';
import type { SqlClient, SqlExecutor } from '../sql/sql-client';
import type { Projection } from './projection';

/**
 * `projection_checkpoints`: one row per projection version — where it has read to in the store's
 * commit-visible order, and whether it is being built, serving (`live`) or replaced (`retired`).
 * The row is written in the same transaction as the read-model change it records.
 */
export type ProjectionStatus = 'building' | 'live' | 'retired';

export interface ProjectionCheckpoint {
  projection: string;
  version: number;
  checkpoint: Checkpoint | null;
  /** global position of the last event processed, for people; resuming uses `checkpoint` */
  position: number | null;
  status: ProjectionStatus;
  updatedAt: Date;
}

type Id = Pick<Projection, 'name' | 'version'>;

/** Someone else advanced or reset this checkpoint: the batch was rolled back; re-read and re-decide. */
export class CheckpointMovedError extends Error {
  constructor(id: Id) {
    super(`the checkpoint of ${id.name} v${id.version} was moved by another runner`);
    this.name = 'CheckpointMovedError';
  }
}

export async function ensureCheckpointTable(sql: SqlClient): Promise<void> {
  await sql.transaction(async (tx) => {
    // Serializes concurrent first starts: CREATE TABLE IF NOT EXISTS alone can race on the catalog.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('projection_checkpoints:schema', 0))`);
    await tx.query(`
      CREATE TABLE IF NOT EXISTS projection_checkpoints (
        projection text NOT NULL,
        version int NOT NULL,
        checkpoint text NULL,
        position bigint NULL,
        status text NOT NULL CHECK (status IN ('building', 'live', 'retired')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, version)
      )`);
  });
}

const columns = `projection, version, checkpoint, position, status, updated_at AS "updatedAt"`;

interface Row extends Omit<ProjectionCheckpoint, 'position' | 'version'> {
  position: string | number | null;
  version: number | string;
}

function fromRow(row: Row): ProjectionCheckpoint {
  return { ...row, version: Number(row.version), position: row.position === null ? null : Number(row.position) };
}

export async function readCheckpoint(db: SqlExecutor, id: Id): Promise<ProjectionCheckpoint | null> {
  const rows = await db.query<Row>(`SELECT ${columns} FROM projection_checkpoints WHERE projection = $1 AND version = $2`, [
    id.name,
    id.version,
  ]);
  return rows.length ? fromRow(rows[0]) : null;
}

export async function listCheckpoints(db: SqlExecutor): Promise<ProjectionCheckpoint[]> {
  const rows = await db.query<Row>(`SELECT ${columns} FROM projection_checkpoints ORDER BY projection, version`);
  return rows.map(fromRow);
}

/** A version seen for the first time starts `building` from the beginning of the store. */
export async function registerProjection(tx: SqlExecutor, id: Id): Promise<void> {
  await tx.query(
    `INSERT INTO projection_checkpoints (projection, version, status) VALUES ($1, $2, 'building') ON CONFLICT (projection, version) DO NOTHING`,
    [id.name, id.version],
  );
}

/** Back to position 0 and `building` (the caller resets the read model in the same transaction). */
export async function restartBuild(tx: SqlExecutor, id: Id): Promise<void> {
  await tx.query(
    `INSERT INTO projection_checkpoints (projection, version, status) VALUES ($1, $2, 'building')
     ON CONFLICT (projection, version) DO UPDATE SET checkpoint = NULL, position = NULL, status = 'building', updated_at = now()`,
    [id.name, id.version],
  );
}

/**
 * Compare-and-set from `from` to `to`. Taking the row lock first fences a runner whose advisory
 * lock was lost without it noticing: its batch rolls back instead of being applied twice.
 */
export async function advanceCheckpoint(tx: SqlExecutor, id: Id, from: Checkpoint | null, to: Checkpoint, position: number): Promise<void> {
  const rows = await tx.query(
    `UPDATE projection_checkpoints SET checkpoint = $4, position = $5, updated_at = now()
     WHERE projection = $1 AND version = $2 AND checkpoint IS NOT DISTINCT FROM $3::text RETURNING 1 AS ok`,
    [id.name, id.version, from, to, position],
  );
  if (rows.length !== 1) throw new CheckpointMovedError(id);
}

/**
 * The switch, once a version has caught up: it goes live and older versions retire — unless a
 * newer version is already live, in which case this one retires. Returns the status it got.
 */
export async function switchToLive(tx: SqlExecutor, id: Id): Promise<ProjectionStatus> {
  const rows = await tx.query<{ version: number; status: ProjectionStatus }>(
    `SELECT version, status FROM projection_checkpoints WHERE projection = $1 ORDER BY version FOR UPDATE`,
    [id.name],
  );
  const newerLive = rows.some((row) => Number(row.version) > id.version && row.status === 'live');
  const status: ProjectionStatus = newerLive ? 'retired' : 'live';
  await tx.query(`UPDATE projection_checkpoints SET status = $3, updated_at = now() WHERE projection = $1 AND version = $2`, [
    id.name,
    id.version,
    status,
  ]);
  if (status === 'live') {
    await tx.query(
      `UPDATE projection_checkpoints SET status = 'retired', updated_at = now() WHERE projection = $1 AND version < $2 AND status <> 'retired'`,
      [id.name, id.version],
    );
  }
  return status;
}
