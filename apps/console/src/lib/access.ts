import type { Role } from '../api/types';

/** A page of the console and the roles whose token may read what it shows (the API's function-authorization table). */
export interface ConsolePage {
  name: string;
  path: string;
  title: string;
  roles: readonly Role[];
}

export const PAGES: readonly ConsolePage[] = [
  { name: 'board', path: '/board', title: '晾晒台', roles: ['assessor', 'admin'] },
  { name: 'assessment', path: '/assessment', title: '考核', roles: ['assessor', 'admin'] },
  { name: 'workbench', path: '/workbench', title: '窗口工作台', roles: ['window_staff'] },
  { name: 'ledger', path: '/ledger', title: '问题台账', roles: ['assessor', 'inspector', 'admin'] },
  {
    name: 'supervision',
    path: '/supervision',
    title: '效能监察',
    roles: ['assessor', 'inspector', 'department_officer', 'window_staff', 'admin'],
  },
  { name: 'inspection', path: '/inspection', title: '质检', roles: ['inspector'] },
  { name: 'audit', path: '/audit', title: '审计', roles: ['admin'] },
];

export const ROLE_NAMES: Record<Role, string> = {
  catalog_admin: '事项管理员',
  window_staff: '窗口人员',
  inspector: '质检员',
  department_officer: '部门人员',
  assessor: '考核人员',
  admin: '系统管理员',
};

export const mayOpen = (page: Pick<ConsolePage, 'roles'>, roles: readonly Role[]): boolean =>
  roles.some((role) => page.roles.includes(role));

/** The menu: the pages the roles may open, in order. */
export const pagesFor = (roles: readonly Role[]): ConsolePage[] => PAGES.filter((page) => mayOpen(page, roles));
