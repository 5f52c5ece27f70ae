import { Module } from '@nestjs/common';
import { BulletinsController } from './bulletins/bulletins.http.controller';
import { LedgerQualityIssueSource } from './bulletins/ledger-quality-issue-source';
import { QUALITY_ISSUE_SOURCE } from './bulletins/quality-issue-source';
import { ExportsController } from './exports/exports.http.controller';
import { AssessmentController } from './indicators/assessment.http.controller';
import { RankingsController } from './rankings/rankings.http.controller';
import { reportCacheProvider } from './shared/report-cache';

/**
 * The provincial assessment (考核): the eight indicators, rankings, bulletins and exports, all
 * read from this context's read models by query functions over `SQL_CLIENT`. Its projections and tables
 * are listed in `index.ts` for apps/api's registries. Bulletins read quality-issue figures from the
 * audit context's rectification ledger. Report answers are kept per projection checkpoint (`ReportCache`).
 */
@Module({
  controllers: [AssessmentController, RankingsController, BulletinsController, ExportsController],
  providers: [{ provide: QUALITY_ISSUE_SOURCE, useClass: LedgerQualityIssueSource }, reportCacheProvider],
})
export class AssessmentModule {}
