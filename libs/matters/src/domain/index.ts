/**
 * The pure domain of service matters and applications: deciders, their commands and events,
 * and the derived functions (versions in force, deadlines). No framework, no clock, no I/O.
 * The working-day calendar is re-exported for convenience; the encryption helpers live in
 * `../personal-data` (node:crypto) and only their types are part of the domain.
 */
export * from './domain-error';
export * from './decider';
export * from './business-time';
export * from './matter-elements';
export * from './matter';
export * from './application';
export * from '../calendar';
export type { ApplicantInClear, ApplicantKind, SealedApplicant } from '../personal-data/sealed-applicant';
