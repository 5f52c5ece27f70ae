import type { ApplicantInClear, ApplicationChannel, ApplicationCommand, MatterElements, SubmitApplication } from '@app/matters';
import type { Department, Region } from './shaoxing-city';

/**
 * A scenario as data: what the loader sends through the command handlers, in order per stream.
 * Keys (`M00001`, `A000001`, `Q0001`) link the plans; the loader maps them to the ids the
 * handlers return.
 */
export interface MatterPlan {
  key: string;
  code: string;
  registerAt: string;
  /** the elements registered (version 1) */
  elements: MatterElements;
  /** null: stays a draft */
  publish: { at: string; effectiveFrom: string } | null;
  revisions: { at: string; effectiveFrom: string; changes: Partial<MatterElements> }[];
  /** suspend / resume / retire, in order, after the revisions */
  statusChanges: ({ type: 'matter.suspend' | 'matter.retire'; at: string; reason: string } | { type: 'matter.resume'; at: string })[];
}

export type ApplicationStep = Exclude<ApplicationCommand, SubmitApplication>;

export interface ApplicationPlan {
  key: string;
  matterKey: string;
  channel: ApplicationChannel;
  applicant: ApplicantInClear;
  submitAt: string;
  steps: ApplicationStep[];
}

export type IssueStep =
  | { type: 'assign'; at: string }
  | { type: 'rectify'; at: string; note: string }
  | { type: 'verify'; at: string; passed: boolean; comment?: string }
  | { type: 'reopen'; at: string; reason: string };

export interface IssuePlan {
  key: string;
  matterKey: string;
  category: string;
  description: string;
  at: string;
  steps: IssueStep[];
}

export interface ScenarioPlan {
  name: string;
  asOf: string;
  regions: readonly Region[];
  departments: readonly Department[];
  matters: MatterPlan[];
  applications: ApplicationPlan[];
  issues: IssuePlan[];
  /** active supervision after the applications (the loader's supervision stage); absent: none */
  supervision?: SupervisionPlan;
}

/**
 * 效能监察 over the scenario's year: applications accepted 容缺 whose materials never come (returned
 * by the sweep), the sweep of every working day `from..through` in order, then a share of the red
 * cards explained and closed and of the 差评 cases contacted and rectified on time, as of `through`.
 */
export interface SupervisionPlan {
  from: string;
  through: string;
  neverBrought: ApplicationPlan[];
}
