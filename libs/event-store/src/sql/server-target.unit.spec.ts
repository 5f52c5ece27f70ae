import { parseServerTarget } from './server-target';

describe('parseServerTarget: libpq multi-host URLs', () => {
  it('splits pg_autoctl’s formation URL into one URL per host and keeps the rule', () => {
    expect(
      parseServerTarget('postgres://app:s3cret@10.0.0.1:5432,10.0.0.2:6432/gov?target_session_attrs=read-write&sslmode=require'),
    ).toEqual({
      urls: ['postgres://app:s3cret@10.0.0.1:5432/gov?sslmode=require', 'postgres://app:s3cret@10.0.0.2:6432/gov?sslmode=require'],
      attrs: 'read-write',
      description: '10.0.0.1:5432,10.0.0.2:6432, database "gov"',
    });
  });

  it('leaves a single-host URL as it is, `any`', () => {
    expect(parseServerTarget('postgres://postgres@127.0.0.1:5432/postgres')).toEqual({
      urls: ['postgres://postgres@127.0.0.1:5432/postgres'],
      attrs: 'any',
      description: '127.0.0.1:5432, database "postgres"',
    });
  });

  it('names the default port and never the credentials', () => {
    const target = parseServerTarget('postgresql://u:p@db-a,db-b/gov?target_session_attrs=standby');
    expect(target.description).toBe('db-a:5432,db-b:5432, database "gov"');
    expect(target.urls).toEqual(['postgresql://u:p@db-a/gov', 'postgresql://u:p@db-b/gov']);
  });

  it('refuses a target_session_attrs libpq does not know', () => {
    expect(() => parseServerTarget('postgres://a,b/gov?target_session_attrs=master')).toThrow(
      /target_session_attrs must be one of any, read-write/,
    );
  });
});
