import type { ProjectedEvent, Projection, SqlExecutor } from '@app/event-store';
import { businessCalendar } from '@app/kernel';
import type { FeedbackCaseOpened, FeedbackRectified, RedCardIssued } from '@app/supervision';
import { bulkUpsert } from '../shared/bulk-upsert';

/** The supervision events the assessment counts: cards issued, bad-review cases opened and rectified. */
export type SupervisionFactEvent = RedCardIssued | FeedbackCaseOpened | FeedbackRectified;

const HANDLED: readonly SupervisionFactEvent['type'][] = ['red-card.issued', 'feedback-case.opened', 'feedback-case.rectified'];

const CARD_COLUMNS = { card_id: 'text', application_id: 'text', department_id: 'text', region_code: 'text', issued_on: 'date' };
const CASE_COLUMNS = {
  case_id: 'text',
  application_id: 'text',
  department_id: 'text',
  region_code: 'text',
  score: 'smallint',
  opened_on: 'date',
  rectify_due_on: 'date',
};

/**
 * Red cards and bad-review follow-up cases (tables of `AssessmentSupervisionV1…`) behind the
 * operational figures `redCards` and `badReviewsRectifiedOnTime`. Idempotent: a card or case is
 * inserted once, and a case keeps the business date of its first rectification.
 */
export class SupervisionFactsProjection implements Projection<SupervisionFactEvent> {
  readonly name = 'assessment-supervision';
  readonly version = 1;
  readonly handles = HANDLED;

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query('TRUNCATE rm_assessment_red_cards_v1, rm_assessment_feedback_cases_v1');
  }

  async apply(events: ProjectedEvent<SupervisionFactEvent>[], tx: SqlExecutor): Promise<void> {
    const calendar = businessCalendar();
    const cards: Record<string, unknown>[] = [];
    const cases: Record<string, unknown>[] = [];
    const rectified = new Map<string, string>();
    for (const event of events) {
      switch (event.type) {
        case 'red-card.issued': {
          const { cardId, applicationId, departmentId, regionCode, issuedOn } = event.data;
          cards.push({
            card_id: cardId,
            application_id: applicationId,
            department_id: departmentId,
            region_code: regionCode,
            issued_on: issuedOn,
          });
          break;
        }
        case 'feedback-case.opened': {
          const { caseId, applicationId, departmentId, regionCode, score, openedOn, rectifyDueOn } = event.data;
          cases.push({
            case_id: caseId,
            application_id: applicationId,
            department_id: departmentId,
            region_code: regionCode,
            score,
            opened_on: openedOn,
            rectify_due_on: rectifyDueOn,
          });
          break;
        }
        case 'feedback-case.rectified':
          if (!rectified.has(event.data.caseId)) rectified.set(event.data.caseId, calendar.businessDate(event.data.at));
          break;
      }
    }
    await bulkUpsert(tx, { table: 'rm_assessment_red_cards_v1', columns: CARD_COLUMNS, key: ['card_id'], onConflict: 'nothing' }, cards);
    await bulkUpsert(
      tx,
      { table: 'rm_assessment_feedback_cases_v1', columns: CASE_COLUMNS, key: ['case_id'], onConflict: 'nothing' },
      cases,
    );
    if (rectified.size === 0) return;
    await tx.query(
      `UPDATE rm_assessment_feedback_cases_v1 c SET rectified_on = r.rectified_on
       FROM jsonb_to_recordset($1::jsonb) AS r(case_id text, rectified_on date)
       WHERE c.case_id = r.case_id AND c.rectified_on IS NULL`,
      [JSON.stringify([...rectified].map(([case_id, rectified_on]) => ({ case_id, rectified_on })))],
    );
  }
}
