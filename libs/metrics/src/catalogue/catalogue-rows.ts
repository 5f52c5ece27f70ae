import { type MatterElements } from '@app/matters';
import { toWorkingDays } from '@app/kernel';

/** A matter version flattened to the indicator inputs (the columns of a `rm_matter_in_force_v2` row but its period). */
export function versionRow(matterId: string, version: number, effectiveFrom: string, elements: MatterElements, code: string | null) {
  return {
    matter_id: matterId,
    version,
    effective_from: effectiveFrom,
    code,
    department_id: elements.departmentId,
    region_code: elements.regionCode,
    handling_type: elements.handlingType,
    legal_workdays: elements.legalTimeLimit ? toWorkingDays(elements.legalTimeLimit) : null,
    promised_workdays: toWorkingDays(elements.promisedTimeLimit),
    max_visits: elements.maxVisits,
    online: elements.channels.online,
    mobile: elements.channels.mobile,
    exempt_online: Boolean(elements.exemptions?.online),
    exempt_mobile: Boolean(elements.exemptions?.mobile),
    exempt_zero_visit: Boolean(elements.exemptions?.zeroVisit),
    materials_total: elements.materials.length,
    materials_electronic: elements.materials.filter((material) => material.electronic).length,
    cross_city: elements.crossCity ?? [],
  };
}

export const VERSION_COLUMNS = {
  matter_id: 'text',
  version: 'int',
  effective_from: 'date',
  code: 'text',
  department_id: 'text',
  region_code: 'text',
  handling_type: 'text',
  legal_workdays: 'int',
  promised_workdays: 'int',
  max_visits: 'smallint',
  online: 'boolean',
  mobile: 'boolean',
  exempt_online: 'boolean',
  exempt_mobile: 'boolean',
  exempt_zero_visit: 'boolean',
  materials_total: 'int',
  materials_electronic: 'int',
  cross_city: 'text[]',
};
