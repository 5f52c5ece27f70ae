import { findingsToLog } from './findings-to-log';
import type { Finding } from './rules';

const visits: Finding = { rule: 'visits.without-reason', category: 'visits_without_reason', description: '跑动无理由' };
const materials: Finding = { rule: 'materials.unnamed', category: 'materials_unclear', description: '材料无名称' };

describe('findingsToLog (idempotent logging)', () => {
  it('logs every finding on a matter without open issues', () => {
    expect(findingsToLog([visits, materials], [])).toEqual([visits, materials]);
  });

  it('drops a rule that is already open on the matter', () => {
    expect(findingsToLog([visits, materials], [{ rule: 'visits.without-reason' }])).toEqual([materials]);
  });

  it('is idempotent: running the check again after logging logs nothing', () => {
    const first = findingsToLog([visits, materials], []);
    const openAfterFirstRun = first.map((f) => ({ rule: f.rule }));
    expect(findingsToLog([visits, materials], openAfterFirstRun)).toEqual([]);
  });

  it('manual issues (no rule) do not block automated findings', () => {
    expect(findingsToLog([visits], [{ rule: null }, {}])).toEqual([visits]);
  });

  it('logs a rule only once even if it appears twice in the findings', () => {
    expect(findingsToLog([visits, visits], [])).toEqual([visits]);
  });
});
