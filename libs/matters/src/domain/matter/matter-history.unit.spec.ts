import type { MatterElements } from '../matter-elements';
import { MatterHistory, matterStatusOn, versionInForce } from './matter-history';

const elements = (maxVisits: number) => ({ maxVisits }) as MatterElements;

const history: MatterHistory = {
  versions: [
    { version: 1, effectiveFrom: '2019-03-01', elements: elements(1) },
    { version: 2, effectiveFrom: '2019-07-01', elements: elements(0) },
    { version: 3, effectiveFrom: '2019-07-01', elements: elements(2) },
    { version: 4, effectiveFrom: '2020-01-01', elements: elements(3) },
  ],
  statusPeriods: [
    { status: 'published', from: '2019-03-01' },
    { status: 'suspended', from: '2019-08-01', reason: 'review' },
    { status: 'published', from: '2019-08-15' },
    { status: 'retired', from: '2020-06-01', reason: 'abolished' },
  ],
};

describe('versionInForce', () => {
  it.each([
    ['2019-02-28', null],
    ['2019-03-01', 1],
    ['2019-06-30', 1],
    ['2019-07-01', 3], // same effective date: the higher version wins
    ['2019-07-31', 3],
    ['2019-08-01', null], // suspended
    ['2019-08-14', null],
    ['2019-08-15', 3],
    ['2020-01-01', 4],
    ['2020-05-31', 4],
    ['2020-06-01', null], // retired
  ])('on %s is version %p', (date, expected) => {
    expect(versionInForce(history, date)?.version ?? null).toBe(expected);
  });

  it('is null for a matter published with an effective date still to come', () => {
    const future: MatterHistory = {
      versions: [{ version: 1, effectiveFrom: '2019-12-01', elements: elements(0) }],
      statusPeriods: [{ status: 'published', from: '2019-12-01' }],
    };
    expect(versionInForce(future, '2019-11-30')).toBeNull();
    expect(matterStatusOn(future, '2019-11-30')).toBe('draft');
  });

  it('is null for a draft', () => {
    expect(versionInForce({ versions: [], statusPeriods: [] }, '2019-11-30')).toBeNull();
  });

  it('lets a same-day resume override the suspension recorded before it', () => {
    const sameDay: MatterHistory = {
      versions: history.versions.slice(0, 1),
      statusPeriods: [
        { status: 'published', from: '2019-03-01' },
        { status: 'suspended', from: '2019-05-01' },
        { status: 'published', from: '2019-05-01' },
      ],
    };
    expect(matterStatusOn(sameDay, '2019-05-01')).toBe('published');
  });
});
