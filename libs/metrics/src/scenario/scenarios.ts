import { generateApplications } from './generate-applications';
import { generateIssues } from './generate-issues';
import { generateMatters } from './generate-matters';
import { SHAOXING_2019_MATTERS, type MatterTargets } from './matter-targets';
import { Rng } from './rng';
import type { ScenarioPlan } from './scenario-plan';
import { DEPARTMENTS, REGIONS } from './shaoxing-city';
import { deferSomeAcceptances, neverBroughtMaterials } from './supervision-plan';
import { WorkingDayCalendar } from '@app/kernel';

/** The seed's figures the 2019 scenario reproduces as of 31 October (domain.md). */
export const SHAOXING_2019_EXPECTED = {
  asOf: '2019-10-31',
  rates: {
    onlineAvailability: 100,
    mobileAvailability: 99.37,
    zeroVisitRate: 99.84,
    instantRate: 92.61,
    timeLimitCompression: 98.08,
    electronicMaterialRate: 99.81,
    onlineAcceptanceRate: 81.38,
  },
  ledger: { found: 1329, closed: 1205, open: 124 },
} as const;

const SEED = 20191031;

/**
 * 绍兴 2019: 7 regions, 47 departments, 6334 matters in force on 31 October giving the seed's
 * catalogue indicators, `applications` applications through 1 Jan – 31 Oct with 网上受理率 81.38%,
 * 1329 quality issues (1205 closed, 124 open). Deterministic: the same N gives the same city.
 */
export function shaoxing2019(applications = 100_000, calendar = new WorkingDayCalendar()): ScenarioPlan {
  const rng = new Rng(SEED);
  const asOf = SHAOXING_2019_EXPECTED.asOf;
  const matters = generateMatters(rng, REGIONS, DEPARTMENTS, SHAOXING_2019_MATTERS);
  const issues = generateIssues(new Rng(SEED + 1), calendar, matters, REGIONS, DEPARTMENTS, { found: 1329, closed: 1205, asOf });
  const apps = generateApplications(new Rng(SEED + 2), calendar, matters, REGIONS, DEPARTMENTS, {
    count: applications,
    from: '2019-01-02',
    asOf,
    onlineAcceptance: SHAOXING_2019_EXPECTED.rates.onlineAcceptanceRate,
  });
  const supervisionRng = new Rng(SEED + 3);
  deferSomeAcceptances(supervisionRng, calendar, apps, matters, 0.5);
  const supervision = {
    from: '2019-01-02',
    through: '2019-12-31',
    neverBrought: neverBroughtMaterials(supervisionRng, calendar, matters, 6, '2019-11-04'),
  };
  return { name: 'shaoxing-2019', asOf, regions: REGIONS, departments: DEPARTMENTS, matters, applications: apps, issues, supervision };
}

/** A small random city for cross-checks: no exact targets, everything drawn from `seed`. */
export function randomScenario(
  seed: number,
  size: { matters: number; applications: number; issues: number },
  calendar = new WorkingDayCalendar(),
): ScenarioPlan {
  const rng = new Rng(seed);
  const share = (fraction: number) => Math.round(size.matters * fraction);
  const targets: MatterTargets = {
    total: size.matters,
    mobileOk: size.matters - share(rng.next() * 0.2),
    zeroVisit: size.matters - share(rng.next() * 0.2),
    instant: size.matters - share(0.05 + rng.next() * 0.3),
    compression: null,
    electronic: null,
    crossCity: share(0.05),
    revised: share(0.2),
    suspendedAndResumed: share(0.05),
    retired: share(0.05),
    drafts: share(0.03),
  };
  const asOf = SHAOXING_2019_EXPECTED.asOf;
  const matters = generateMatters(rng, REGIONS, DEPARTMENTS, targets);
  const issues = generateIssues(rng, calendar, matters, REGIONS, DEPARTMENTS, {
    found: size.issues,
    closed: Math.floor(size.issues * 0.8),
    asOf,
  });
  const applications = generateApplications(rng, calendar, matters, REGIONS, DEPARTMENTS, {
    count: size.applications,
    from: '2019-01-02',
    asOf,
    onlineAcceptance: null,
  });
  return { name: `random-${seed}`, asOf, regions: REGIONS, departments: DEPARTMENTS, matters, applications, issues };
}
