/**
 * The pure domain of service matters and applications: deciders, their commands and events,
 * and the derived functions (versions in force, deadlines). No framework, no clock, no I/O.
 * The shared pieces (decider, DomainError, calendar) are in `@app/kernel`; the encryption helpers
 * live in `../personal-data` (node:crypto) and only their types are part of the domain.
 */
export * from './matter-elements';
export * from './matter';
export * from './application';
export type { ApplicantInClear, ApplicantKind, SealedApplicant } from '../personal-data/sealed-applicant';
export * from './bundle';
export * from './bundle-application';
