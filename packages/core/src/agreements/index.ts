// @mentorkit/core/agreements — the working agreement a pair sets at the start: terms, versions,
// confirmations, changes since the last confirmed version, and what scheduling and check-ins need
// from it. See docs/scheduling.md.
export {
  AGREEMENT_MESSAGES,
  agreementMessagesFor,
  AGREEMENT_TERM_KEYS,
  agreementCheckInInput,
  agreementIdFor,
  agreementSlotParticipants,
  agreementStatus,
  changesSinceConfirmed,
  checkAgreementParticipants,
  diffAgreementTerms,
  draftAgreement,
  parseAgreement,
  requiredConfirmers,
  termsOf,
} from './agreements.js';
export type { AgreementChange, AgreementMessages, AgreementStatus, AgreementTermKey, AgreementTerms, CheckInAgreement } from './agreements.js';
export { agreementsFeature, AgreementEventType } from './feature.js';
export type { AgreementProposal, AgreementsApi, AgreementTermChanges } from './feature.js';
export { AgreementInputSchema, CADENCES, CHANNEL_KINDS, CHECK_IN_LEVELS } from '../model/agreement.js';
export type { Agreement, AgreementData, AgreementInput } from '../model/agreement.js';
