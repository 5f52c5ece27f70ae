/**
 * Masks for personal data shown to people (api.md: `3306**********1234`).
 * The clear value never goes into an event; only its mask and the encrypted blob do.
 */

/**
 * Keeps the first 4 and last 4 characters of an id number and stars the rest:
 * `maskIdNumber('330602199001011234')` → `'3306**********1234'`.
 * Ids shorter than 12 characters keep a quarter of their length at each end (so at least half
 * is hidden): `'12345678'` → `'12****78'`; 3 characters or fewer are all stars.
 */
export function maskIdNumber(idNumber: string): string {
  const id = idNumber.trim();
  const keep = id.length >= 12 ? 4 : Math.floor(id.length / 4);
  return keep === 0 ? '*'.repeat(id.length) : `${id.slice(0, keep)}${'*'.repeat(id.length - 2 * keep)}${id.slice(-keep)}`;
}

/**
 * Keeps the first character of a name: `'张三丰'` → `'张**'`, `'Li Lei'` → `'L*****'`.
 * Organisations are masked too: a sole trader's (个体工商户) name is often a person's name.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length <= 1 ? '*'.repeat(chars.length) : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
