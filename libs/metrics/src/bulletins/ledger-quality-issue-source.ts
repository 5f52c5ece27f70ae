import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { addDays } from '@app/kernel';
import { RectificationLedgerQuery } from '@app/audit';
import type { QualityIssueChanges, QualityIssueSource } from './quality-issue-source';

/**
 * Quality-issue figures for bulletins from the audit context's rectification ledger (its query
 * service, looked up in the application; this context keeps no ledger of its own): the ledger at
 * the end of the interval, and how found and closed moved since the day before it began.
 */
@Injectable()
export class LedgerQualityIssueSource implements QualityIssueSource {
  constructor(private readonly modules: ModuleRef) {}

  async changes(interval: { from: string; to: string }): Promise<QualityIssueChanges> {
    const ledger = this.modules.get(RectificationLedgerQuery, { strict: false });
    const [end, before] = await Promise.all([ledger.asOf({ asOf: interval.to }), ledger.asOf({ asOf: addDays(interval.from, -1) })]);
    return {
      found: end.found - before.found,
      closed: end.closed - before.closed,
      ledger: { found: end.found, closed: end.closed, open: end.open, overdue: end.overdue },
    };
  }
}
