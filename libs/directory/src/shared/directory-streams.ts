/** A region's stream: `region-330683`; a department's: `department-scjg` (the ids as every other context carries them). */
export const REGION_STREAM_PREFIX = 'region-';
export const regionStreamId = (code: string): string => `${REGION_STREAM_PREFIX}${code}`;
export const DEPARTMENT_STREAM_PREFIX = 'department-';
export const departmentStreamId = (id: string): string => `${DEPARTMENT_STREAM_PREFIX}${id}`;

/** The directory read model's tables (version 1). */
export const REGIONS_TABLE = 'rm_directory_regions_v1';
export const DEPARTMENTS_TABLE = 'rm_directory_departments_v1';
