import { DomainError, businessCalendar } from '@app/kernel';
import type { CalendarDate, DomainErrorDetail } from '@app/kernel';
import type { AcceptApplication } from './application.commands';
import type { DeferredMaterials, SubmittedApplication } from './application.state';

/**
 * 容缺受理 limits (domain.md, Active supervision), in working days. Defaults only: the accept
 * command and the sweep's return command carry the configured values.
 */
export const DEFERRED_MATERIALS_LIMITS = {
  /** `deferredDueOn` when the acceptance gives none: this many working days after acceptance */
  dueWorkdays: 5,
  /** 退件 this many working days after the due date when still missing */
  returnAfterWorkdays: 15,
} as const;

/**
 * The `deferredMaterials` of an acceptance, checked against the application's matter version:
 * every name must be one of its materials (400 otherwise), and the due date must fall after the
 * day of acceptance and not after the deadline (400, api.md) — also when it is the default,
 * `deferredDueWorkdays` working days after acceptance: a matter with a shorter limit must be
 * given an earlier `deferredDueOn` explicitly rather than get a due date nobody chose.
 * Returns undefined for an ordinary acceptance.
 */
export function deferredMaterialsOfAcceptance(
  command: AcceptApplication,
  state: SubmittedApplication,
): { items: string[]; dueOn: CalendarDate } | undefined {
  const { deferredMaterials, deferredDueOn, deferredDueWorkdays, at } = command.data;
  if (deferredMaterials === undefined) return undefined;
  const known = state.matter.materials;
  const items = deferredMaterials.map((name) => name.trim());
  const unknown: DomainErrorDetail[] = items.flatMap((name, index) =>
    known?.includes(name)
      ? []
      : [{ field: `deferredMaterials[${index}]`, message: `not a material of matter ${state.matter.code}: ${name}` }],
  );
  if (!known) unknown.unshift({ field: 'deferredMaterials', message: `the application's matter version lists no materials` });
  if (unknown.length > 0) throw DomainError.invalid('invalid_command', unknown);

  const calendar = businessCalendar();
  const acceptedOn = calendar.businessDate(at);
  const deadline = calendar.addWorkingDays(acceptedOn, state.matter.promisedWorkdays);
  const dueOn = deferredDueOn ?? calendar.addWorkingDays(acceptedOn, deferredDueWorkdays ?? DEFERRED_MATERIALS_LIMITS.dueWorkdays);
  if (dueOn <= acceptedOn || dueOn > deadline)
    throw DomainError.invalid('invalid_command', [
      {
        field: 'deferredDueOn',
        message:
          dueOn > deadline
            ? `${dueOn}${deferredDueOn === undefined ? ' (the default)' : ''} is after the deadline ${deadline}`
            : `${dueOn} must be after the day of acceptance ${acceptedOn}`,
      },
    ]);
  return { items, dueOn };
}

/** The first business date the sweep suspends an application whose deferred materials are missing: the working day after `dueOn`. */
export const deferredSuspensionDate = (deferred: Pick<DeferredMaterials, 'dueOn'>): CalendarDate =>
  businessCalendar().addWorkingDays(deferred.dueOn, 1);

/** The business date of the return (退件): `afterWorkdays` working days after `dueOn`. */
export const deferredReturnDate = (deferred: Pick<DeferredMaterials, 'dueOn'>, afterWorkdays: number): CalendarDate =>
  businessCalendar().addWorkingDays(deferred.dueOn, afterWorkdays);
