/**
 * @mentorkit/core/pairing — explainable scoring, exact whole-cohort matching with capacities,
 * co-mentoring and group circles, the solver underneath, and the `pairingFeature` client commands.
 * See docs/pairing.md.
 */
export { scoreMatch, resolveWeights, skillsComponent, DEFAULT_WEIGHTS, CRITERIA } from './score.js';
export type { MatchProfile, MenteeProfile, MentorProfile, MatchWeights, Criterion, ProgramRule, ScoreOptions, MatchScore } from './score.js';
export { matchMentors, circleThemeOf } from './match.js';
export type { MatchRequest, MatchResult, MatchAssignment } from './match.js';
export { weeklyOverlap, weeklyUtcIntervals, DEFAULT_REFERENCE_WEEK } from './overlap.js';
export type { OverlapWindow, AvailabilityProfile } from './overlap.js';
export { pairingMessages, pairingMessagesFor, withMessages } from './messages.js';
export type { PairingMessages } from './messages.js';
export { solveDenseAssignment, solveSparseAssignment, DENSE_CANDIDATES_PER_ROW } from './solver/index.js';
export type { DenseAssignmentInput, SparseAssignmentInput, AssignmentSolution, AssignmentCapacity } from './solver/index.js';
export { pairingFeature } from './feature.js';
export { explainPairing, mondayOf } from './explain.js';
export type { ExplainPairingRequest } from './explain.js';
export type { PairingApi, PairingRound, PairingRoundStatus, ProposeRoundInput, RoundAdjustment, PairingCohort } from './feature.js';
