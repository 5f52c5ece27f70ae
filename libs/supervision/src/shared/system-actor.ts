import type { CommandContext } from '@app/event-store';

/**
 * The actor of what time alone causes (the daily sweep): no person, no department (so every
 * department's streams are in its scope), the role `system`. Its commands go through the one
 * command path like any other and are audited under this user id.
 */
export const SYSTEM_ROLE = 'system';
export const SWEEP_ACTOR: CommandContext['actor'] = { userId: 'system:supervision-sweep', roles: [SYSTEM_ROLE] };
