import { DeciderSpecification } from '@event-driven-io/emmett';
import { DomainError } from '@app/kernel';
import { redCardIdOf } from '../supervision-ids';
import type { RedCardCommand } from './red-card.commands';
import { redCardDecider } from './red-card.decider';
import type { RedCardEvent } from './red-card.events';

const given = DeciderSpecification.for(redCardDecider);
const refusedWith = (code: string, text?: string) => (error: DomainError) =>
  error instanceof DomainError && error.code === code && (text === undefined || error.message.includes(text));
const on = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

const applicationId = 'app-1';
const cardId = redCardIdOf(applicationId);
const card = { cardId, applicationId, departmentId: 'dept-market', regionCode: '330602' };

/** deadline Thu 10 Oct 2019; the sweep of Fri 11 Oct sees it red */
const issue = (
  date = '2019-10-11',
  overrides: Partial<Extract<RedCardCommand, { type: 'red-card.issue' }>['data']> = {},
): RedCardCommand => ({
  type: 'red-card.issue',
  data: { ...card, deadline: '2019-10-10', at: on(date, '00:05'), ...overrides },
});
const issued = (date = '2019-10-11', deadline = '2019-10-10'): RedCardEvent => ({
  type: 'red-card.issued',
  data: { ...card, level: 'red', issuedOn: date, deadline, at: on(date, '00:05') },
});
const explain = (date: string, text = '专家评审延误'): RedCardCommand => ({ type: 'red-card.explain', data: { text, at: on(date) } });
const explained = (date: string, text = '专家评审延误'): RedCardEvent => ({
  type: 'red-card.explained',
  data: { cardId, text, at: on(date) },
});
const review = (date: string, accepted: boolean, comment?: string): RedCardCommand => ({
  type: 'red-card.review',
  data: { accepted, ...(comment !== undefined ? { comment } : {}), at: on(date) },
});
const reviewed = (date: string, accepted: boolean, comment?: string): RedCardEvent => ({
  type: 'red-card.reviewed',
  data: { cardId, accepted, ...(comment !== undefined ? { comment } : {}), at: on(date) },
});

describe('red card decider (红牌)', () => {
  describe('issue', () => {
    it('is issued by the sweep, dated the sweep’s business date', () => {
      given([]).when(issue()).then([issued()]);
    });
    it('is dated in the city’s zone: 16:05 UTC on 10 Oct is 00:05 on 11 Oct in Shanghai', () => {
      given([])
        .when(issue('2019-10-11', { at: '2019-10-10T16:05:00Z' }))
        .then([{ ...issued(), data: { ...issued().data, at: '2019-10-10T16:05:00Z' } } as RedCardEvent]);
    });
    it('is issued after a deadline moved across National Day: deadline Mon 30 Sep, red on Tue 8 Oct', () => {
      given([])
        .when(issue('2019-10-08', { deadline: '2019-09-30' }))
        .then([issued('2019-10-08', '2019-09-30')]);
    });
    it('refuses a second card for the application (409 already_exists): re-running the sweep issues nothing', () => {
      given([issued()])
        .when(issue('2019-10-12'))
        .thenThrows(
          DomainError,
          (error) => refusedWith('already_exists', 'has a red card already (issued 2019-10-11)')(error) && error.kind === 'conflict',
        );
    });
    it('refuses a card on or before the deadline (409)', () => {
      given([])
        .when(issue('2019-10-10'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'not past its deadline 2019-10-10 on 2019-10-10'));
    });
    it('refuses an id not derived from the application, and malformed fields (400)', () => {
      given([])
        .when(issue('2019-10-11', { cardId: 'card-1' }))
        .thenThrows(DomainError, (error) => refusedWith('invalid_command', 'cardId')(error) && error.kind === 'invalid');
      given([])
        .when(issue('2019-10-11', { deadline: '2019-10-32' }))
        .thenThrows(DomainError, refusedWith('invalid_command', 'deadline'));
      given([])
        .when(issue('2019-10-11', { departmentId: ' ' }))
        .thenThrows(DomainError, refusedWith('invalid_command', 'departmentId'));
    });
  });

  describe('explain (说明) and review', () => {
    it('is explained by the department', () => {
      given([issued()])
        .when(explain('2019-10-12'))
        .then([explained('2019-10-12')]);
    });
    it('is closed when the inspector accepts the explanation', () => {
      given([issued(), explained('2019-10-12')])
        .when(review('2019-10-14', true, ' 情况属实 '))
        .then([reviewed('2019-10-14', true, '情况属实')]);
    });
    it('goes back to issued when the explanation is not accepted, and can be explained again', () => {
      given([issued(), explained('2019-10-12')])
        .when(review('2019-10-14', false, '说明不充分'))
        .then([reviewed('2019-10-14', false, '说明不充分')]);
      given([issued(), explained('2019-10-12'), reviewed('2019-10-14', false)])
        .when(explain('2019-10-15', '补充说明'))
        .then([explained('2019-10-15', '补充说明')]);
    });
    it('refuses to explain a card explained already or closed (409)', () => {
      given([issued(), explained('2019-10-12')])
        .when(explain('2019-10-14'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'cannot explain a red card in state explained'));
      given([issued(), explained('2019-10-12'), reviewed('2019-10-14', true)])
        .when(explain('2019-10-15'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'state closed: it is closed'));
    });
    it('refuses to review without an explanation, or once closed (409)', () => {
      given([issued()])
        .when(review('2019-10-14', true))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'there is no explanation to review'));
      given([issued(), explained('2019-10-12'), reviewed('2019-10-14', false)])
        .when(review('2019-10-15', true))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'state issued'));
      given([issued(), explained('2019-10-12'), reviewed('2019-10-14', true)])
        .when(review('2019-10-15', true))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'it is closed'));
    });
    it('refuses commands on a card never issued (404), out of order (409), and blank texts (400)', () => {
      given([])
        .when(explain('2019-10-12'))
        .thenThrows(DomainError, (error) => refusedWith('not_found')(error) && error.kind === 'not_found');
      given([issued()]).when(explain('2019-10-10')).thenThrows(DomainError, refusedWith('out_of_order'));
      given([issued()]).when(explain('2019-10-12', '  ')).thenThrows(DomainError, refusedWith('invalid_command', 'text'));
      given([issued(), explained('2019-10-12')])
        .when({ type: 'red-card.review', data: { accepted: 'yes' as never, at: on('2019-10-14') } })
        .thenThrows(DomainError, refusedWith('invalid_command', 'accepted'));
    });
  });
});
