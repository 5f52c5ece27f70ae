import type { INestApplicationContext } from '@nestjs/common';
import { CommandExecutor, EVENT_STORE, SQL_CLIENT, type CommandContext, type EventStore, type SqlClient } from '@app/event-store';
import { businessCalendar } from '@app/kernel';
import { applicationStreamId } from '@app/matters';
import {
  BadReviewPolicy,
  feedbackCaseIdOf,
  feedbackCases,
  isBadReview,
  RED_CARDS_TABLE,
  redCards,
  Sweeper,
  type FeedbackCaseLimits,
} from '@app/supervision';
import type { SupervisionPlan } from './scenario-plan';

export interface SupervisionLoadResult {
  sweeps: number;
  cardsIssued: number;
  cardsExplained: number;
  cardsClosed: number;
  returned: number;
  feedbackCases: number;
  contacted: number;
  rectified: number;
  /** global position of the last event written */
  position: number;
}

/** The 差评 policy's limits (the app's defaults, FEEDBACK_CONTACT_WORKDAYS / FEEDBACK_RECTIFY_WORKDAYS). */
const FEEDBACK_LIMITS: FeedbackCaseLimits = { contactWorkdays: 1, rectifyWorkdays: 15 };
const INSPECTOR = { userId: 'scenario-inspector', roles: ['inspector'] };
const officerOf = (departmentId: string) => ({ userId: `scenario-officer-${departmentId}`, roles: ['department_officer'], departmentId });

/**
 * The supervision stage of a scenario, after its applications, through the one command path:
 * the sweep of every working day `from..through` in order (`Sweeper`, as the system actor: red
 * cards for the late applications, suspension and 退件 of the never-brought 容缺 materials); then
 * the 差评 cases — opened by the same policy the app's Reactor runs (`BadReviewPolicy`, same
 * idempotency keys, so a running Reactor and this stage open each case once) — contacted on time
 * for three in four and rectified on time for one in two, the rest left overdue; then one card in
 * three explained by its department and one in three explained and accepted by an inspector
 * (closed). Deterministic: the choices follow the sorted ids. Needs the projections running (the
 * sweep plans from the supervision read models).
 */
export async function runSupervision(
  app: INestApplicationContext,
  plan: SupervisionPlan,
  badReviews: readonly { applicationId: string; departmentId: string }[],
  correlation: string,
): Promise<SupervisionLoadResult> {
  const calendar = businessCalendar();
  const commands = app.get(CommandExecutor, { strict: false });
  const store = app.get<EventStore>(EVENT_STORE, { strict: false });
  const sql = app.get<SqlClient>(SQL_CLIENT, { strict: false });
  const sweeper = app.get(Sweeper, { strict: false });
  let position = 0;
  const track = (result: { position: number }) => (position = Math.max(position, result.position));
  const onTime = (date: string, workdays: number, time: string) => `${calendar.addWorkingDays(date, workdays)}T${time}:00+08:00`;
  const context = (actor: CommandContext['actor'], key: string, command: string, at: string): CommandContext => ({
    actor,
    at,
    command,
    correlationId: `${correlation}:${key}`,
    idempotencyKey: `${correlation}:${key}:${command}`,
  });

  // the sweep, day by day
  let sweeps = 0;
  let cardsIssued = 0;
  let returned = 0;
  for (let date = plan.from; date <= plan.through; date = calendar.addWorkingDays(date, 1)) {
    if (!calendar.isWorkingDay(date)) continue;
    const result = await sweeper.sweepOnRequest(date);
    sweeps += 1;
    cardsIssued += result.cardsIssued;
    returned += result.returned;
  }

  // 差评 cases: opened by the policy, then handled (or not) by the department
  const policy = new BadReviewPolicy(store, commands, FEEDBACK_LIMITS);
  let opened = 0;
  let contacted = 0;
  let rectified = 0;
  const sorted = [...badReviews].sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1));
  for (const [index, { applicationId, departmentId }] of sorted.entries()) {
    const stream = await store.readStream(applicationStreamId(applicationId));
    const evaluated = stream.find((event) => event.type === 'application.evaluated');
    if (!evaluated || !isBadReview((evaluated.data as { score: number }).score)) continue;
    await policy.react(evaluated);
    opened += 1;
    if (index % 4 === 0) continue; // never contacted: overdue
    const caseId = feedbackCaseIdOf(applicationId);
    const evaluatedOn = calendar.businessDate((evaluated.data as { at: string }).at);
    const officer = officerOf(departmentId);
    const contactAt = onTime(evaluatedOn, FEEDBACK_LIMITS.contactWorkdays, '10:00');
    if (contactAt.slice(0, 10) > plan.through) continue;
    const contact = { type: 'feedback-case.contact' as const, data: { note: '已电话回访申请人，了解不满意原因', at: contactAt } };
    track(await commands.execute(feedbackCases, caseId, contact, context(officer, `F${applicationId}`, contact.type, contactAt)));
    contacted += 1;
    if (index % 4 === 1) continue; // contacted, never rectified: overdue
    const rectifyAt = onTime(evaluatedOn, FEEDBACK_LIMITS.rectifyWorkdays - 5, '15:00');
    if (rectifyAt.slice(0, 10) > plan.through) continue;
    const rectify = { type: 'feedback-case.rectify' as const, data: { note: '已整改办理流程并答复申请人', at: rectifyAt } };
    track(await commands.execute(feedbackCases, caseId, rectify, context(officer, `F${applicationId}`, rectify.type, rectifyAt)));
    rectified += 1;
  }

  // red cards: explained by the department, reviewed by an inspector
  const cards = await sql.query<{ card_id: string; department_id: string; issued_on: string }>(
    `SELECT card_id, department_id, issued_on::text AS issued_on FROM ${RED_CARDS_TABLE} WHERE issued_on <= $1::date ORDER BY card_id`,
    [plan.through],
  );
  let cardsExplained = 0;
  let cardsClosed = 0;
  for (const [index, card] of cards.entries()) {
    if (index % 3 === 0) continue; // not explained yet
    const explainAt = onTime(card.issued_on, 2, '10:30');
    if (explainAt.slice(0, 10) > plan.through) continue;
    const explain = {
      type: 'red-card.explain' as const,
      data: { text: '因申请人补正材料耗时超出承诺时限，已督促经办人员加快办理', at: explainAt },
    };
    track(
      await commands.execute(
        redCards,
        card.card_id,
        explain,
        context(officerOf(card.department_id), `C${card.card_id}`, explain.type, explainAt),
      ),
    );
    cardsExplained += 1;
    if (index % 3 === 1) continue; // explained, awaiting review
    const reviewAt = onTime(card.issued_on, 3, '16:00');
    if (reviewAt.slice(0, 10) > plan.through) continue;
    const review = { type: 'red-card.review' as const, data: { accepted: true, comment: '说明属实，予以销号', at: reviewAt } };
    track(await commands.execute(redCards, card.card_id, review, context(INSPECTOR, `C${card.card_id}`, review.type, reviewAt)));
    cardsClosed += 1;
  }

  return { sweeps, cardsIssued, cardsExplained, cardsClosed, returned, feedbackCases: opened, contacted, rectified, position };
}
