import { assertNever, assertNoProblems, checkText, checkTimestamp, type Decider, type DomainErrorDetail } from '@app/kernel';
import { checkDepartmentId, checkRegionCode, NAME_MAX, SHORT_NAME_MAX } from './directory-codes';
import type { DepartmentCommand, DepartmentEvent, DepartmentFacts, PutDepartment } from './department.messages';

export type DepartmentState = { status: 'unknown' } | ({ status: 'registered' } & DepartmentFacts);

export const initialDepartmentState = (): DepartmentState => ({ status: 'unknown' });

export function evolveDepartment(_state: DepartmentState, event: DepartmentEvent): DepartmentState {
  switch (event.type) {
    case 'department.registered':
    case 'department.changed': {
      const { departmentId, name, shortName, regionCode } = event.data;
      return { status: 'registered', departmentId, name, shortName, regionCode };
    }
    default:
      return assertNever(event, 'department event');
  }
}

/** Registers an unknown department, changes a registered one; the same facts again change nothing (no event). */
export function decideDepartment(command: DepartmentCommand, state: DepartmentState): DepartmentEvent[] {
  assertNoProblems('invalid_command', problemsOf(command));
  const { departmentId, regionCode, at } = command.data;
  const facts: DepartmentFacts = { departmentId, name: command.data.name.trim(), shortName: command.data.shortName.trim(), regionCode };
  if (state.status === 'unknown') return [{ type: 'department.registered', data: { ...facts, at } }];
  if (state.name === facts.name && state.shortName === facts.shortName && state.regionCode === facts.regionCode) return [];
  return [{ type: 'department.changed', data: { ...facts, at } }];
}

function problemsOf({ data }: PutDepartment): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  checkDepartmentId(problems, 'departmentId', data.departmentId);
  checkText(problems, 'name', data.name, NAME_MAX);
  checkText(problems, 'shortName', data.shortName, SHORT_NAME_MAX);
  checkRegionCode(problems, 'regionCode', data.regionCode);
  if (problems.every((problem) => problem.field !== 'regionCode') && data.regionKnown !== true)
    problems.push({ field: 'regionCode', message: `names no region of the directory: PUT /regions/${data.regionCode} first` });
  checkTimestamp(problems, 'at', data.at);
  return problems;
}

/** A department: its id (the one every other context carries), name, short name and region. */
export const departmentDecider: Decider<DepartmentCommand, DepartmentEvent, DepartmentState> = {
  initialState: initialDepartmentState,
  evolve: evolveDepartment,
  decide: decideDepartment,
};
