import type { Aggregate, CommandContext, CommandExecutor, CommandResult, EventStore } from '@app/event-store';
import { departmentDecider, type DepartmentCommand, type DepartmentEvent, type DepartmentFacts, type DepartmentState } from '../domain';
import { isNamedRegion } from '../regions/region.aggregate';
import { departmentStreamId } from '../shared/directory-streams';

/** Departments on the one command path: `department-<id>` streams (admin only, by the routes). */
export const departments: Aggregate<DepartmentCommand, DepartmentEvent, DepartmentState> = {
  name: 'department',
  decider: departmentDecider,
  streamId: departmentStreamId,
  departmentOf: () => undefined,
};

/** `department.put` with its lookup (is the region named?) made first: what the route and the scenario both send. */
export async function putDepartment(
  deps: { store: EventStore; commands: CommandExecutor },
  facts: DepartmentFacts,
  context: CommandContext,
): Promise<CommandResult> {
  const regionKnown = typeof facts.regionCode === 'string' && (await isNamedRegion(deps.store, facts.regionCode));
  const command: DepartmentCommand = { type: 'department.put', data: { ...facts, regionKnown, at: context.at } };
  return deps.commands.execute(departments, facts.departmentId, command, context);
}
