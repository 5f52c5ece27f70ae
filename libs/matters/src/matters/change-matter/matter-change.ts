import { toBusinessDate } from '@app/kernel';
import type { CalendarDate } from '@app/kernel';
import type { MatterElements } from '../../domain/matter-elements';
import type { MatterCommand } from '../../domain/matter';

/** What a client asks of an existing matter (the body of publish, revisions, suspend, resume, retire). */
export type MatterChange =
  | { type: 'matter.publish'; effectiveFrom: CalendarDate }
  | { type: 'matter.revise'; changes: Partial<MatterElements>; effectiveFrom: CalendarDate }
  | { type: 'matter.suspend'; reason: string }
  | { type: 'matter.resume' }
  | { type: 'matter.retire'; reason: string };

/**
 * The domain command for a change at business time `at`. Suspend, resume and retire take effect
 * on the business date of `at` in the city's zone (the API does not take that date from clients).
 */
export function toMatterCommand(change: MatterChange, at: string, timeZone: string): MatterCommand {
  switch (change.type) {
    case 'matter.publish':
      return { type: change.type, data: { effectiveFrom: change.effectiveFrom, at } };
    case 'matter.revise':
      return { type: change.type, data: { changes: change.changes, effectiveFrom: change.effectiveFrom, at } };
    case 'matter.suspend':
    case 'matter.retire':
      return { type: change.type, data: { reason: change.reason, effectiveFrom: toBusinessDate(at, timeZone), at } };
    case 'matter.resume':
      return { type: change.type, data: { effectiveFrom: toBusinessDate(at, timeZone), at } };
  }
}
