/**
 * Commands of the quality-issue aggregate (问题事项), `{type, data}` like every command. Time, actor and everything the handler looked up
 * (the matter's department and region, the deadline computed from the working-day calendar) arrive here.
 */
import type { CalendarDate } from '@app/kernel';
import type { Actor } from './actor';

/** What every quality-issue command's data carries: business time and the actor (recorded in the events). */
interface CommandBase {
  /** business time, ISO 8601 with offset */
  at: string;
  actor: Actor;
}

/** An inspector (or an automated check, with `rule`) logs a defect found in a matter's catalogue data. */
export interface LogQualityIssue {
  type: 'quality-issue.log';
  data: CommandBase & {
    issueId: string;
    matterId: string;
    /** the matter's department and region, looked up by the handler */
    departmentId: string;
    regionCode: string;
    /** a code of `QUALITY_ISSUE_CATEGORIES`; checked by the decider */
    category: string;
    description: string;
    /** rectification deadline; the handler defaults it to `at` + 15 working days */
    deadline: CalendarDate;
    /** id of the automated rule that found it; absent for manual findings */
    rule?: string | null;
  };
}

/** 交办: hand the issue to the matter's department. */
export interface AssignQualityIssue {
  type: 'quality-issue.assign';
  data: CommandBase & { issueId: string };
}

/** 整改: the department reports what it fixed. */
export interface SubmitRectification {
  type: 'quality-issue.rectify';
  data: CommandBase & { issueId: string; note: string };
}

/** 复核: passed → closed (销号); failed → back to the department, with a comment saying why. */
export interface VerifyRectification {
  type: 'quality-issue.verify';
  data: CommandBase & { issueId: string; passed: boolean; comment?: string | null };
}

/** A regression was found in a closed issue: it goes back to the department with a new deadline. */
export interface ReopenQualityIssue {
  type: 'quality-issue.reopen';
  data: CommandBase & { issueId: string; reason: string; deadline: CalendarDate };
}

export type QualityIssueCommand = LogQualityIssue | AssignQualityIssue | SubmitRectification | VerifyRectification | ReopenQualityIssue;
