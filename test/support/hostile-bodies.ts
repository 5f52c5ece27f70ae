import fc from 'fast-check';
import { hostileKey, hostileValue, withOwnKey } from './hostile-values';

/** A request body as sent on the wire: raw text and its content type. */
export interface WireBody {
  kind: string;
  text: string;
  contentType: string;
  /** the key added that no DTO declares, when `kind` is `extra-key` */
  extraKey?: string;
}

type Json = Record<string, unknown>;

/** Every path to a value inside `body` (`applicant.idNumber`, `materials.0.name`, …), containers included. */
export function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return prefix.length > 0 ? [prefix] : [];
  const children = Object.keys(value).flatMap((key) => pathsOf((value as Json)[key], [...prefix, key]));
  return prefix.length > 0 ? [prefix, ...children] : children;
}

/** A deep copy of `body` with the value at `path` replaced (or removed when `value` is undefined). */
export function replaceAt(body: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: Json = Array.isArray(body) ? ([...body] as unknown as Json) : { ...(body as Json) };
  const [head, ...rest] = path;
  if (rest.length === 0 && value === undefined) delete copy[head];
  else copy[head] = replaceAt(copy[head], rest, value);
  return copy;
}

/** Counterexamples print short: kind, content type and the first 300 characters. */
export function wire(kind: string, text: string, contentType: string, extraKey?: string): WireBody {
  const body = { kind, text, contentType, ...(extraKey !== undefined && { extraKey }) };
  return Object.assign(body, { [fc.toStringMethod]: () => `${kind} (${contentType}, ${text.length} chars) ${text.slice(0, 300)}` });
}

const json = (kind: string, value: unknown, extraKey?: string): WireBody =>
  wire(kind, JSON.stringify(value) ?? 'null', 'application/json', extraKey);

/**
 * Hostile bodies around a valid `base`: one field replaced by a hostile value or removed, a key no
 * DTO has (prototype pollution, mass assignment), random JSON, malformed text, form encoding,
 * and bodies past the size limit.
 */
export function hostileBodies(base: Json): fc.Arbitrary<WireBody> {
  const paths = pathsOf(base).concat([['at']]);
  const mutated = fc
    .tuple(fc.constantFrom(...paths), fc.option(hostileValue, { freq: 6, nil: undefined }))
    .map(([path, value]) => json(`field ${path.join('.')}`, replaceAt(base, path, value)));
  const extra = fc
    .tuple(hostileKey, hostileValue, fc.boolean())
    .filter(([key]) => !Object.hasOwn(base, key) && key !== 'at')
    .map(([key, value, nested]) => {
      const pollutedValue = nested ? JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') : value;
      return json('extra-key', withOwnKey(base, key, pollutedValue), key);
    });
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 3, arbitrary: extra },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => json('random json', value)) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.constantFrom('{', '{"a":', '[1,', '{"a":1}}', 'nul', '\u0000', '{"a":"\\ud800"}'),
        )
        .map((text) => wire('malformed', text, 'application/json')),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        {
          kind: 'form',
          text: 'status=closed&__proto__[polluted]=1&constructor[prototype][polluted]=1',
          contentType: 'application/x-www-form-urlencoded',
        },
        { kind: 'text', text: JSON.stringify(base), contentType: 'text/plain' },
        {
          kind: 'xml',
          text: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
          contentType: 'application/xml',
        },
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 300_000, max: 600_000 }).map((n) => json('oversized', { ...base, padding: 'x'.repeat(n) })) },
  );
}
