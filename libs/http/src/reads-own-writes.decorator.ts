import { SetMetadata } from '@nestjs/common';

export const READS_OWN_WRITES = 'http:reads-own-writes';

/** The entities whose GET shows the caller's last command on them (api.md "Reading one's own writes"). */
export type OwnWritesKind =
  'matter' | 'application' | 'quality-issue' | 'red-card' | 'feedback-case' | 'subscription' | 'bundle' | 'bundle-application';

/**
 * On the GET of one entity (`:id`): before answering, wait (up to 5 s, then 503) until the read
 * model of that entity has processed the last event of its stream. `apps/api` maps the kind to
 * the stream and the projection.
 */
export const ReadsOwnWrites = (kind: OwnWritesKind) => SetMetadata(READS_OWN_WRITES, kind);
