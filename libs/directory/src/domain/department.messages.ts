/** The department aggregate's messages: stable dotted names, `data` schema version 1, business time `at`. */

export interface DepartmentFacts {
  departmentId: string;
  name: string;
  shortName: string;
  regionCode: string;
}

/**
 * Registers a department or changes it: the API's `PUT /departments/{id}`. `regionKnown` is the
 * lookup the caller made (is `regionCode` a named region?): the domain reads nothing itself.
 */
export interface PutDepartment {
  type: 'department.put';
  data: DepartmentFacts & { regionKnown: boolean; at: string };
}
export type DepartmentCommand = PutDepartment;

export interface DepartmentRegistered {
  type: 'department.registered';
  data: DepartmentFacts & { at: string };
}
/** the department's facts after the change (all of them, so a reader needs no earlier event) */
export interface DepartmentChanged {
  type: 'department.changed';
  data: DepartmentFacts & { at: string };
}
export type DepartmentEvent = DepartmentRegistered | DepartmentChanged;

export const DEPARTMENT_EVENT_TYPES: readonly DepartmentEvent['type'][] = ['department.registered', 'department.changed'];
