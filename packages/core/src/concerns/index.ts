/**
 * @mentorkit/core/concerns — raise a concern about a pairing or report a message: it goes to the
 * programme's admins only, with a status (open, in review, closed) and an audit trail; the reporter
 * may ask to pause the pairing at once. Install with `kit.use(concernsFeature)`. docs/concerns.md.
 */
export * from './feature.js';
export { CONCERN_STATUSES, CONCERN_ABOUT, CONCERN_HISTORY_ACTIONS, ConcernInputSchema } from '../model/concern.js';
export type { Concern, ConcernStatus, ConcernAbout, ConcernHistoryEntry, ConcernHistoryAction, ConcernQuote, ConcernInput } from '../model/concern.js';
