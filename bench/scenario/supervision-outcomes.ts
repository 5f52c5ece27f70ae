import { figureOf, missing, type Outcome } from '../support/stats';
import type { SupervisionMeasures } from './supervision-measures';

export interface SupervisionOutcomes {
  warningsP99Small: Outcome;
  warningsP99Large: Outcome;
  sweepFirstS: Outcome;
  sweepFirstEvents: Outcome;
  sweepCardsIssued: Outcome;
  sweepRepeatMs: Outcome;
}

/** The figures of the warnings route at both sizes and of the sweep on the large (bulk-loaded) one. */
export function supervisionOutcomes(small: SupervisionMeasures | Error, large: SupervisionMeasures | Error): SupervisionOutcomes {
  const warnings = (m: SupervisionMeasures | Error) => {
    const w = m instanceof Error ? m : m.warnings;
    return w instanceof Error ? missing(w.message) : figureOf(w.latency.p99, 'ms');
  };
  const sweep =
    large instanceof Error
      ? large
      : large.sweep === null
        ? new Error('the large scenario was not bulk-loaded: no sweep measured')
        : large.sweep;
  if (sweep instanceof Error) {
    const m = missing(sweep.message);
    return {
      warningsP99Small: warnings(small),
      warningsP99Large: warnings(large),
      sweepFirstS: m,
      sweepFirstEvents: m,
      sweepCardsIssued: m,
      sweepRepeatMs: m,
    };
  }
  const { first, repeats, discrepancies } = sweep.timing;
  const appended = Object.values(first.appended).reduce((a, b) => a + b, 0);
  return {
    warningsP99Small: warnings(small),
    warningsP99Large: warnings(large),
    sweepFirstS: figureOf([first.seconds], 's'),
    sweepFirstEvents: figureOf([appended], 'events'),
    sweepCardsIssued: figureOf([first.answer.cardsIssued], 'cards'),
    // a repeat that appended anything or answered other counts is no figure of an idempotent sweep
    sweepRepeatMs:
      discrepancies.length > 0
        ? missing(`NOT IDEMPOTENT: ${discrepancies.join('; ')}`)
        : figureOf(
            repeats.map((r) => r.seconds * 1000),
            'ms',
          ),
  };
}
