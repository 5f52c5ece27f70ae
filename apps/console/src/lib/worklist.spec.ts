import { describe, expect, it } from 'vitest';
import { actionsFor, splitItems, workdaysLeftText } from './worklist';

describe('workdaysLeftText: the clock in words', () => {
  it('counts the working days left, says when it is due today, and how long overdue', () => {
    expect(workdaysLeftText({ status: 'accepted', workdaysLeft: 5 })).toEqual({ text: '剩余 5 个工作日', urgency: 'running' });
    expect(workdaysLeftText({ status: 'accepted', workdaysLeft: 3 })).toEqual({ text: '剩余 3 个工作日', urgency: 'soon' });
    expect(workdaysLeftText({ status: 'accepted', workdaysLeft: 0 })).toEqual({ text: '今日到期', urgency: 'due' });
    expect(workdaysLeftText({ status: 'accepted', workdaysLeft: -2 })).toEqual({ text: '已超期 2 个工作日', urgency: 'overdue' });
  });

  it('says a paused clock is paused, whatever it counted, and that intake has no clock yet', () => {
    expect(workdaysLeftText({ status: 'suspended', workdaysLeft: -1 }).text).toBe('暂停计时');
    expect(workdaysLeftText({ status: 'special_procedure', workdaysLeft: 4 }).text).toBe('暂停计时');
    expect(workdaysLeftText({ status: 'submitted', workdaysLeft: null }).text).toBe('未受理，未计时');
    expect(workdaysLeftText({ status: 'supplement_requested', workdaysLeft: null }).text).toBe('待补正，未计时');
  });
});

describe('actionsFor: the next steps a window may take', () => {
  it('accepts or asks for a supplement at intake, receives the supplement, completes an accepted one', () => {
    expect(actionsFor('submitted')).toEqual(['accept', 'supplement']);
    expect(actionsFor('supplement_requested')).toEqual(['receive']);
    expect(actionsFor('accepted')).toEqual(['complete']);
    expect(actionsFor('suspended')).toEqual([]);
    expect(actionsFor('completed')).toEqual([]);
  });
});

describe('splitItems', () => {
  it('takes one item per line and drops blank lines', () => {
    expect(splitItems('身份证复印件\n\n  营业执照 \r\n')).toEqual(['身份证复印件', '营业执照']);
  });
});
