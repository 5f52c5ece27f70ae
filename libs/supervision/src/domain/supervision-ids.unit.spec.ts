import { uuidV5 } from '@app/kernel';
import { feedbackCaseIdOf, redCardIdOf } from './supervision-ids';

describe('supervision ids (UUID v5)', () => {
  it('matches the RFC 4122 version-5 test vector (DNS namespace, python.org)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
  it('derives one card and one case id per application, stable and distinct', () => {
    expect(redCardIdOf('app-1')).toBe(redCardIdOf('app-1'));
    expect(redCardIdOf('app-1')).not.toBe(redCardIdOf('app-2'));
    expect(feedbackCaseIdOf('app-1')).not.toBe(redCardIdOf('app-1'));
    expect(redCardIdOf('app-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
