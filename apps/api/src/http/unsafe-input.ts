/**
 * Input no DTO can be trusted to catch: keys that class-transformer drops silently (so
 * `forbidNonWhitelisted` never sees them — prototype pollution, mass assignment: `__proto__`,
 * `prototype`, and every name a plain object inherits, `constructor`, `valueOf`, `toString`, …, which
 * it skips because the target already has a function there) and strings
 * PostgreSQL cannot store in text or jsonb (NUL, unpaired UTF-16 surrogates), which would
 * otherwise fail at the append as a 500.
 */
const FORBIDDEN_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);

export interface InputProblem {
  field: string;
  message: string;
}

/** Every problem in a parsed body, query or path parameter; iterative, so deep nesting cannot overflow the stack. */
export function unsafeInputIn(value: unknown, root = ''): InputProblem[] {
  const problems: InputProblem[] = [];
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length > 0 && problems.length < 20) {
    const [current, field] = pending.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (unstorable(current))
        problems.push({ field: field || 'value', message: `${field || 'value'} contains NUL or an unpaired surrogate` });
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current)) {
      const path = field ? `${field}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key) || unstorable(key)) problems.push({ field: path, message: `property ${path} should not exist` });
      else pending.push([(current as Record<string, unknown>)[key], path]);
    }
  }
  return problems;
}
