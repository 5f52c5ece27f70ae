import { WORKING_DAYS_PER_UNIT, toWorkingDays } from '@app/kernel';
import type { DomainErrorDetail } from '@app/kernel';
import type { MatterElements, TimeLimit } from '../matter-elements';

/** The top-level element names, for revisions (`changes` may only name these). */
export const MATTER_ELEMENT_KEYS: readonly (keyof MatterElements)[] = [
  'name',
  'departmentId',
  'regionCode',
  'handlingType',
  'legalTimeLimit',
  'promisedTimeLimit',
  'maxVisits',
  'channels',
  'exemptions',
  'materials',
  'crossCity',
];

const EXEMPTION_KEYS = ['online', 'mobile', 'zeroVisit'];

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function checkLimit(problems: DomainErrorDetail[], field: string, limit: unknown): limit is TimeLimit {
  const candidate = limit as TimeLimit | null;
  if (typeof candidate !== 'object' || candidate === null || !Object.hasOwn(WORKING_DAYS_PER_UNIT, candidate.unit))
    problems.push({ field, message: 'must be {value, unit: workday|month|year}' });
  else if (!Number.isInteger(candidate.value) || candidate.value < 0)
    problems.push({ field: `${field}.value`, message: 'must be a whole number ≥ 0' });
  else return true;
  return false;
}

/**
 * The catalogue rules of a matter version (api.md, domain.md). Returns one problem per offending
 * field; empty when the elements are valid. Field names are those of the HTTP body.
 */
export function validateMatterElements(elements: MatterElements): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  const e = elements as Partial<Record<keyof MatterElements, unknown>>;
  for (const field of ['name', 'departmentId', 'regionCode'] as const)
    if (!isText(e[field])) problems.push({ field, message: 'must be a non-empty text' });
  if (e.handlingType !== 'instant' && e.handlingType !== 'promised')
    problems.push({ field: 'handlingType', message: 'must be instant or promised' });

  const promisedOk = checkLimit(problems, 'promisedTimeLimit', e.promisedTimeLimit);
  const legalOk = e.legalTimeLimit === null || checkLimit(problems, 'legalTimeLimit', e.legalTimeLimit);
  if (promisedOk) {
    const promised = toWorkingDays(elements.promisedTimeLimit);
    if (legalOk && elements.legalTimeLimit && promised > toWorkingDays(elements.legalTimeLimit))
      problems.push({
        field: 'promisedTimeLimit',
        message: `${promised} working days exceed the legal limit of ${toWorkingDays(elements.legalTimeLimit)}`,
      });
    if (e.handlingType === 'instant' && promised !== 0)
      problems.push({ field: 'promisedTimeLimit', message: 'an instant matter (即办件) has a promised limit of 0' });
    if (e.handlingType === 'promised' && promised === 0)
      problems.push({ field: 'handlingType', message: 'a promised limit of 0 makes the matter instant (即办件)' });
  }

  if (!Number.isInteger(e.maxVisits) || (e.maxVisits as number) < 0 || (e.maxVisits as number) > 9)
    problems.push({ field: 'maxVisits', message: 'must be a whole number from 0 to 9' });

  const channels = e.channels as MatterElements['channels'] | undefined;
  if (typeof channels !== 'object' || channels === null || typeof channels.online !== 'boolean' || typeof channels.mobile !== 'boolean')
    problems.push({ field: 'channels', message: 'must be {online: boolean, mobile: boolean}' });

  const exemptions = (e.exemptions ?? {}) as Record<string, { reason?: unknown } | undefined>;
  if (typeof exemptions !== 'object' || exemptions === null) problems.push({ field: 'exemptions', message: 'must be an object' });
  else
    for (const [key, exemption] of Object.entries(exemptions)) {
      if (!EXEMPTION_KEYS.includes(key))
        problems.push({ field: `exemptions.${key}`, message: 'is not an exemption (online, mobile, zeroVisit)' });
      else if (exemption !== undefined && !isText(exemption?.reason))
        problems.push({ field: `exemptions.${key}.reason`, message: 'an exemption needs a non-empty reason' });
    }

  if (!Array.isArray(e.materials)) problems.push({ field: 'materials', message: 'must be a list' });
  else
    e.materials.forEach((material: { name?: unknown; electronic?: unknown } | null, index: number) => {
      if (!isText(material?.name)) problems.push({ field: `materials[${index}].name`, message: 'must be a non-empty text' });
      if (typeof material?.electronic !== 'boolean')
        problems.push({ field: `materials[${index}].electronic`, message: 'must be a boolean' });
    });

  if (e.crossCity !== undefined && (!Array.isArray(e.crossCity) || !e.crossCity.every(isText)))
    problems.push({ field: 'crossCity', message: 'must be a list of non-empty texts' });
  return problems;
}
