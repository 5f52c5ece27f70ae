/** Who issues a command: user id, roles and (for department officers) the department they act for. */

export type Role = 'inspector' | 'department_officer' | 'assessor' | 'admin';

export interface Actor {
  userId: string;
  roles: readonly Role[];
  /** the caller's department, if any (department officers act only for it) */
  departmentId?: string | null;
}
