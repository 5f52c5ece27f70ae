/**
 * What a subscription asks for (api.md, Notifications): an event type (`application.accepted`),
 * every type of a prefix (`application.*`), or everything (`*`).
 */
const TYPE = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;
const PREFIX = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*\.\*$/;

export function isTypePattern(pattern: string): boolean {
  return pattern === '*' || TYPE.test(pattern) || PREFIX.test(pattern);
}

export function matchesType(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export const matchesAny = (patterns: readonly string[], type: string): boolean => patterns.some((pattern) => matchesType(pattern, type));
