import type { INestApplicationContext } from '@nestjs/common';
import { putDepartment, regions } from '@app/directory';
import { CommandExecutor, EVENT_STORE, type CommandContext } from '@app/event-store';
import { SHORT_NAMES } from './department-short-names';
import type { ScenarioPlan } from './scenario-plan';

/** The city's departments sit at 市本级 (the scenario's matters of every region name them by the same id). */
const CITY_LEVEL = (plan: ScenarioPlan) => plan.regions[0].code;

/**
 * The directory of the scenario's city, first: every region with its name, then every department
 * (name, 简称, 市本级) — through the one command path, each command under a deterministic
 * Idempotency-Key, so loading again appends nothing. Answers the last global position written.
 */
export async function loadDirectory(
  app: INestApplicationContext,
  plan: ScenarioPlan,
  context: (key: string, command: string, at: string) => CommandContext,
): Promise<number> {
  const commands = app.get(CommandExecutor, { strict: false });
  const store = app.get(EVENT_STORE, { strict: false });
  const at = [...plan.matters.map((matter) => matter.registerAt)].sort()[0] ?? `${plan.asOf}T09:00:00+08:00`;
  let position = 0;
  for (const { code, name } of plan.regions) {
    const result = await commands.execute(
      regions,
      code,
      { type: 'region.put', data: { code, name, at } },
      context(`region-${code}`, 'region.put', at),
    );
    position = Math.max(position, result.position);
  }
  for (const { id, name } of plan.departments) {
    const facts = { departmentId: id, name, shortName: SHORT_NAMES[id] ?? name, regionCode: CITY_LEVEL(plan) };
    const result = await putDepartment({ store, commands }, facts, context(`department-${id}`, 'department.put', at));
    position = Math.max(position, result.position);
  }
  return position;
}
