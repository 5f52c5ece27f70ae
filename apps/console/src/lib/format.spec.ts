import { describe, expect, it } from 'vitest';
import { cityToday, formatDate, formatFigure, formatFraction, formatRate } from './format';
import { boardQuery } from './board-query';
import { groupCode, groupLabel } from './groups';
import { pagesFor } from './access';
import { problemMessage } from '../api/problem';

describe('figures, dates and names', () => {
  it('every rate with its fraction; nothing to measure said in words', () => {
    expect(formatRate(99.37)).toBe('99.37%');
    expect(formatFraction(6294, 6334)).toBe('6,294 / 6,334');
    expect(formatFigure({ numerator: 0, denominator: 0, rate: null })).toBe('无可计（0 / 0）');
  });

  it("today is the city's date (Asia/Shanghai), not the browser's", () => {
    expect(cityToday(new Date('2019-10-31T16:30:00Z'))).toBe('2019-11-01');
    expect(cityToday(new Date('2019-10-31T15:59:59Z'))).toBe('2019-10-31');
    expect(formatDate('2019-01-05')).toBe('2019年1月5日');
  });

  it('shows a name where the directory gives one, else the code', () => {
    expect(groupLabel({ rank: 1, regionCode: '330602', regionName: '越城区', numerator: 0, denominator: 0, rate: null }, 'region')).toBe(
      '越城区',
    );
    expect(groupCode({ rank: 1, regionCode: '330602', regionName: '越城区', numerator: 0, denominator: 0, rate: null }, 'region')).toBe(
      '330602',
    );
    expect(groupLabel({ rank: 1, regionCode: '330683', numerator: 0, denominator: 0, rate: null }, 'region')).toBe('330683');
    expect(groupCode({ rank: 1, departmentId: 'dept-a', numerator: 0, denominator: 0, rate: null }, 'department')).toBeUndefined();
    // the directory names an unknown code by itself: shown once
    const unknown = { rank: 1, departmentId: 'dept-a', departmentName: 'dept-a', numerator: 0, denominator: 0, rate: null };
    expect([groupLabel(unknown, 'department'), groupCode(unknown, 'department')]).toEqual(['dept-a', undefined]);
  });

  it('reads the 晾晒台 address with defaults for what is missing or wrong', () => {
    expect(boardQuery({ indicator: 'instantRate', asOf: '2019-10-31', refresh: '30' }, '2026-01-01')).toEqual({
      indicator: 'instantRate',
      asOf: '2019-10-31',
      refreshSeconds: 30,
    });
    expect(boardQuery({ indicator: 'nope', asOf: 'yesterday', refresh: '1' }, '2026-01-01')).toEqual({
      indicator: 'onlineAvailability',
      asOf: '2026-01-01',
      refreshSeconds: 60,
    });
  });

  it('offers a role only the pages it may read', () => {
    const titles = (roles: Parameters<typeof pagesFor>[0]) => pagesFor(roles).map((page) => page.title);
    expect(titles(['assessor'])).toEqual(['晾晒台', '考核', '问题台账', '效能监察']);
    expect(titles(['admin'])).toEqual(['晾晒台', '考核', '问题台账', '效能监察', '审计']);
    expect(titles(['window_staff'])).toEqual(['窗口工作台', '效能监察']);
    expect(titles(['inspector'])).toEqual(['问题台账', '效能监察', '质检']);
    expect(titles(['department_officer'])).toEqual(['效能监察']);
    expect(titles(['catalog_admin'])).toEqual([]);
  });
});

describe('problem+json in Chinese', () => {
  it("says the status in Chinese with the problem's detail and field errors", () => {
    expect(
      problemMessage(400, {
        status: 400,
        detail: 'from must not be after to',
        errors: [{ field: 'from', message: 'from must not be after to' }],
      }),
    ).toBe('请求参数有误 — from must not be after to — from：from must not be after to');
    expect(problemMessage(403, { status: 403, title: 'Forbidden' })).toBe('当前角色无权进行此操作 — Forbidden');
    expect(problemMessage(502)).toBe('服务器出错');
  });
});
