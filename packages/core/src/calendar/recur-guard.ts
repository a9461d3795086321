// A bound on ical.js's recurrence iterator. Its next() steps period by period (day by day for DAILY,
// second by second for SECONDLY) until a candidate passes the rule's BY* filters, with no limit of its
// own: an impossible rule (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) keeps it busy for minutes inside one
// call. Every candidate goes through check_contracting_rules(), so counting those calls bounds the work.
import type ICAL from 'ical.js';

/** Thrown out of a guarded iterator's next() once it has looked at more candidates than allowed. */
export class RecurrenceStepLimit extends Error {
  constructor(readonly steps: number) {
    super(`its recurrence rule needs more than ${steps} steps`);
  }
}

interface Countable {
  check_contracting_rules(): boolean;
}

/**
 * Makes `iterator.next()` throw RecurrenceStepLimit after `limit` candidates (the iterator's own
 * method is wrapped on this instance only). `onStep` is called with each step, for shared budgets.
 */
export function guardIterator(iterator: ICAL.RecurIterator, limit: number, onStep?: () => boolean): ICAL.RecurIterator {
  const countable = iterator as unknown as Countable;
  const original = countable.check_contracting_rules;
  let steps = 0;
  countable.check_contracting_rules = function guardedCheck(this: Countable) {
    steps++;
    if (steps > limit || (onStep !== undefined && !onStep())) throw new RecurrenceStepLimit(steps - 1);
    return original.call(this);
  };
  return iterator;
}
