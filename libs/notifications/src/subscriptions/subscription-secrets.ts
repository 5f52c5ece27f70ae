import { randomBytes } from 'node:crypto';
import type { SqlExecutor } from '@app/event-store';
import { SECRETS_TABLE } from '../shared/notification-tables';

/**
 * Signing secrets (Standard Webhooks: `whsec_` and 24 random bytes in base64), kept outside the log
 * like applicant keys: the log is replicated and exported, a secret must not be. Made before the
 * subscription's command and erased when that command is refused, so none outlives a subscription
 * that was not recorded.
 */
export class SubscriptionSecrets {
  constructor(private readonly sql: SqlExecutor) {}

  async create(subscriptionId: string): Promise<string> {
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const [row] = await this.sql.query<{ secret: string }>(
      `INSERT INTO ${SECRETS_TABLE} (subscription_id, secret) VALUES ($1, $2)
       ON CONFLICT (subscription_id) DO UPDATE SET secret = ${SECRETS_TABLE}.secret RETURNING secret`,
      [subscriptionId, secret],
    );
    return row.secret;
  }

  async find(subscriptionId: string): Promise<string | null> {
    const [row] = await this.sql.query<{ secret: string }>(`SELECT secret FROM ${SECRETS_TABLE} WHERE subscription_id = $1`, [
      subscriptionId,
    ]);
    return row?.secret ?? null;
  }

  async erase(subscriptionId: string): Promise<void> {
    await this.sql.query(`DELETE FROM ${SECRETS_TABLE} WHERE subscription_id = $1`, [subscriptionId]);
  }
}
