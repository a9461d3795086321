import { plural, parameterText as p, type CatalogueLoaders, type ElementMessages } from '../internal/localize.js';

/**
 * `<mk-certificate>`'s messages, in English (Spanish in `certificate.messages.es.ts`, loaded on first
 * use). Hosts reword or add languages with `registerMessages(locale, { 'mk-certificate.<id>': … })`.
 */
export const certificateMessages = {
  en: {
    heading: 'Certificate of participation',
    loading: 'Loading the certificate…',
    'error.title': 'The certificate could not be loaded.',
    'error.retry': 'Try again',
    unavailable: 'Certificates need the MentorKit server: it issues them and answers their verification address.',
    'own.ready': 'Your certificate is ready.',
    'own.eligible': 'You have earned a certificate of participation for this mentoring.',
    'own.not-yet': 'Not yet: a certificate comes when the mentoring ends with its agreed sessions and your feedback.',
    'missing.pairing-not-ended': 'The pairing has not ended yet.',
    'missing.sessions': (parameters) => `${p(parameters, 'held')} of ${p(parameters, 'required')} ${plural(parameters.required, 'session', 'sessions')} held.`,
    'missing.feedback': (parameters) =>
      `Your feedback given in ${p(parameters, 'given')} of ${p(parameters, 'required')} ${plural(parameters.required, 'session', 'sessions')}.`,
    'missing.feedback-other': (parameters) =>
      `Feedback given in ${p(parameters, 'given')} of ${p(parameters, 'required')} ${plural(parameters.required, 'session', 'sessions')}.`,
    'facts.sessions': 'Sessions held',
    'facts.hours': 'Mentoring',
    'facts.hours-value': (parameters) => `${p(parameters, 'hours')} ${parameters.hours === '1' ? 'hour' : 'hours'}`,
    'facts.goals': 'Goals achieved',
    'facts.issued': 'Issued on',
    'facts.reason': 'Issued by hand',
    download: 'Download certificate',
    downloading: 'Preparing the PDF…',
    verify: 'Verification page',
    'verify-hint': 'Anyone can check the certificate at this address; it is printed on it.',
    'admin.intro': 'Each member of the pairing, and where they stand.',
    'admin.issued': (parameters) => `Certificate issued on ${p(parameters, 'date')}.`,
    'admin.eligible': 'Eligible: not issued yet.',
    'admin.not-yet': 'Not eligible yet:',
    'admin.issue': 'Issue certificate',
    'admin.by-hand': 'Issue by hand',
    'admin.reason': 'Why it is issued by hand',
    'admin.reason-hint': 'Kept with the certificate; up to 500 characters.',
    'admin.reason-required': 'Say why the certificate is issued by hand.',
    'admin.confirm': 'Issue',
    'admin.cancel': 'Cancel',
    'admin.revoke': 'Revoke',
    working: 'Working…',
    'role.mentee': 'Mentee',
    'role.mentor': 'Mentor',
    'announce.issued': (parameters) => `Certificate issued to ${p(parameters, 'name')}.`,
    'announce.revoked': (parameters) => `The certificate of ${p(parameters, 'name')} was revoked.`,
    'announce.downloaded': 'The certificate was downloaded.',
    'action.error': 'That did not work.',
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `certificateMessages`, loaded on first use (`LocaleController`). */
export const certificateLanguages: CatalogueLoaders = {
  es: () => import('./certificate.messages.es.js').then((module) => module.certificateMessagesEs),
};
