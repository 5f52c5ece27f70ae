import type { Projection } from '@app/event-store';
import { assertNever } from '@app/kernel';
import { DEPARTMENT_EVENT_TYPES, REGION_EVENT_TYPES, type DepartmentEvent, type RegionEvent } from '../domain';
import { DEPARTMENTS_TABLE, REGIONS_TABLE } from '../shared/directory-streams';

export const DIRECTORY_PROJECTION = 'directory';

/**
 * One row per region and per department, each holding its latest facts. Upserts guarded by the
 * stream version, so a replayed batch changes nothing. (A handful of rows: one statement per event.)
 */
export const directoryProjection: Projection<RegionEvent | DepartmentEvent> = {
  name: DIRECTORY_PROJECTION,
  version: 1,
  handles: [...REGION_EVENT_TYPES, ...DEPARTMENT_EVENT_TYPES],
  async reset(tx) {
    await tx.query(`TRUNCATE ${REGIONS_TABLE}`);
    await tx.query(`TRUNCATE ${DEPARTMENTS_TABLE}`);
  },
  async apply(events, tx) {
    for (const event of events) {
      const { version, position } = event;
      switch (event.type) {
        case 'region.named':
        case 'region.renamed':
          await tx.query(
            `INSERT INTO ${REGIONS_TABLE} (code, name, version, position) VALUES ($1, $2, $3, $4)
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, version = excluded.version, position = excluded.position
             WHERE ${REGIONS_TABLE}.version < excluded.version`,
            [event.data.code, event.data.name, version, position],
          );
          break;
        case 'department.registered':
        case 'department.changed': {
          const { departmentId, name, shortName, regionCode } = event.data;
          await tx.query(
            `INSERT INTO ${DEPARTMENTS_TABLE} (department_id, name, short_name, region_code, version, position) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (department_id) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
               region_code = excluded.region_code, version = excluded.version, position = excluded.position
             WHERE ${DEPARTMENTS_TABLE}.version < excluded.version`,
            [departmentId, name, shortName, regionCode, version, position],
          );
          break;
        }
        default:
          assertNever(event, 'directory event');
      }
    }
  },
};
