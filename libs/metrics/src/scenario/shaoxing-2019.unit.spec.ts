import { toWorkingDays } from '@app/kernel';
import { percentRate } from '../indicators/rate';
import { denominatorFor } from './exact-counts';
import { elementsOn } from './matter-revisions';
import { SHAOXING_2019_EXPECTED, shaoxing2019 } from './scenarios';

describe('the 2019 scenario generator', () => {
  const plan = shaoxing2019(1000);
  const inForce = plan.matters
    .filter((m) => m.publish && !m.statusChanges.some((c) => c.type === 'matter.retire'))
    .map((m) => elementsOn(m, '2019-10-31'));

  it('plans 6334 matters in force, 47 departments, 7 regions, 47 with Hangzhou', () => {
    expect(inForce).toHaveLength(6334);
    expect(new Set(inForce.map((e) => e.departmentId)).size).toBe(47);
    expect(new Set(inForce.map((e) => e.regionCode)).size).toBe(7);
    expect(inForce.filter((e) => e.crossCity?.includes('hangzhou'))).toHaveLength(47);
  });

  it('gives the seed catalogue figures exactly', () => {
    const count = (test: (e: (typeof inForce)[number]) => boolean) => inForce.filter(test).length;
    expect(count((e) => e.channels.mobile || Boolean(e.exemptions.mobile))).toBe(6294);
    expect(count((e) => e.maxVisits === 0)).toBe(6324);
    expect(count((e) => e.handlingType === 'instant')).toBe(5866);
    const timed = inForce.filter((e) => e.legalTimeLimit);
    const legal = timed.reduce((s, e) => s + toWorkingDays(e.legalTimeLimit!), 0);
    const promised = timed.reduce((s, e) => s + toWorkingDays(e.promisedTimeLimit), 0);
    expect(percentRate(legal - promised, legal)).toBe(98.08);
    const materials = inForce.flatMap((e) => e.materials);
    expect(percentRate(materials.filter((m) => m.electronic).length, materials.length)).toBe(99.81);
  });

  it('plans 1329 issues on distinct matters, 1205 closed', () => {
    expect(plan.issues).toHaveLength(1329);
    expect(new Set(plan.issues.map((i) => i.matterKey)).size).toBe(1329);
    const closed = plan.issues.filter((i) => i.steps.at(-1)?.type === 'verify' && (i.steps.at(-1) as { passed: boolean }).passed);
    expect(closed).toHaveLength(SHAOXING_2019_EXPECTED.ledger.closed);
    expect(plan.issues.some((i) => i.steps.some((s) => s.type === 'verify' && !s.passed) && closed.includes(i))).toBe(true);
  });

  it.each([1000, 1001, 2000, 4321])('hits 网上受理率 81.38%% with %i applications', (n) => {
    const apps = shaoxing2019(n).applications.filter((a) => a.steps.some((s) => s.type === 'application.accept'));
    expect(percentRate(apps.filter((a) => a.channel !== 'window').length, apps.length)).toBe(81.38);
  });

  it('accepts half of the applications with a time limit 容缺 whose materials come at once, and six more in November whose materials never come', () => {
    const deferred = plan.applications.filter((a) => a.steps.some((s) => s.type === 'application.accept' && s.data.deferredMaterials));
    expect(deferred.length).toBeGreaterThan(10);
    for (const application of deferred) {
      const index = application.steps.findIndex((s) => s.type === 'application.accept');
      const [accept, receipt] = application.steps.slice(index, index + 2) as {
        type: string;
        data: { at: string; deferredDueOn?: string };
      }[];
      expect(receipt).toEqual({ type: 'application.receive_deferred_materials', data: { at: accept.data.at } });
      expect(accept.data.deferredDueOn! > accept.data.at.slice(0, 10)).toBe(true);
    }
    const { neverBrought, from, through } = plan.supervision!;
    expect([from, through]).toEqual(['2019-01-02', '2019-12-31']);
    expect(neverBrought).toHaveLength(6);
    for (const application of neverBrought) {
      expect(application.submitAt > '2019-11').toBe(true);
      expect(application.steps).toEqual([
        { type: 'application.accept', data: { at: expect.any(String), deferredMaterials: [expect.any(String)] } },
      ]);
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(shaoxing2019(300))).toBe(JSON.stringify(shaoxing2019(300)));
  });

  it('finds a denominator that can give a rate', () => {
    expect(denominatorFor(81.38, 965, 990).numerator / denominatorFor(81.38, 965, 990).denominator).toBeCloseTo(0.8138, 3);
  });
});
