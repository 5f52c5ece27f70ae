/**
 * An event's data as it may leave the city's systems: no personal data in clear, and not even the
 * sealed blob or its key id (useless to a receiver, and a key id links records of one person).
 * Applicants keep their kind and masks (`张*`, `3306**********1234`); a field named like personal
 * data anywhere (`idNumber`, `name` of an applicant, `phone`) is dropped.
 */
const DROPPED = new Set(['idNumber', 'sealed', 'keyId', 'phone', 'mobile', 'address']);
const APPLICANT_KEPT = new Set(['kind', 'nameMasked', 'idNumberMasked']);

export function withoutPersonalData(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutPersonalData(item));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([field]) =>
    key === 'applicant' ? APPLICANT_KEPT.has(field) : !DROPPED.has(field),
  );
  return Object.fromEntries(entries.map(([field, item]) => [field, withoutPersonalData(item, field)]));
}
