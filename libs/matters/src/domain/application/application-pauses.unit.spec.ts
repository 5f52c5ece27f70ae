import { foldEvents } from '@app/kernel';
import { DomainError } from '@app/kernel';
import { applicationDecider } from './application.decider';
import { displayStatus } from './application.state';
import {
  completed,
  endSpecial,
  given,
  handling,
  refusedWith,
  rejected,
  resume,
  resumed,
  specialEnded,
  specialStarted,
  startSpecial,
  submitted,
  suspend,
  suspended,
} from './application.test-fixtures';

describe('application decider — special procedures and suspensions', () => {
  describe('special procedure (特别程序) started ⇄ ended', () => {
    it('starts and ends one, the end naming its kind', () => {
      given(handling)
        .when(startSpecial('2019-09-30'))
        .then([specialStarted('2019-09-30')]);
      given([...handling, specialStarted('2019-09-30')])
        .when(endSpecial('2019-10-09'))
        .then([specialEnded('2019-10-09')]);
    });
    it('may be repeated', () => {
      given([...handling, specialStarted('2019-09-30'), specialEnded('2019-10-09')])
        .when(startSpecial('2019-10-10', '鉴定 appraisal'))
        .then([specialStarted('2019-10-10', '鉴定 appraisal')]);
    });
    it('refuses a second one while one is open, and an end with none open', () => {
      given([...handling, specialStarted('2019-09-30')])
        .when(startSpecial('2019-10-08'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'already open'));
      given(handling)
        .when(endSpecial('2019-10-08'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'no special procedure is open'));
    });
    it('refuses before acceptance and after completion', () => {
      given([submitted])
        .when(startSpecial('2019-09-30'))
        .thenThrows(
          DomainError,
          refusedWith('illegal_transition', 'cannot start a special procedure for an application in state submitted'),
        );
      given([...handling, completed('2019-09-30')])
        .when(startSpecial('2019-10-08'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'state completed'));
    });
  });

  describe('suspended (挂起) ⇄ resumed', () => {
    it('suspends and resumes', () => {
      given(handling)
        .when(suspend('2019-09-30'))
        .then([suspended('2019-09-30')]);
      given([...handling, suspended('2019-09-30')])
        .when(resume('2019-10-09'))
        .then([resumed('2019-10-09')]);
    });
    it('nests inside an open special procedure, and the other way round', () => {
      given([...handling, specialStarted('2019-09-30')])
        .when(suspend('2019-10-08'))
        .then([suspended('2019-10-08')]);
      given([...handling, suspended('2019-09-30')])
        .when(startSpecial('2019-10-08'))
        .then([specialStarted('2019-10-08')]);
    });
    it('refuses to suspend twice, to resume what is not suspended, and to suspend a rejected application', () => {
      given([...handling, suspended('2019-09-30')])
        .when(suspend('2019-10-08'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'suspended already'));
      given(handling)
        .when(resume('2019-10-08'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'cannot resume an application in state accepted: it is not suspended'));
      given([submitted, rejected]).when(suspend('2019-10-08')).thenThrows(DomainError, refusedWith('illegal_transition', 'state rejected'));
    });
    it('shows the pause in the display status', () => {
      expect(displayStatus(foldEvents(applicationDecider, [...handling, specialStarted('2019-09-30')]))).toBe('special_procedure');
      expect(displayStatus(foldEvents(applicationDecider, [...handling, specialStarted('2019-09-30'), suspended('2019-10-08')]))).toBe(
        'suspended',
      );
      expect(displayStatus(foldEvents(applicationDecider, [...handling, suspended('2019-09-30'), resumed('2019-10-08')]))).toBe('accepted');
    });
  });
});
