import { DomainError, assertNever, assertNoProblems, assertNotBefore, businessCalendar, checkText, checkTimestamp } from '@app/kernel';
import type { DomainErrorDetail } from '@app/kernel';
import { feedbackCaseIdOf } from '../supervision-ids';
import { BAD_REVIEW_MAX_SCORE, isBadReview } from '../supervision-limits';
import type { FeedbackCaseCommand, OpenFeedbackCase } from './feedback-case.commands';
import type { FeedbackCaseEvent } from './feedback-case.events';
import type { FeedbackCaseState } from './feedback-case.state';

const VERB: Record<FeedbackCaseCommand['type'], string> = {
  'feedback-case.open': 'open',
  'feedback-case.contact': 'record the contact of',
  'feedback-case.rectify': 'record the rectification of',
  'feedback-case.re_rate': 're-rate',
};

/** Decides a feedback-case command: the events to append, or a `DomainError`. Pure. */
export function decideFeedbackCase(command: FeedbackCaseCommand, state: FeedbackCaseState): FeedbackCaseEvent[] {
  assertNoProblems('invalid_command', feedbackCaseCommandProblems(command));
  if (command.type === 'feedback-case.open') return open(command, state);
  if (state.status === 'none') throw new DomainError('not_found', `cannot ${VERB[command.type]} a feedback case that was never opened`);
  const refuse = (why: string) => DomainError.illegalTransition('feedback case', state.status, VERB[command.type], why);
  const { caseId } = state;
  const { at } = command.data;
  assertNotBefore(at, state.lastAt, VERB[command.type]);

  switch (command.type) {
    case 'feedback-case.contact':
      if (state.status !== 'open') throw refuse('the applicant was contacted already');
      return [{ type: 'feedback-case.contacted', data: { caseId, note: command.data.note.trim(), at } }];
    case 'feedback-case.rectify':
      if (state.status === 'open') throw refuse('contact the applicant first');
      if (state.status !== 'contacted') throw refuse('it was rectified already');
      return [{ type: 'feedback-case.rectified', data: { caseId, note: command.data.note.trim(), at } }];
    case 'feedback-case.re_rate': {
      if (state.status === 'closed') throw refuse(`it was re-rated already (score ${state.reRating.score}); a re-evaluation is given once`);
      if (state.status !== 'rectified') throw refuse('a re-evaluation comes only after rectification');
      const comment = command.data.comment?.trim();
      return [{ type: 'feedback-case.re_rated', data: { caseId, score: command.data.score, ...(comment ? { comment } : {}), at } }];
    }
    default:
      return assertNever(command, 'feedback-case command');
  }
}

function open(command: OpenFeedbackCase, state: FeedbackCaseState): FeedbackCaseEvent[] {
  if (state.status !== 'none')
    throw new DomainError('already_exists', `the evaluation of application ${state.applicationId} has a feedback case already`);
  const { caseId, applicationId, departmentId, regionCode, score, limits, at } = command.data;
  const calendar = businessCalendar();
  const openedOn = calendar.businessDate(at);
  return [
    {
      type: 'feedback-case.opened',
      data: {
        caseId,
        applicationId,
        departmentId,
        regionCode,
        score,
        openedOn,
        contactDueOn: calendar.addWorkingDays(openedOn, limits.contactWorkdays),
        rectifyDueOn: calendar.addWorkingDays(openedOn, limits.rectifyWorkdays),
        at,
      },
    },
  ];
}

const isWhole = (value: unknown, min: number, max: number): boolean =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

function feedbackCaseCommandProblems(command: FeedbackCaseCommand): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  checkTimestamp(problems, 'at', command.data.at);
  switch (command.type) {
    case 'feedback-case.open': {
      const { caseId, applicationId, departmentId, regionCode, score, limits } = command.data;
      checkText(problems, 'applicationId', applicationId, 200);
      checkText(problems, 'departmentId', departmentId, 200);
      checkText(problems, 'regionCode', regionCode, 200);
      if (typeof applicationId === 'string' && caseId !== feedbackCaseIdOf(applicationId))
        problems.push({ field: 'caseId', message: 'must be feedbackCaseIdOf(applicationId): one case per evaluation' });
      if (!isWhole(score, 1, 5)) problems.push({ field: 'score', message: 'must be a whole number from 1 to 5' });
      else if (!isBadReview(score))
        problems.push({ field: 'score', message: `only a bad review (score ≤ ${BAD_REVIEW_MAX_SCORE}) opens a case` });
      if (!isWhole(limits?.contactWorkdays, 0, 250))
        problems.push({ field: 'limits.contactWorkdays', message: 'must be a whole number of working days from 0 to 250' });
      if (!isWhole(limits?.rectifyWorkdays, 0, 250))
        problems.push({ field: 'limits.rectifyWorkdays', message: 'must be a whole number of working days from 0 to 250' });
      else if (isWhole(limits?.contactWorkdays, 0, 250) && limits.rectifyWorkdays < limits.contactWorkdays)
        problems.push({ field: 'limits.rectifyWorkdays', message: 'must not be shorter than limits.contactWorkdays' });
      break;
    }
    case 'feedback-case.contact':
    case 'feedback-case.rectify':
      checkText(problems, 'note', command.data.note, 5000);
      break;
    case 'feedback-case.re_rate':
      if (!isWhole(command.data.score, 1, 5)) problems.push({ field: 'score', message: 'must be a whole number from 1 to 5' });
      if (command.data.comment !== undefined && (typeof command.data.comment !== 'string' || command.data.comment.length > 1000))
        problems.push({ field: 'comment', message: 'must be a text of at most 1000 characters' });
      break;
    default:
      return assertNever(command, 'feedback-case command');
  }
  return problems;
}
