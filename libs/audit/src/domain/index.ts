/** The pure domain of libs/audit: quality issues (问题事项), automated checks, the audit hash chain. */
export * from './actor';
export * from './categories';
export * from './quality-issue.commands';
export * from './quality-issue.events';
export * from './quality-issue.state';
export * from './quality-issue.decider';
export * from './quality-issue.permissions';
export * from './quality-issue.overdue';
export * from './quality-issue.refusal';
export * from './rules';
export * from './findings-to-log';
export * from './canonical-json';
export * from './audit-chain';
