import { Module } from '@nestjs/common';
import { FeedbackCaseCommandsController, ReEvaluationController } from './commands/feedback-case-commands.controller';
import { FeedbackCasesQueryController } from './read-model/feedback-cases-query.controller';

/**
 * Follow-up cases of 差评 (api.md "容缺受理 and follow-up cases") over HTTP: commands through the
 * app's CommandExecutor, reads by query functions over `SQL_CLIENT` from the `feedback-cases` read
 * model. The policy that opens the cases (`BadReviewPolicy`), the projection and the migration are
 * registered in apps/api beside the others (reactions.ts, projection-registry.ts, database-schema.ts).
 */
@Module({
  controllers: [FeedbackCasesQueryController, FeedbackCaseCommandsController, ReEvaluationController],
})
export class FeedbackCasesModule {}
