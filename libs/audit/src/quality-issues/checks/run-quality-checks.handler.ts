import { Inject, Injectable } from '@nestjs/common';
import { SQL_CLIENT, type CommandContext, type SqlClient } from '@app/event-store';
import { newAggregateId } from '@app/event-store';
import { DomainError } from '@app/kernel';
import { findingsToLog } from '../../domain/findings-to-log';
import { checkMatter, type Finding } from '../../domain/rules';
import { QualityIssueIntake } from '../log/quality-issue-intake';
import { MatterLookup, type CurrentMatter } from '../matter-lookup';
import { rulesOfMatter } from '../read-model/quality-issue.queries';
import { publishedMatterIds } from './published-matters';
import type { LoggedFindingView, QualityCheckRunView } from './run-quality-checks.dto';

/**
 * 自动质检: run the catalogue rules over a matter's current elements and log one issue per failed
 * rule that is not already open on the matter. The issue id is derived from (matter, rule, how many
 * times the rule was logged there), so even a read model that lags cannot log the same finding twice:
 * the second append meets an existing stream and is refused.
 */
@Injectable()
export class RunQualityChecksHandler {
  constructor(
    private readonly matters: MatterLookup,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly intake: QualityIssueIntake,
  ) {}

  async run(matterId: string | undefined, context: CommandContext): Promise<QualityCheckRunView> {
    const targets = matterId ? [await this.matters.get(matterId)] : await this.publishedMatters();
    const logged: LoggedFindingView[] = [];
    for (const matter of targets) logged.push(...(await this.checkOne(matter, context)));
    return { checked: targets.length, logged };
  }

  private async publishedMatters(): Promise<CurrentMatter[]> {
    const found: CurrentMatter[] = [];
    for (const id of await publishedMatterIds(this.sql)) {
      const matter = await this.matters.find(id);
      if (matter?.status === 'published') found.push(matter);
    }
    return found;
  }

  private async checkOne(matter: CurrentMatter, context: CommandContext): Promise<LoggedFindingView[]> {
    const findings = checkMatter(matter.elements);
    if (findings.length === 0) return [];
    const rules = await rulesOfMatter(this.sql, matter.matterId);
    const open = rules.filter((rule) => rule.open);
    const logged: LoggedFindingView[] = [];
    for (const finding of findingsToLog(findings, open)) {
      const cycle = (rules.find((rule) => rule.rule === finding.rule)?.logged ?? 0) + 1;
      const issueId = await this.log(matter, finding, cycle, context);
      if (issueId) logged.push({ issueId, matterId: matter.matterId, rule: finding.rule });
    }
    return logged;
  }

  private async log(matter: CurrentMatter, finding: Finding, cycle: number, context: CommandContext): Promise<string | null> {
    const issueId = newAggregateId({
      userId: 'quality-check',
      idempotencyKey: `${matter.matterId}/${finding.rule}/${cycle}`,
      command: 'quality-check.log',
    });
    try {
      const input = {
        matterId: matter.matterId,
        category: finding.category,
        description: finding.description,
        rule: finding.rule,
        issueId,
      };
      const result = await this.intake.log(input, { ...context, idempotencyKey: undefined, expectedVersion: undefined });
      return result.id;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'already_exists') return null;
      throw error;
    }
  }
}
