import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { matterStreamId } from '../matter-stream';

/** `reserved`: this call took the code; `ours`: it was already this matter's (a retry); `taken`: another matter's. */
export type CodeReservation = 'reserved' | 'ours' | 'taken';

/** A reservation older than this whose matter stream does not exist was orphaned by a crash. */
const ORPHAN_AFTER_SECONDS = 60;

/** The `matter_codes` table: who owns which matter code. */
@Injectable()
export class MatterCodeRegistry {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async reserve(code: string, matterId: string): Promise<CodeReservation> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await this.sql.query(
        'INSERT INTO matter_codes (code, matter_id) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING RETURNING code',
        [code, matterId],
      );
      if (inserted.length > 0) return 'reserved';
      const [owner] = await this.sql.query<{ matter_id: string; stale: boolean }>(
        `SELECT matter_id, reserved_at < now() - make_interval(secs => $2) AS stale FROM matter_codes WHERE code = $1`,
        [code, ORPHAN_AFTER_SECONDS],
      );
      if (!owner) continue; // released meanwhile: try again
      if (owner.matter_id === matterId) return 'ours';
      if (!owner.stale || (await this.streamExists(owner.matter_id))) return 'taken';
      const takenOver = await this.sql.query(
        'UPDATE matter_codes SET matter_id = $2, reserved_at = now() WHERE code = $1 AND matter_id = $3 RETURNING code',
        [code, matterId, owner.matter_id],
      );
      if (takenOver.length > 0) return 'reserved';
    }
    return 'taken';
  }

  /** Gives the code back after a failed registration, unless the matter's stream was written after all. */
  async release(code: string, matterId: string): Promise<void> {
    if (await this.streamExists(matterId)) return;
    await this.drop(code, matterId);
  }

  /** Gives back a code this matter reserved but does not use (a retry under a key answered by an earlier registration). */
  async drop(code: string, matterId: string): Promise<void> {
    await this.sql.query('DELETE FROM matter_codes WHERE code = $1 AND matter_id = $2', [code, matterId]);
  }

  private async streamExists(matterId: string): Promise<boolean> {
    return (await this.store.readStream(matterStreamId(matterId), { limit: 1 })).length > 0;
  }
}
