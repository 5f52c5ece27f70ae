import { STREAM_LOCK_CLASS } from './event-store.schema';

/**
 * The event store's SQL, the same text on PostgreSQL and PGlite. Parameters are scalars or one
 * JSON document (no driver-specific array encoding).
 */

/**
 * A group of appends, each to its own stream, in one statement (one round trip, one commit; see
 * `AppendGroups`). $1 JSON array of one row per event, the appends one after another and each
 * append's events in order: {s: stream id, m: mode ('no_stream' | 'any' | 'exact'), e: expected
 * version for 'exact', c: the append's event count, n: the event's index in it (from 1), id,
 * t: type, sv: schema version, d: data, md: metadata}. Answers one row per append that was written
 * (stream id, its new version and last position); an append with no row wrote nothing, and the
 * caller tells why.
 *
 * 1. `stream_lock` takes each stream's transaction-level advisory lock in the order of the lock keys
 *    (as the guarded appends do, so no two transactions lock the same streams in opposite orders)
 *    before anything is written, and so before this transaction has an xid: of two appends to the
 *    same stream, the later one always gets the larger xid, and the commit-safe order of `readAll`
 *    agrees with stream versions. It is an aggregate, so every lock is held before `fresh` yields.
 * 2. `fresh` drops an append whose event ids are already stored (a retry, or a duplicate), probing
 *    the event-id index once per event whatever the plan estimates of the input.
 * 3. `created` / `anyhow` / `advanced` move each stream's version, but only where its expectation
 *    holds; where it does not they return nothing for that stream (→ WrongExpectedVersionError).
 * 4. `written` inserts each append's events after its stream's new version, positions taken in
 *    the input's order.
 * A concurrent append of the same ids fails the statement on the unique event id instead (23505):
 * the group's appends are then written one by one.
 */
export const APPEND_GROUP_SQL = `
WITH input AS (
  SELECT * FROM ROWS FROM (
    jsonb_to_recordset($1::jsonb) AS (s text, m text, e bigint, c bigint, n bigint, id uuid, t text, sv int, d jsonb, md jsonb)
  ) WITH ORDINALITY AS x(s, m, e, c, n, id, t, sv, d, md, o)
),
member AS (
  SELECT DISTINCT ON (s) s, m, e, c FROM input ORDER BY s
),
stream_lock AS (
  SELECT count(pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, ordered.key)) AS streams
  FROM (SELECT DISTINCT hashtext(s) AS key FROM member ORDER BY key) ordered
),
stored AS (
  SELECT DISTINCT i.s FROM input i CROSS JOIN LATERAL (SELECT 1 FROM es_events ev WHERE ev.event_id = i.id LIMIT 1) hit
),
fresh AS (
  SELECT mb.s, mb.m, mb.e, mb.c FROM member mb CROSS JOIN stream_lock WHERE mb.s NOT IN (SELECT s FROM stored)
),
created AS (
  INSERT INTO es_streams AS st (stream_id, version)
  SELECT s, c FROM fresh WHERE m = 'no_stream'
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING st.stream_id, st.version
),
anyhow AS (
  INSERT INTO es_streams AS st (stream_id, version)
  SELECT s, c FROM fresh WHERE m = 'any'
  ON CONFLICT (stream_id) DO UPDATE SET version = st.version + excluded.version
  RETURNING st.stream_id, st.version
),
advanced AS (
  UPDATE es_streams AS st SET version = st.version + f.c
  FROM fresh f
  WHERE st.stream_id = f.s AND f.m = 'exact' AND st.version = f.e
  RETURNING st.stream_id, st.version
),
moved AS (
  SELECT stream_id, version FROM created UNION ALL SELECT stream_id, version FROM anyhow UNION ALL SELECT stream_id, version FROM advanced
),
written AS (
  INSERT INTO es_events (event_id, stream_id, version, type, schema_version, data, metadata)
  SELECT i.id, i.s, mv.version - i.c + i.n, i.t, i.sv, i.d, i.md
  FROM input i JOIN moved mv ON mv.stream_id = i.s
  ORDER BY i.o
  RETURNING stream_id, version, position
)
SELECT stream_id, max(version)::text AS version, max(position)::text AS position FROM written GROUP BY stream_id`;

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
