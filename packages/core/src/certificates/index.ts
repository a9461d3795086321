/**
 * @mentorkit/core/certificates — certificates of participation: who may have one for a finished
 * pairing (`certificateEligibility`) and the facts it prints. Pure functions: no DOM, no storage.
 * The MentorKit server issues, serves (PDF) and verifies them (docs/certificates.md).
 */
export {
  CERTIFICATE_MISSING_CODES,
  DEFAULT_CERTIFICATE_SESSIONS,
  certificateEligibility,
  certificateSessionMinutes,
  type CertificateEligibility,
  type CertificateEligibilityInput,
  type CertificateMissingCode,
} from './eligibility.js';
