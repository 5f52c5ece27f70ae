import { DomainError, isDomainError } from './domain-error';

describe('DomainError', () => {
  it('names the state and the command of an illegal transition', () => {
    const error = DomainError.illegalTransition('application', 'rejected', 'accept', 'it is terminal');
    expect(error).toMatchObject({
      code: 'illegal_transition',
      kind: 'conflict',
      message: 'cannot accept an application in state rejected: it is terminal',
    });
    expect(error.details).toEqual([
      { field: 'state', message: 'rejected' },
      { field: 'command', message: 'accept' },
    ]);
    expect(DomainError.illegalTransition('matter', 'draft', 'resume').message).toBe('cannot resume a matter in state draft');
  });

  it('classifies codes for the HTTP mapping: invalid → 400, not_found → 404, the rest → 409', () => {
    expect(new DomainError('invalid_elements', 'x').kind).toBe('invalid');
    expect(new DomainError('not_found', 'x').kind).toBe('not_found');
    expect(new DomainError('duplicate_code', 'x').kind).toBe('conflict');
    expect(new DomainError('verification_failed', 'x', { kind: 'invalid' }).kind).toBe('invalid');
  });

  it('is an Error recognisable across modules', () => {
    const error = DomainError.invalid('invalid_command', [{ field: 'reason', message: 'must be a non-empty text' }]);
    expect(error).toBeInstanceOf(Error);
    expect(isDomainError(error)).toBe(true);
    expect(error.message).toBe('reason: must be a non-empty text');
  });
});
