/** Shared givens for the supervision unit specs (test-only). */
import type { ApplicationEvent, MatterSnapshot, PausePeriod } from '@app/matters';
import type { ApplicationSupervisionSnapshot } from './application-supervision-snapshot';

/** Shanghai business time on a given date, 10:00 by default */
export const on = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

/** accepted Fri 27 Sep 2019 on a 5-working-day matter: deadline Thu 10 Oct (Sun 29 Sep worked, 1–7 Oct off) */
export const snapshot = (overrides: Partial<ApplicationSupervisionSnapshot> = {}): ApplicationSupervisionSnapshot => ({
  applicationId: 'app-1',
  departmentId: 'dept-market',
  regionCode: '330602',
  acceptedOn: '2019-09-27',
  promisedWorkdays: 5,
  pauses: [],
  closedOn: null,
  closedAs: null,
  deferredMaterials: null,
  hasRedCard: false,
  ...overrides,
});

export const suspension = (from: string, to: string | null, detail = '等待外部核查'): PausePeriod => ({
  kind: 'suspension',
  detail,
  startedAt: on(from),
  endedAt: to === null ? null : on(to),
});

export const matter: MatterSnapshot = {
  code: 'SX-001',
  version: 1,
  handlingType: 'promised',
  promisedWorkdays: 5,
  departmentId: 'dept-market',
  regionCode: '330602',
  materials: ['申请书', '营业执照复印件'],
};

/** the application events up to acceptance on Fri 27 Sep, optionally 容缺受理 with materials due on `dueOn` */
export const acceptedApplication = (applicationId: string, dueOn?: string): ApplicationEvent[] => [
  {
    type: 'application.submitted',
    data: {
      applicationId,
      matterId: 'm-1',
      matter,
      channel: 'window',
      applicant: { kind: 'person', keyId: 'k', sealed: 'AbC=', idNumberMasked: '3306**********1234', nameMasked: '张*' },
      at: on('2019-09-26'),
    },
  },
  {
    type: 'application.accepted',
    data: {
      applicationId,
      channel: 'window',
      ...(dueOn ? { deferredMaterials: { items: ['营业执照复印件'], dueOn } } : {}),
      at: on('2019-09-27'),
    },
  },
];
