import { MigrationInterface, QueryRunner } from 'typeorm';
import { DELIVERIES_TABLE, EVENT_BODIES_TABLE } from './notification-tables';

/**
 * The CloudEvent body once per event instead of in each of its deliveries (about 2.3 per event
 * with a city's subscriptions): the outbox writes it once, and marking a delivery delivered
 * rewrites a row of about 150 bytes instead of one carrying the body. The bodies queued so far
 * move over; one statement each (PGlite).
 */
export class WebhookEventBodies1765400000000 implements MigrationInterface {
  name = 'WebhookEventBodies1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE IF NOT EXISTS ${EVENT_BODIES_TABLE} (event_id text PRIMARY KEY, body text NOT NULL)`);
    await runner.query(
      `INSERT INTO ${EVENT_BODIES_TABLE} (event_id, body)
       SELECT DISTINCT ON (event_id) event_id, body FROM ${DELIVERIES_TABLE} ORDER BY event_id, seq
       ON CONFLICT (event_id) DO NOTHING`,
    );
    await runner.query(`ALTER TABLE ${DELIVERIES_TABLE} DROP COLUMN body`);
    // a queue: every delivery is updated once it is sent, so vacuum early (at 1% dead rather than 20%), before
    // the dead index entries at the head of each subscription's pending queue slow the dispatcher's reads
    await runner.query(`ALTER TABLE ${DELIVERIES_TABLE} SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${DELIVERIES_TABLE} RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold)`);
    await runner.query(`ALTER TABLE ${DELIVERIES_TABLE} ADD COLUMN body text NULL`);
    await runner.query(`UPDATE ${DELIVERIES_TABLE} d SET body = b.body FROM ${EVENT_BODIES_TABLE} b WHERE b.event_id = d.event_id`);
    await runner.query(`ALTER TABLE ${DELIVERIES_TABLE} ALTER COLUMN body SET NOT NULL`);
    await runner.query(`DROP TABLE ${EVENT_BODIES_TABLE}`);
  }
}
