import { describe, expect, it } from 'vitest';
import { fieldErrors } from './problem';

describe('fieldErrors: problem+json errors in the fields they name', () => {
  it('puts nested names on their form field, joins two errors of one field, and keeps the rest', () => {
    const problem = {
      status: 400,
      errors: [
        { field: 'items.0', message: 'must not be empty' },
        { field: 'items', message: 'must contain at most 50 elements' },
        { field: 'visits', message: 'must not be greater than 9' },
        { field: 'at', message: 'may not be in the future' },
      ],
    };
    expect(fieldErrors(problem, ['items', 'visits', 'outcome'])).toEqual({
      byField: { items: 'must not be empty；must contain at most 50 elements', visits: 'must not be greater than 9' },
      rest: ['at：may not be in the future'],
    });
    expect(fieldErrors(undefined, ['items'])).toEqual({ byField: {}, rest: [] });
  });
});
