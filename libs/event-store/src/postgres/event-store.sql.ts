import { STREAM_LOCK_CLASS } from './event-store.schema';

/**
 * The event store's SQL, the same text on PostgreSQL and PGlite. Parameters are scalars or one
 * JSON document (no driver-specific array encoding).
 */

/**
 * One append in one statement (one round trip, atomic even without an explicit transaction).
 * $1 stream id · $2 JSON array of {id, type, schemaVersion, data, metadata} · $3 event count ·
 * $4 mode ('no_stream' | 'any' | 'exact') · $5 expected version for 'exact'.
 *
 * 1. `stream_lock` serializes appends to one stream with a transaction-level advisory lock taken
 *    before anything is written, so before this transaction has an xid: of two appends to the
 *    same stream, the later one always gets the larger xid, and the commit-safe order of `readAll`
 *    agrees with stream versions.
 * 2. `fresh` stops here when any of the event ids is already stored (a retry, or a duplicate);
 *    the caller then tells which.
 * 3. `created` / `advanced` move the stream's version, but only when the expectation holds, and
 *    return nothing otherwise (→ WrongExpectedVersionError).
 * 4. `written` inserts the events after the new version, positions taken in event order.
 * A concurrent append of the same ids fails on the unique event id instead (23505): the caller
 * treats it as in 2.
 */
export const APPEND_SQL = `
WITH input AS (
  SELECT (doc->>'id')::uuid AS event_id, doc->>'type' AS type, (doc->>'schemaVersion')::int AS schema_version,
         doc->'data' AS data, doc->'metadata' AS metadata, n
  FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS batch(doc, n)
),
stream_lock AS (
  SELECT pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, hashtext($1::text)) AS locked
),
fresh AS (
  SELECT 1 AS ok FROM stream_lock
  WHERE NOT EXISTS (SELECT 1 FROM es_events e JOIN input i ON e.event_id = i.event_id)
),
created AS (
  INSERT INTO es_streams AS s (stream_id, version)
  SELECT $1::text, $3::bigint FROM fresh WHERE $4::text IN ('no_stream', 'any')
  ON CONFLICT (stream_id) DO UPDATE SET version = s.version + $3::bigint WHERE $4::text = 'any'
  RETURNING s.version
),
advanced AS (
  UPDATE es_streams AS s SET version = s.version + $3::bigint
  FROM fresh
  WHERE s.stream_id = $1::text AND $4::text = 'exact' AND s.version = $5::bigint
  RETURNING s.version
),
stream AS (
  SELECT version FROM created UNION ALL SELECT version FROM advanced
),
written AS (
  INSERT INTO es_events (event_id, stream_id, version, type, schema_version, data, metadata)
  SELECT i.event_id, $1::text, s.version - $3::bigint + i.n, i.type, i.schema_version, i.data, i.metadata
  FROM input i CROSS JOIN stream s
  ORDER BY i.n
  RETURNING version, position
)
SELECT count(*)::int AS written, max(version)::text AS version, max(position)::text AS position FROM written`;

/**
 * 64-bit integers as text (exact on both drivers); `recorded_at` already as the ISO 8601 text of
 * `Date#toISOString` (UTC, milliseconds, truncated like a JavaScript Date), so a rebuild reading
 * millions of events neither parses nor formats a date per row. Aliases shadow column names in
 * ORDER BY: order by `e.` columns.
 */
const eventColumns = (data: string) => `e.position::text AS position, e.transaction_id::text AS txid, e.event_id::text AS id, e.stream_id,
  e.version::text AS version, e.type, e.schema_version, ${data} AS data, e.metadata,
  to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at`;
const EVENT_COLUMNS = eventColumns('e.data');

/** $1 stream id · $2 from version · $3 limit (null: all). */
export const READ_STREAM_SQL = `
SELECT ${EVENT_COLUMNS} FROM es_events e
WHERE e.stream_id = $1::text AND e.version >= $2::bigint
ORDER BY e.version
LIMIT $3::bigint`;

/**
 * $1 checkpoint xid · $2 checkpoint position · $3 limit. Only events of transactions older than
 * every transaction still running (`transaction_id < xmin`), in (transaction_id, position) order:
 * whatever commits later sorts after everything returned here.
 */
export const READ_ALL_SQL = `
SELECT ${EVENT_COLUMNS} FROM es_events e
WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  AND (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
ORDER BY e.transaction_id, e.position
LIMIT $3::bigint`;

/**
 * `readAll`'s next window, sending only the events of some types. $1, $2, $3 as in READ_ALL_SQL ·
 * $4 JSON array of the wanted types (null: all) · $5 true to send `data` as null (a reader of the
 * metadata only). The window is walked on narrow rows (xid, position, type), and
 * only its wanted events and its last one are fetched whole; the last row carries `window_end`
 * ("<xid>:<position>") and `scanned` (events in the window), and `wanted` false when it is there
 * only to mark the end. No rows when the window is empty. The other events are skipped in the
 * server: their JSON is neither rendered nor sent.
 */
export const READ_WINDOW_SQL = `
WITH win AS (
  SELECT e.transaction_id, e.position, ($4::jsonb IS NULL OR jsonb_exists($4::jsonb, e.type)) AS wanted
  FROM es_events e
  WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
    AND (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
  ORDER BY e.transaction_id, e.position
  LIMIT $3::bigint
),
marked AS (
  SELECT position, wanted, count(*) OVER () AS scanned, row_number() OVER (ORDER BY transaction_id, position) AS n FROM win
)
SELECT ${eventColumns('CASE WHEN $5::boolean THEN NULL::jsonb ELSE e.data END')}, m.wanted,
  CASE WHEN m.n = m.scanned THEN e.transaction_id::text || ':' || e.position::text END AS window_end,
  CASE WHEN m.n = m.scanned THEN m.scanned::int END AS scanned
FROM marked m JOIN es_events e ON e.position = m.position
WHERE m.wanted OR m.n = m.scanned
ORDER BY m.n`;

/** $1 position → the xid of the event there (no row while it is unknown or uncommitted). */
/** $1 stream id → the position of its last event (the `(stream_id, version)` index, read backwards). */
export const STREAM_POSITION_SQL = `
SELECT e.position::text AS position FROM es_events e WHERE e.stream_id = $1::text ORDER BY e.version DESC LIMIT 1`;

export const TXID_AT_POSITION_SQL = `SELECT transaction_id::text AS txid FROM es_events WHERE position = $1::bigint`;

/** $1 JSON array of event ids → those already stored, with the size of the append that wrote each. */
export const STORED_EVENTS_SQL = `
SELECT e.event_id::text AS id, e.stream_id, e.version::text AS version, e.position::text AS position,
  (SELECT count(*) FROM es_events x WHERE x.transaction_id = e.transaction_id AND x.stream_id = e.stream_id)::int AS append_size
FROM es_events e
WHERE e.event_id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))
ORDER BY e.position`;

export const STREAM_VERSION_SQL = `SELECT version::text AS version FROM es_streams WHERE stream_id = $1::text`;
