export * from './mask';
export * from './applicant-cipher';
export * from './sealed-applicant';
