/**
 * Canonical JSON: the one text a JSON value serializes to, whatever order its keys were built in.
 * Object keys are sorted (by UTF-16 code units, as RFC 8785), arrays keep their order, strings and
 * numbers are written as `JSON.stringify` writes them, no whitespace. Object properties that are
 * `undefined` are left out (as JSON storage drops them); anything JSON cannot carry is refused.
 */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

export function canonicalJson(value: JsonValue): string {
  // loops and string concatenation, not map/flatMap/join: the audit trail hashes every command with it
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot carry the number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    const items = value as readonly JsonValue[];
    let text = '[';
    for (let i = 0; i < items.length; i++) text += (i === 0 ? '' : ',') + canonicalJson(items[i]);
    return `${text}]`;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const record = value as { readonly [key: string]: JsonValue | undefined };
    let text = '{';
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      text += (text.length === 1 ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(member);
    }
    return `${text}}`;
  }
  throw new TypeError(`canonical JSON cannot carry a ${typeof value === 'object' ? 'non-plain object' : typeof value}`);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
