import type { MatterEntity } from './matter.entity';
import type { MatterDetailDto, MatterSummaryDto } from './matter-view.dtos';

export function toMatterSummary(row: MatterEntity): MatterSummaryDto {
  return {
    id: row.matterId,
    code: row.code,
    name: row.name,
    departmentId: row.departmentId,
    regionCode: row.regionCode,
    status: row.status,
    handlingType: row.elements.handlingType,
    version: row.streamVersion,
    catalogueVersion: row.catalogueVersion,
    effectiveFrom: row.effectiveFrom,
  };
}

export function toMatterDetail(row: MatterEntity): MatterDetailDto {
  const { legalTimeLimit, promisedTimeLimit, maxVisits, channels, exemptions, materials, crossCity } = row.elements;
  return {
    ...toMatterSummary(row),
    statusReason: row.statusReason,
    legalTimeLimit,
    promisedTimeLimit,
    maxVisits,
    channels,
    exemptions,
    materials,
    ...(crossCity && { crossCity }),
    versions: row.versions,
    statusPeriods: row.statusPeriods,
    registeredAt: row.registeredAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
