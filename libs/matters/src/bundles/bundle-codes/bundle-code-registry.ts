import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, SQL_CLIENT, type EventStore, type SqlClient } from '@app/event-store';
import { bundleStreamId } from '../bundle-stream';

/** `reserved`: this call took the code; `ours`: it was already this bundle's (a retry); `taken`: another bundle's. */
export type BundleCodeReservation = 'reserved' | 'ours' | 'taken';

/** A reservation older than this whose bundle stream does not exist was orphaned by a crash. */
const ORPHAN_AFTER_SECONDS = 60;

/** The `bundle_codes` table: who owns which bundle code (the same protocol as `MatterCodeRegistry`). */
@Injectable()
export class BundleCodeRegistry {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async reserve(code: string, bundleId: string): Promise<BundleCodeReservation> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await this.sql.query(
        'INSERT INTO bundle_codes (code, bundle_id) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING RETURNING code',
        [code, bundleId],
      );
      if (inserted.length > 0) return 'reserved';
      const [owner] = await this.sql.query<{ bundle_id: string; stale: boolean }>(
        'SELECT bundle_id, reserved_at < now() - make_interval(secs => $2) AS stale FROM bundle_codes WHERE code = $1',
        [code, ORPHAN_AFTER_SECONDS],
      );
      if (!owner) continue; // released meanwhile
      if (owner.bundle_id === bundleId) return 'ours';
      if (!owner.stale || (await this.streamExists(owner.bundle_id))) return 'taken';
      const takenOver = await this.sql.query(
        'UPDATE bundle_codes SET bundle_id = $2, reserved_at = now() WHERE code = $1 AND bundle_id = $3 RETURNING code',
        [code, bundleId, owner.bundle_id],
      );
      if (takenOver.length > 0) return 'reserved';
    }
    return 'taken';
  }

  /** Gives the code back after a failed definition, unless the bundle's stream was written after all. */
  async release(code: string, bundleId: string): Promise<void> {
    if (await this.streamExists(bundleId)) return;
    await this.sql.query('DELETE FROM bundle_codes WHERE code = $1 AND bundle_id = $2', [code, bundleId]);
  }

  private async streamExists(bundleId: string): Promise<boolean> {
    return (await this.store.readStream(bundleStreamId(bundleId), { limit: 1 })).length > 0;
  }
}
