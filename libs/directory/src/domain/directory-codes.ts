import type { DomainErrorDetail } from '@app/kernel';

/** 行政区划代码: six digits (GB/T 2260), e.g. `330683` 嵊州市. */
export const REGION_CODE_PATTERN = /^\d{6}$/;
/** A department id as the other contexts carry it: `scjg`, `dept-market` — lower-case letters, digits and dashes. */
export const DEPARTMENT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const NAME_MAX = 100;
export const SHORT_NAME_MAX = 30;

export const isRegionCode = (value: unknown): value is string => typeof value === 'string' && REGION_CODE_PATTERN.test(value);
export const isDepartmentId = (value: unknown): value is string => typeof value === 'string' && DEPARTMENT_ID_PATTERN.test(value);

export function checkRegionCode(problems: DomainErrorDetail[], field: string, value: unknown): void {
  if (!isRegionCode(value)) problems.push({ field, message: 'must be a six-digit administrative division code (行政区划代码)' });
}

export function checkDepartmentId(problems: DomainErrorDetail[], field: string, value: unknown): void {
  if (!isDepartmentId(value)) problems.push({ field, message: `must match ${DEPARTMENT_ID_PATTERN.source}` });
}
