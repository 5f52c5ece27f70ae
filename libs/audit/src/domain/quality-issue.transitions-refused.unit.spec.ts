import {
  assign,
  given,
  isAssigned,
  isClosed,
  isFound,
  isRectified,
  logCommand,
  none,
  rectify,
  reopen,
  verify,
} from './quality-issue.spec-fixtures';

describe('quality-issue decider — illegal transitions', () => {
  it.each([
    ['assign twice', isAssigned, assign(), /cannot assign a quality issue in state assigned: it must be found/],
    ['assign a rectified issue', isRectified, assign(), /in state rectified/],
    ['assign a closed issue', isClosed, assign(), /in state closed/],
    [
      'rectify before assignment',
      isFound,
      rectify(),
      /cannot submit a rectification for a quality issue in state found: it must be assigned/,
    ],
    ['rectify twice', isRectified, rectify(), /in state rectified/],
    ['rectify a closed issue', isClosed, rectify(), /in state closed/],
    ['verify a found issue', isFound, verify(), /cannot verify a quality issue in state found: it must be rectified/],
    ['verify before a rectification', isAssigned, verify(), /in state assigned/],
    ['verify a closed issue', isClosed, verify(), /in state closed/],
    ['reopen an open issue', isAssigned, reopen(), /cannot reopen a quality issue in state assigned: it must be closed/],
    ['reopen a found issue', isFound, reopen(), /in state found/],
    ['reopen a rectified issue', isRectified, reopen(), /in state rectified/],
  ])('refuses to %s', (_, events, command, reason) => {
    given(events).when(command).thenRefused('illegal_transition', reason);
  });

  it.each([
    ['log an issue that exists', isFound],
    ['log over a closed issue', isClosed],
  ])('refuses to %s (already_exists)', (_, events) => {
    given(events)
      .when(logCommand())
      .thenRefused('already_exists', /quality issue qi-1 already exists/);
  });

  it.each([
    ['assign', assign()],
    ['submit a rectification for', rectify()],
    ['verify', verify()],
    ['reopen', reopen()],
  ])('refuses to %s an issue that does not exist (not_found)', (action, command) => {
    given(none)
      .when(command)
      .thenRefused('not_found', new RegExp(`cannot ${action}: the quality issue does not exist`));
  });
});
