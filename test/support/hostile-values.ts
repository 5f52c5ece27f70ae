import fc from 'fast-check';

/**
 * fast-check arbitraries for hostile input: unicode edges, injection-shaped strings, wrong types,
 * prototype-pollution keys and oversized values. Used by the fuzz suites in test/security.
 */

export const UNICODE_EDGES = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  'a\uDC00b',
  '\u0000',
  'abc\u0000def',
  '\u202Eevil\u202C', // right-to-left override
  '\u200F\u200E\u061C', // RTL / LTR / Arabic marks
  '😀🇨🇳👩‍👩‍👧‍👦', // 4-byte emoji, flags, ZWJ sequences
  '\uFEFF\u200B\u2060', // BOM, zero-width space, word joiner
  'e\u0301\u0301\u0301\u0301', // stacked combining marks
  '\u0085\u2028\u2029\r\n\t\v\f',
  '𠜎𠜱𠝹𠱓', // CJK extension B (4 bytes)
  '',
  ' ',
];

export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE es_events; --",
  '1; SELECT pg_sleep(10)',
  "' UNION SELECT key FROM applicant_keys --",
  '$.data[*] ? (@.idNumber like_regex ".*")',
  '$..*',
  '{"$gt": ""}',
  '$where',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '%',
  '_',
  '\\',
  '\\u0000',
  'matter-',
  'quality-issue-../x',
  'application-00000000-0000-4000-8000-000000000000',
];

/** JSON values shaped like NoSQL operators and type confusion. */
export const OPERATOR_OBJECTS: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000)' },
  { $regex: '.*' },
  ["' OR 1=1 --"],
  { toString: 'x', valueOf: 1 },
  { length: 1e9 },
];

export const NUMBER_EDGES = [0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324, 1e21];

const longString = fc
  .tuple(fc.constantFrom('A', '字', '😀', '\u0000', '\uD800', "'"), fc.integer({ min: 1_000, max: 60_000 }))
  .map(([unit, n]) => unit.repeat(n));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...UNICODE_EDGES, ...INJECTIONS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...UNICODE_EDGES), fc.constantFrom(...INJECTIONS)).map(([a, b]) => `${b}${a}`) },
  { weight: 1, arbitrary: longString },
);

/** Any value a hostile client might put where a field is expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBER_EDGES) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 2, arbitrary: fc.constantFrom(...OPERATOR_OBJECTS) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Keys that are not in any DTO: prototype pollution (every name a plain object inherits), mass assignment, operators. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    ...Object.getOwnPropertyNames(Object.prototype),
    'prototype',
    'status',
    'version',
    'id',
    'position',
    'actor',
    'roles',
    '$where',
    '$set',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
);

/** A copy of `body` with an own property `key` (also `__proto__`, which plain assignment would not create). */
export function withOwnKey(body: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...body };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** An ASCII-printable header value (Node refuses others) — for Idempotency-Key and If-Match. */
export const hostileHeader: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('"1"', 'W/"0"', '*', '"-1"', '"999999999999999999"', "' OR 1=1", 'x'.repeat(300), '../../x'),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 40 }),
);

/** Percent-encodes a path segment; lone surrogates (which encodeURIComponent refuses) go as raw invalid UTF-8. */
export function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `%${(c.charCodeAt(0) & 0xff).toString(16).padStart(2, '0')}`)).join('');
  }
}

/** Raw path segments that are already (mis-)encoded. */
export const RAW_SEGMENTS = ['%E0%A4%A', '%ZZ', '%00', '%C0%AF', '..%2F..%2Fetc', '%F0%9F%98%80', '%2e%2e', '%ED%A0%80'];
