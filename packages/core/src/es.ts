/**
 * @mentorkit/core/es — core's sentences in Spanish (neutral Spanish, addressing the person as «tú»),
 * in one entry so that a page in English never downloads them.
 *
 * `registerSpanish()` registers every catalogue below with core (`registerLanguageCatalogue`); after
 * it, features answer Spanish for `es*` locales (`kit.goals.messagesFor('es-MX')`). MentorKit's
 * elements call it themselves the first time they render in Spanish. A host's own catalogues
 * (`kit.goals.setMessages(…, 'es')`) still win.
 *
 * ```ts
 * import { registerSpanish } from '@mentorkit/core/es';
 * registerSpanish();
 * ```
 */
import { registerLanguageCatalogue } from './model/languages.js';
import { goalMessagesEs } from './goals/messages-es.js';
import { builtInModelTextsEs } from './coaching/builtin-es.js';
import { coachingMessagesEs } from './coaching/messages-es.js';
import { coachingRecommendMessagesEs } from './coaching/recommend-es.js';
import { rapportTextsEs } from './rapport/deck-es.js';
import { pairingMessagesEs } from './pairing/messages-es.js';
import { checkInMessagesEs } from './checkins/messages-es.js';
import { feedbackTextEs } from './feedback/text-es.js';
import { agreementMessagesEs } from './agreements/messages-es.js';
import { schedulingMessagesEs } from './scheduling/messages-es.js';

export {
  goalMessagesEs,
  builtInModelTextsEs,
  coachingMessagesEs,
  coachingRecommendMessagesEs,
  rapportTextsEs,
  pairingMessagesEs,
  checkInMessagesEs,
  feedbackTextEs,
  agreementMessagesEs,
  schedulingMessagesEs,
};

/** Every Spanish catalogue of core, by domain (the name features look them up by). */
export const spanishCatalogues = {
  goals: goalMessagesEs,
  coaching: coachingMessagesEs,
  'coaching-models': builtInModelTextsEs,
  'coaching-recommend': coachingRecommendMessagesEs,
  rapport: rapportTextsEs,
  pairing: pairingMessagesEs,
  checkins: checkInMessagesEs,
  feedback: feedbackTextEs,
  agreements: agreementMessagesEs,
  scheduling: schedulingMessagesEs,
} as const;

/** Registers core's Spanish catalogues (idempotent). */
export function registerSpanish(): void {
  for (const [domain, catalogue] of Object.entries(spanishCatalogues)) registerLanguageCatalogue(domain, 'es', catalogue);
}
