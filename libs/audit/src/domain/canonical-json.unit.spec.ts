import fc from 'fast-check';
import { canonicalJson, type JsonValue } from './canonical-json';

/** The first implementation, which the chains written so far were hashed with: the text must never change. */
function firstCanonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => firstCanonicalJson(item)).join(',')}]`;
  const record = value as { readonly [key: string]: JsonValue | undefined };
  const members = Object.keys(record)
    .sort()
    .flatMap((key) => (record[key] === undefined ? [] : [`${JSON.stringify(key)}:${firstCanonicalJson(record[key])}`]));
  return `{${members.join(',')}}`;
}

describe('canonicalJson', () => {
  it('writes exactly the text the first implementation wrote, for any JSON value (chains already stored stay valid)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value as JsonValue)).toBe(firstCanonicalJson(value as JsonValue));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts object keys at every depth, keeps array order, adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,1,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text whatever order the keys were built in', () => {
    expect(canonicalJson({ seq: 1, at: 't', actor: 'a' })).toBe(canonicalJson({ actor: 'a', at: 't', seq: 1 }));
  });

  it('escapes strings as JSON and keeps Chinese text', () => {
    expect(canonicalJson({ 说明: '销号 "ok"\n' })).toBe('{"说明":"销号 \\"ok\\"\\n"}');
  });

  it('leaves out undefined properties', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ at: new Date(0) as unknown as JsonValue })).toThrow(/non-plain object/);
    expect(() => canonicalJson(BigInt(1) as unknown as JsonValue)).toThrow(/bigint/);
  });
});
