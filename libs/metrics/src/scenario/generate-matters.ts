import { type MatterElements, type MatterMaterial } from '@app/matters';
import { numeratorFor } from './exact-counts';
import { drawLimits, tuneCompression, type Limits } from './matter-limits';
import type { MatterTargets } from './matter-targets';
import { MATERIAL_NAMES, MATTER_KINDS } from './names';
import type { Rng } from './rng';
import type { MatterPlan } from './scenario-plan';
import { CROSS_CITY_PARTNER, type Department, type Region } from './shaoxing-city';
import { reviseOlder } from './matter-revisions';
import { toWorkingDays } from '@app/kernel';

interface Slot {
  index: number;
  region: Region;
  department: Department;
  lag: number;
}

/**
 * The catalogue: `targets.total` matters in force on the scenario date whose elements give the
 * targets exactly, plus retired and draft extras. Which matters lag is drawn with the regions'
 * and departments' `lag` weights, so regions and departments differ.
 */
export function generateMatters(
  rng: Rng,
  regions: readonly Region[],
  departments: readonly Department[],
  targets: MatterTargets,
): MatterPlan[] {
  const slots = regionSlots(rng, regions, departments, targets.total);
  const byLag = (slot: Slot) => slot.lag;
  const notMobile = new Set(rng.sample(slots, targets.total - targets.mobileOk, byLag));
  const rest = slots.filter((slot) => !notMobile.has(slot));
  const exemptMobile = new Set(rng.sample(rest, Math.round(targets.total * 0.005), byLag));
  const exemptOnline = new Set(rng.sample([...exemptMobile], Math.ceil(exemptMobile.size / 3)));
  const notZeroVisit = new Set(rng.sample(slots, targets.total - targets.zeroVisit, byLag));
  const promised = new Set(rng.sample(slots, targets.total - targets.instant, byLag));
  const crossCity = new Set(
    rng.sample(
      slots.filter((slot) => !exemptOnline.has(slot)),
      targets.crossCity,
    ),
  );

  const limits = slots.map((slot) => drawLimits(rng, !promised.has(slot)));
  if (targets.compression !== null) tuneCompression(rng, limits, targets.compression);
  const materials = slots.map(() => drawMaterials(rng));
  if (targets.electronic !== null) markPaperMaterials(rng, slots, materials, targets.electronic);

  const plans = slots.map((slot) => {
    const elements: MatterElements = {
      name: `${slot.department.name}${rng.pick(MATTER_KINDS)}（${slot.index + 1}）`,
      departmentId: slot.department.id,
      regionCode: slot.region.code,
      handlingType: limits[slot.index].instant ? 'instant' : 'promised',
      legalTimeLimit: limits[slot.index].legal,
      promisedTimeLimit: { value: limits[slot.index].promisedDays, unit: 'workday' },
      maxVisits: notZeroVisit.has(slot) ? rng.int(1, 2) : 0,
      channels: { online: !exemptOnline.has(slot), mobile: !notMobile.has(slot) && !exemptMobile.has(slot) },
      exemptions: {
        ...(exemptOnline.has(slot) && { online: { reason: '涉及国家秘密，不宜网上办理' } }),
        ...(exemptMobile.has(slot) && { mobile: { reason: '需现场核验实物，不宜掌上办理' } }),
      },
      materials: materials[slot.index],
      ...(crossCity.has(slot) && { crossCity: [CROSS_CITY_PARTNER] }),
    };
    return plan(slot, elements, rng);
  });
  for (const matter of rng.sample(plans, targets.revised)) reviseOlder(rng, matter);
  const steady = plans.filter((matter) => matter.revisions.length === 0);
  for (const matter of rng.sample(steady, targets.suspendedAndResumed)) suspendInSpring(rng, matter);
  const extras = regionSlots(rng, regions, departments, targets.retired + targets.drafts).map((slot, index) => {
    const limits: Limits = drawLimits(rng, true);
    const elements: MatterElements = {
      name: `${slot.department.name}${rng.pick(MATTER_KINDS)}（已调整${index + 1}）`,
      departmentId: slot.department.id,
      regionCode: slot.region.code,
      handlingType: 'instant',
      legalTimeLimit: limits.legal,
      promisedTimeLimit: { value: 0, unit: 'workday' },
      maxVisits: 1,
      channels: { online: true, mobile: false },
      exemptions: {},
      materials: drawMaterials(rng),
    };
    const extra = plan({ ...slot, index: targets.total + index }, elements, rng);
    if (index < targets.retired)
      extra.statusChanges.push({
        type: 'matter.retire',
        at: `2019-0${rng.int(5, 8)}-1${rng.int(0, 9)}T10:00:00+08:00`,
        reason: '事项合并，予以取消',
      });
    else extra.publish = null;
    return extra;
  });
  return [...plans, ...extras];
}

function regionSlots(rng: Rng, regions: readonly Region[], departments: readonly Department[], total: number): Slot[] {
  const all = regions.reduce((sum, region) => sum + region.matters, 0);
  const counts = regions.map((region) => Math.floor((region.matters * total) / all));
  for (let i = 0; counts.reduce((a, b) => a + b, 0) < total; i++) counts[i % counts.length] += 1;
  return regions
    .flatMap((region, r) =>
      Array.from({ length: counts[r] }, () => {
        const department = rng.weighted(departments, (d) => d.weight);
        return { region, department, lag: region.lag * department.lag };
      }),
    )
    .map((slot, index) => ({ ...slot, index }));
}

function drawMaterials(rng: Rng): MatterMaterial[] {
  const count = rng.weighted([1, 2, 3, 4, 5, 6, 7, 8], (n) => [2, 4, 6, 6, 4, 2, 1, 1][n - 1]);
  return rng.sample(MATERIAL_NAMES, count).map((name) => ({ name, electronic: true }));
}

/** Marks exactly as many materials paper-only as makes the electronic rate round to `target`. */
function markPaperMaterials(rng: Rng, slots: Slot[], materials: MatterMaterial[][], target: number): void {
  const total = materials.reduce((sum, list) => sum + list.length, 0);
  const electronic = numeratorFor(target, total);
  if (electronic === null) throw new RangeError(`electronic rate ${target}% cannot be hit over ${total} materials`);
  const owners = rng.sample(slots, total - electronic, (slot) => slot.lag);
  for (const slot of owners) materials[slot.index][0] = { ...materials[slot.index][0], electronic: false };
}

function plan(slot: Slot, elements: MatterElements, rng: Rng): MatterPlan {
  const day = String(rng.int(2, 20)).padStart(2, '0');
  return {
    key: `M${String(slot.index + 1).padStart(5, '0')}`,
    code: `${slot.region.code}-${slot.department.id}-${String(slot.index + 1).padStart(5, '0')}`,
    registerAt: `2018-12-${day}T09:30:00+08:00`,
    elements,
    publish: { at: `2018-12-${day}T15:00:00+08:00`, effectiveFrom: '2019-01-01' },
    revisions: [],
    statusChanges: [],
  };
}

function suspendInSpring(rng: Rng, matter: MatterPlan): void {
  const month = rng.int(3, 5);
  matter.statusChanges.push(
    { type: 'matter.suspend', at: `2019-0${month}-0${rng.int(1, 9)}T10:00:00+08:00`, reason: '系统升级改造，暂停受理' },
    { type: 'matter.resume', at: `2019-0${month}-2${rng.int(1, 8)}T10:00:00+08:00` },
  );
}

export const legalDays = (elements: MatterElements): number | null =>
  elements.legalTimeLimit ? toWorkingDays(elements.legalTimeLimit) : null;
