import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { READ_SQL, type SqlExecutor } from '@app/event-store';
import { addDays } from '@app/kernel';
import { RectificationLedgerCache, rectificationLedger, type LedgerFilter } from '@app/audit';
import type { QualityIssueChanges, QualityIssueSource } from './quality-issue-source';

/**
 * Quality-issue figures for bulletins from the audit context's rectification ledger (its query
 * function and cache, the cache looked up in the application; this context keeps no ledger of its own): the ledger at
 * the end of the interval, and how found and closed moved since the day before it began.
 */
@Injectable()
export class LedgerQualityIssueSource implements QualityIssueSource {
  constructor(
    private readonly modules: ModuleRef,
    @Inject(READ_SQL) private readonly sql: SqlExecutor,
  ) {}

  async changes(interval: { from: string; to: string }): Promise<QualityIssueChanges> {
    const cache = this.modules.get(RectificationLedgerCache, { strict: false });
    const ledger = (filter: LedgerFilter) => cache.get(JSON.stringify(filter), () => rectificationLedger(this.sql, filter));
    const [end, before] = await Promise.all([ledger({ asOf: interval.to }), ledger({ asOf: addDays(interval.from, -1) })]);
    return {
      found: end.found - before.found,
      closed: end.closed - before.closed,
      ledger: { found: end.found, closed: end.closed, open: end.open, overdue: end.overdue },
    };
  }
}
