import type { MatterRecord } from './matter.queries';
import type { MatterDetailDto, MatterSummaryDto } from './matter-view.dtos';

export function toMatterSummary(row: MatterRecord): MatterSummaryDto {
  return {
    id: row.matter_id,
    code: row.code,
    name: row.name,
    departmentId: row.department_id,
    regionCode: row.region_code,
    status: row.status,
    handlingType: row.elements.handlingType,
    version: row.stream_version,
    catalogueVersion: row.catalogue_version,
    effectiveFrom: row.effective_from,
  };
}

export function toMatterDetail(row: MatterRecord): MatterDetailDto {
  const { legalTimeLimit, promisedTimeLimit, maxVisits, channels, exemptions, materials, crossCity } = row.elements;
  return {
    ...toMatterSummary(row),
    statusReason: row.status_reason,
    legalTimeLimit,
    promisedTimeLimit,
    maxVisits,
    channels,
    exemptions,
    materials,
    ...(crossCity && { crossCity }),
    versions: row.versions,
    statusPeriods: row.status_periods,
    registeredAt: new Date(row.registered_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
