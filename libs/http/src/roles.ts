/** The roles of api.md ("Security"). */
export const ROLES = ['catalog_admin', 'window_staff', 'inspector', 'department_officer', 'assessor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who issues a request: taken from a verified bearer token, passed into every command. */
export interface Actor {
  userId: string;
  roles: Role[];
  departmentId?: string;
  regionCode?: string;
}
