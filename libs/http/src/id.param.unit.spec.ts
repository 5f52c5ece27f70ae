import { ID_MUST_BE_UUID, IdPipe } from './id.param';
import { InvalidInputException } from './invalid-input.exception';
import { rolesAllowed } from './require-roles.decorator';

describe('IdPipe: the one rule for a path id', () => {
  const uuid = '6d1f0a4e-2b7c-4e55-9a3e-0c2f8d7b1a90';

  it('passes a UUID through', () => {
    expect(new IdPipe().transform(uuid)).toBe(uuid);
  });

  it.each(['not-a-uuid', '', `${uuid}x`, `quality-issue-${uuid}`, undefined])('refuses %p with field id', (value) => {
    const refusal = (() => {
      try {
        new IdPipe().transform(value);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(InvalidInputException);
    expect(refusal).toMatchObject({ detail: ID_MUST_BE_UUID, fieldErrors: [{ field: 'id', message: ID_MUST_BE_UUID }] });
  });

  it('strips the stream prefix it is given, and still wants a UUID after it', () => {
    const pipe = new IdPipe('quality-issue-');
    expect(pipe.transform(`quality-issue-${uuid}`)).toBe(uuid);
    expect(pipe.transform(uuid)).toBe(uuid);
    expect(() => pipe.transform('quality-issue-nope')).toThrow(ID_MUST_BE_UUID);
  });
});

describe('rolesAllowed', () => {
  it('names admin first and each role once', () => {
    expect(rolesAllowed(['admin'])).toEqual(['admin']);
    expect(rolesAllowed(['assessor', 'inspector', 'assessor'])).toEqual(['admin', 'assessor', 'inspector']);
  });
});
