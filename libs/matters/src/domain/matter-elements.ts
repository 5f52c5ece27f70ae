/** The catalogue elements of one version of a service matter (政务服务事项) — what the indicators are computed from. */

import type { TimeLimit } from '@app/kernel';

export type { TimeLimit, TimeUnit } from '@app/kernel';

export type HandlingType = 'instant' | 'promised';

export interface Exemption {
  reason: string;
}

export interface MatterMaterial {
  name: string;
  electronic: boolean;
}

export interface MatterElements {
  name: string;
  departmentId: string;
  regionCode: string;
  handlingType: HandlingType;
  /** 法定办结时限; null where the law sets none */
  legalTimeLimit: TimeLimit | null;
  /** 承诺办结时限; value 0 for instant matters */
  promisedTimeLimit: TimeLimit;
  /** 到办事现场次数, 0..9 */
  maxVisits: number;
  channels: { online: boolean; mobile: boolean };
  exemptions: { online?: Exemption; mobile?: Exemption; zeroVisit?: Exemption };
  materials: MatterMaterial[];
  /** also handled for/with another city (跨城通办), e.g. 'hangzhou' */
  crossCity?: string[];
}
