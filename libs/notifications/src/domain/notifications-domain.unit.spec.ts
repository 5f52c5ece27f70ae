import { DeciderSpecification } from '@event-driven-io/emmett';
import { DomainError } from '@app/kernel';
import { hostAllowed, parseAllowedHosts } from './allowed-hosts';
import { DEFAULT_RETRY_SCHEDULE, giveUpAtFor, nextAttemptAt } from './retry-schedule';
import { subscriptionDecider } from './subscription.decider';
import type { SubscriptionCommand } from './subscription.commands';
import type { SubscriptionEvent } from './subscription.events';
import { isTypePattern, matchesAny, matchesType } from './type-pattern';
import { withoutPersonalData } from './without-personal-data';

const given = DeciderSpecification.for(subscriptionDecider);
const at = '2026-12-02T09:00:00+08:00';
const subscriptionId = '9a7a4b8e-3c1d-4f6e-8a2b-1c3d5e7f9a0b';
const create = (data: Partial<Extract<SubscriptionCommand, { type: 'subscription.create' }>['data']> = {}): SubscriptionCommand => ({
  type: 'subscription.create',
  data: { subscriptionId, url: 'https://zzd.example.gov.cn/hooks', types: ['red-card.*'], at, ...data },
});
const created: SubscriptionEvent = {
  type: 'subscription.created',
  data: { subscriptionId, url: 'https://zzd.example.gov.cn/hooks', types: ['red-card.*'], departmentId: null, at },
};
const refused = (code: string, field?: string) => (error: DomainError) =>
  error instanceof DomainError && error.code === code && (field === undefined || error.details.some((detail) => detail.field === field));

describe('subscription decider', () => {
  it('creates once, with or without a department', () => {
    // (emmett's event comparison does not take a null field: compared here as plain values)
    expect(subscriptionDecider.decide(create(), subscriptionDecider.initialState())).toEqual([created]);
    given([])
      .when(create({ departmentId: 'dept-market' }))
      .then([{ ...created, data: { ...created.data, departmentId: 'dept-market' } } as SubscriptionEvent]);
    given([created]).when(create()).thenThrows(refused('already_exists'));
  });

  it('refuses receivers that are not http(s) URLs, credentials in the URL, and bad or repeated patterns', () => {
    for (const url of ['ftp://x.example/hooks', '/relative', 'https://user:secret@x.example/hooks'])
      given([]).when(create({ url })).thenThrows(refused('invalid_command', 'url'));
    for (const types of [[], ['RED CARD'], ['red-card.*', 'red-card.*'], ['*.issued'], ['red-card']])
      given([]).when(create({ types })).thenThrows(refused('invalid_command', 'types'));
  });

  it('deletes once; a deleted subscription retries nothing', () => {
    const deleted: SubscriptionEvent = { type: 'subscription.deleted', data: { subscriptionId, at } };
    given([created]).when({ type: 'subscription.delete', data: { at } }).then([deleted]);
    given([created, deleted]).when({ type: 'subscription.delete', data: { at } }).thenThrows(refused('illegal_transition'));
    given([]).when({ type: 'subscription.delete', data: { at } }).thenThrows(refused('not_found'));
    given([created, deleted])
      .when({ type: 'subscription.retry_delivery', data: { deliveryId: 'd-1', at } })
      .thenThrows(refused('illegal_transition'));
    given([created])
      .when({ type: 'subscription.retry_delivery', data: { deliveryId: 'd-1', at } })
      .then([{ type: 'subscription.delivery_retried', data: { subscriptionId, deliveryId: 'd-1', at } }]);
  });
});

describe('type patterns', () => {
  it('match a type, a prefix of whole segments, or everything', () => {
    expect(matchesType('application.accepted', 'application.accepted')).toBe(true);
    expect(matchesType('application.accepted', 'application.accepted_late')).toBe(false);
    expect(matchesType('application.*', 'application.accepted')).toBe(true);
    expect(matchesType('application.*', 'applications.accepted')).toBe(false);
    expect(matchesType('*', 'notice.daily')).toBe(true);
    expect(matchesAny(['red-card.*', 'notice.daily'], 'notice.daily')).toBe(true);
    expect(['*', 'a.b', 'a.*', 'a.b.*', 'red-card.issued'].every(isTypePattern)).toBe(true);
    expect(['', '.*', 'a', 'a.', '**', 'a.*.b', 'A.b'].some(isTypePattern)).toBe(false);
  });
});

describe('allowed hosts', () => {
  it('allow any host with *, else the names, .suffixes and addresses listed', () => {
    const allowed = parseAllowedHosts(' zzd.example.gov.cn, .zj.gov.cn ,10.20.0.5,[::1]');
    expect(hostAllowed('https://x.example/hooks', parseAllowedHosts('*'))).toBe(true);
    expect(hostAllowed('https://zzd.example.gov.cn/hooks', allowed)).toBe(true);
    expect(hostAllowed('https://api.zj.gov.cn:8443/hooks', allowed)).toBe(true);
    expect(hostAllowed('https://zj.gov.cn/hooks', allowed)).toBe(false);
    expect(hostAllowed('https://evilzj.gov.cn/hooks', allowed)).toBe(false);
    expect(hostAllowed('http://10.20.0.5/hooks', allowed)).toBe(true);
    expect(hostAllowed('http://[::1]:9/hooks', allowed)).toBe(true);
    expect(hostAllowed('http://169.254.169.254/latest', allowed)).toBe(false);
    expect(hostAllowed('http://127.0.0.1/hooks', parseAllowedHosts(''))).toBe(false);
  });
});

describe('retry schedule', () => {
  const start = new Date('2026-12-02T00:00:00Z');
  const giveUp = giveUpAtFor(DEFAULT_RETRY_SCHEDULE, start);
  const waitAfter = (failures: number) => nextAttemptAt(DEFAULT_RETRY_SCHEDULE, failures, start, giveUp)!.getTime() - start.getTime();

  it('waits 1 s, doubling, each wait capped at 10 minutes', () => {
    expect([1, 2, 3, 4, 10, 11, 30].map(waitAfter)).toEqual([1000, 2000, 4000, 8000, 512_000, 600_000, 600_000]);
  });

  it('gives up once the next attempt would be past 24 h from the first', () => {
    expect(giveUp.toISOString()).toBe('2026-12-03T00:00:00.000Z');
    const late = new Date(giveUp.getTime() - 500);
    expect(nextAttemptAt(DEFAULT_RETRY_SCHEDULE, 1, late, giveUp)).toBeNull();
  });
});

describe('personal data in a delivery', () => {
  it('keeps an applicant’s kind and masks only, and drops id numbers anywhere', () => {
    const data = {
      applicationId: 'a-1',
      applicant: { kind: 'person', keyId: 'k-1', sealed: 'AQID…', nameMasked: '张*丰', idNumberMasked: '3306**********1234' },
      contact: { idNumber: '330602199001011234', note: '电话回访' },
      items: [{ idNumber: 'x', name: '申请书' }],
    };
    expect(withoutPersonalData(data)).toEqual({
      applicationId: 'a-1',
      applicant: { kind: 'person', nameMasked: '张*丰', idNumberMasked: '3306**********1234' },
      contact: { note: '电话回访' },
      items: [{ name: '申请书' }],
    });
  });
});
