import type { Response } from 'supertest';

/** Signs that a response leaks internals: stack frames, source paths, driver or SQL error text. */
const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat (?:async )?[\w.<>$]+ \(|\bat \/|\bat node:/],
  ['source path', /\/(?:work|home|root|tmp|usr|opt|app)\/[\w.-]+\/|node_modules|[\w-]+\.(?:ts|js):\d+/],
  ['error class', /\b(?:Query|Type|Reference|Syntax|Range|Database|Driver|Entity)Error\b/],
  ['SQL text', /syntax error at or near|violates (?:unique|foreign key|check|not-null) constraint|relation "[^"]+"|\bpg_catalog\b/i],
];

/** The leaks found in a response body (empty when it is clean). */
export function leaksIn(text: string): string[] {
  return LEAKS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/**
 * The invariants every response to hostile input keeps: no 5xx, no leaked internals, and every
 * 4xx is RFC 9457 problem+json with a consistent `status`. Throws with the request in the message
 * (so a fast-check counterexample is readable); `allow5xx` lists the statuses a caller expects.
 */
export function assertSafeResponse(response: Response, what: string, allow5xx: number[] = []): void {
  const text = response.text ?? '';
  const fail = (why: string) => {
    throw new Error(`${what} → ${response.status}: ${why}\n${text.slice(0, 500)}`);
  };
  if (response.status >= 500 && !allow5xx.includes(response.status)) fail('a server error');
  const leaks = leaksIn(text);
  if (leaks.length > 0) fail(`leaks ${leaks.join(', ')}`);
  if (response.status >= 400) {
    if (!/^application\/problem\+json/.test(String(response.headers['content-type']))) fail('not application/problem+json');
    const body = response.body as Record<string, unknown>;
    if (body.status !== response.status) fail('problem status differs from the HTTP status');
    for (const field of ['type', 'title', 'detail'] as const) if (typeof body[field] !== 'string') fail(`problem without ${field}`);
  }
}

/** Object.prototype must come out of a prototype-pollution attack unchanged (the app runs in this process). */
export function assertPrototypeClean(): void {
  const polluted = Object.getOwnPropertyNames(Object.prototype).filter((name) => !PRISTINE_PROTOTYPE.includes(name));
  if (polluted.length > 0) throw new Error(`Object.prototype was polluted with ${polluted.join(', ')}`);
}

const PRISTINE_PROTOTYPE = Object.getOwnPropertyNames(Object.prototype);
