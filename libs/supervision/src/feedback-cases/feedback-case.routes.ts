import type { Role } from '@app/http';

export const FEEDBACK_CASE_NOT_FOUND = 'unknown feedback case, or one of another department';

/** Who reads cases (admin always): the supervisors everywhere, the departments their own. */
export const FEEDBACK_CASE_READERS: Role[] = ['assessor', 'inspector', 'window_staff', 'department_officer'];

/** Who handles a case (回访, 整改): its department's window staff or officers (admin always). */
export const FEEDBACK_CASE_HANDLERS: Role[] = ['window_staff', 'department_officer'];
