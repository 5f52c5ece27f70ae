import { foldEvents } from '@app/kernel';
import { DomainError } from '@app/kernel';
import { applicationDecider } from './application.decider';
import {
  applicationId,
  complete,
  completed,
  deliver,
  delivered,
  evaluate,
  evaluated,
  given,
  handling,
  on,
  refusedWith,
  specialStarted,
  submitted,
  suspended,
} from './application.test-fixtures';

describe('application decider — completion, delivery, evaluation', () => {
  describe('complete (办结)', () => {
    it('completes with outcome and visits', () => {
      given(handling)
        .when(complete('2019-10-08', 1))
        .then([completed('2019-10-08', 'approved', 1)]);
      given(handling)
        .when({ type: 'application.complete', data: { outcome: 'denied', visits: 0, at: on('2019-10-08') } })
        .then([completed('2019-10-08', 'denied', 0)]);
    });
    it('refuses while suspended or in a special procedure', () => {
      given([...handling, suspended('2019-09-30')])
        .when(complete('2019-10-08'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'resume it first'));
      given([...handling, specialStarted('2019-09-30')])
        .when(complete('2019-10-08'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'end it first'));
    });
    it('refuses before acceptance and twice', () => {
      given([submitted])
        .when(complete('2019-10-08'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'cannot complete an application in state submitted'));
      given([...handling, completed('2019-10-08')])
        .when(complete('2019-10-08'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'state completed'));
    });
    it('refuses visits outside 0..9 and an unknown outcome', () => {
      given(handling).when(complete('2019-10-08', 10)).thenThrows(DomainError, refusedWith('invalid_command'));
      given(handling).when(complete('2019-10-08', -1)).thenThrows(DomainError, refusedWith('invalid_command'));
      given(handling)
        .when({ type: 'application.complete', data: { outcome: 'maybe' as never, visits: 0, at: on('2019-10-08') } })
        .thenThrows(DomainError, refusedWith('invalid_command'));
    });
  });

  describe('deliver (送达) and evaluate (好差评)', () => {
    const done = [...handling, completed('2019-10-08')];
    it('delivers the result once', () => {
      given(done)
        .when(deliver('2019-10-09'))
        .then([delivered('2019-10-09')]);
      given([...done, delivered('2019-10-09')])
        .when(deliver('2019-10-10'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'delivered already'));
    });
    it('refuses to deliver before completion and an unknown method', () => {
      given(handling)
        .when(deliver('2019-10-09'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'cannot deliver the result of an application in state accepted'));
      given(done)
        .when({ type: 'application.deliver', data: { method: 'pigeon' as never, at: on('2019-10-09') } })
        .thenThrows(DomainError, refusedWith('invalid_command'));
    });
    it('evaluates after completion or delivery, with an optional comment', () => {
      given(done)
        .when(evaluate('2019-10-09'))
        .then([evaluated('2019-10-09')]);
      given([...done, delivered('2019-10-09')])
        .when(evaluate('2019-10-10', 4, ' 很快 '))
        .then([{ type: 'application.evaluated', data: { applicationId, score: 4, comment: '很快', at: on('2019-10-10') } }]);
    });
    it('evaluates only once', () => {
      given([...done, evaluated('2019-10-09')])
        .when(evaluate('2019-10-10'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'evaluated already'));
      given([...done, evaluated('2019-10-09'), delivered('2019-10-10')])
        .when(evaluate('2019-10-11'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'state delivered'));
    });
    it('refuses scores outside 1..5 and an evaluation before completion', () => {
      given(done).when(evaluate('2019-10-09', 0)).thenThrows(DomainError, refusedWith('invalid_command'));
      given(done).when(evaluate('2019-10-09', 6)).thenThrows(DomainError, refusedWith('invalid_command'));
      given(done).when(evaluate('2019-10-09', 4.5)).thenThrows(DomainError, refusedWith('invalid_command'));
      given(handling)
        .when(evaluate('2019-10-09'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'only a completed application'));
    });
    it('folds the whole lifecycle', () => {
      const state = foldEvents(applicationDecider, [...done, delivered('2019-10-09'), evaluated('2019-10-10', 3)]);
      expect(state).toMatchObject({
        status: 'delivered',
        outcome: 'approved',
        visits: 0,
        delivery: { method: 'post' },
        evaluation: { score: 3 },
      });
    });
  });
});
