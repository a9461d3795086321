import * as v from 'valibot';
import { CalendarDateSchema, IdSchema, shortText } from './primitives.js';

/**
 * A stored matching round (`pairing-rounds`, see `@mentorkit/core/pairing`): the cohort, the settings,
 * the admin's adjustments and the proposal. Servers validate rounds with this schema.
 */

const COHORT_LIMIT = 50_000;
const finiteNumber = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));
const ids = (what: string) => v.pipe(v.array(IdSchema, `must be a list of ${what} ids`), v.maxLength(COHORT_LIMIT, `must have at most ${COHORT_LIMIT} ids`));
const PairSchema = v.tuple([IdSchema, IdSchema], 'must be a [menteeId, mentorId] pair');
const pairs = v.pipe(v.array(PairSchema, 'must be a list of [menteeId, mentorId] pairs'), v.maxLength(COHORT_LIMIT, `must have at most ${COHORT_LIMIT} pairs`));

export const MatchAssignmentSchema = v.object({
  menteeId: IdSchema,
  mentorIds: v.pipe(v.array(IdSchema), v.minLength(1), v.maxLength(2)),
  score: finiteNumber,
  breakdown: v.record(v.pipe(v.string(), v.maxLength(60)), finiteNumber),
  reasons: v.pipe(v.array(shortText(300)), v.maxLength(20)),
  required: v.optional(v.boolean()),
});

export const PairingRoundSchema = v.object({
  id: IdSchema,
  programId: IdSchema,
  status: v.picklist(['draft', 'approved', 'activated', 'discarded'], 'must be "draft", "approved", "activated" or "discarded"'),
  menteeIds: ids('mentee'),
  mentorIds: ids('mentor'),
  seats: v.record(IdSchema, v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0), v.maxValue(1000))),
  weights: v.record(v.pipe(v.string(), v.maxLength(60)), v.pipe(finiteNumber, v.minValue(0, 'must be 0 or more'))),
  minScore: v.optional(finiteNumber),
  mentorsPerMentee: v.picklist([1, 2], 'must be 1 or 2'),
  pins: pairs,
  vetoes: pairs,
  forbidden: pairs,
  proposal: v.object({
    assignments: v.pipe(v.array(MatchAssignmentSchema), v.maxLength(COHORT_LIMIT)),
    unmatched: v.pipe(v.array(v.object({ menteeId: IdSchema, reason: shortText(500) })), v.maxLength(COHORT_LIMIT)),
    totalScore: finiteNumber,
    groups: v.optional(v.pipe(v.array(v.object({ mentorId: IdSchema, theme: shortText(200), menteeIds: ids('mentee') })), v.maxLength(COHORT_LIMIT))),
  }),
  replacesPairingId: v.optional(IdSchema),
  pairingIds: v.optional(ids('pairing')),
  locale: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/, 'must be a language tag such as "es"'))),
  /** When the round's pairings start: its scores and reasons use that week's zone rules. */
  startsOn: v.optional(CalendarDateSchema),
});
