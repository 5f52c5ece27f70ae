import { toWorkingDays } from '@app/kernel';
import type { DomainErrorDetail } from '@app/kernel';
import type { HandlingType } from '../matter-elements';
import type { MatterVersion } from '../matter/matter-history';

/**
 * What an application keeps of its matter: the version in force when it was submitted, enough to
 * compute its deadline and to scope it (department, region) without reading the matter again.
 */
export interface MatterSnapshot {
  code: string;
  version: number;
  handlingType: HandlingType;
  /** the promised limit of that version in working days (0 for instant matters) */
  promisedWorkdays: number;
  departmentId: string;
  regionCode: string;
  /**
   * the names of that version's materials (申请材料), for 容缺受理: the materials an acceptance may
   * defer are named from this list. Absent in snapshots recorded before 容缺受理 existed.
   */
  materials?: string[];
}

/** The snapshot of a catalogue version; the handler passes `versionInForce(history, businessDate(at))` here. */
export function toMatterSnapshot(code: string, version: MatterVersion): MatterSnapshot {
  const { elements } = version;
  return {
    code,
    version: version.version,
    handlingType: elements.handlingType,
    promisedWorkdays: toWorkingDays(elements.promisedTimeLimit),
    departmentId: elements.departmentId,
    regionCode: elements.regionCode,
    materials: elements.materials.map((material) => material.name),
  };
}

export function checkMatterSnapshot(problems: DomainErrorDetail[], snapshot: MatterSnapshot): void {
  const { promisedWorkdays: days, handlingType } = snapshot;
  if (!Number.isInteger(days) || days < 0) problems.push({ field: 'matter.promisedWorkdays', message: 'must be a whole number ≥ 0' });
  else if ((handlingType === 'instant') !== (days === 0))
    problems.push({ field: 'matter.handlingType', message: 'instant exactly when the promised limit is 0' });
  for (const field of ['code', 'departmentId', 'regionCode'] as const)
    if (typeof snapshot[field] !== 'string' || snapshot[field].trim() === '')
      problems.push({ field: `matter.${field}`, message: 'must be a non-empty text' });
  if (
    snapshot.materials !== undefined &&
    (!Array.isArray(snapshot.materials) || snapshot.materials.some((name) => typeof name !== 'string'))
  )
    problems.push({ field: 'matter.materials', message: 'must list the material names' });
}
