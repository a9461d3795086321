import { parameterNumber, type MessageCatalogue } from '../internal/localize.js';

/**
 * Spanish for `provider.messages.ts` (neutral Spanish, «tú»): loaded the first time the provider's
 * notice renders in Spanish, so pages in other languages never download it. Same ids and placeholders as English.
 */
export const providerMessagesEs = {
  heading: (parameters) => (parameterNumber(parameters, 'count') === 1 ? 'Un cambio no se guardó' : `${parameters.count} cambios no se guardaron`),
  'not-saved': '{what} no se guardó.',
  'not-deleted': '{what} no se eliminó.',
  dismiss: 'Descartar',
  'dismiss-all': 'Descartar todos',
  'all-dismissed': 'Se descartaron todos los avisos.',
  'subject.message': 'Tu mensaje en la conversación con {people}',
  'subject.message.unnamed': 'Tu mensaje en la conversación',
  'subject.mentor-note': 'Tu nota para {people} en las notas de mentores',
  'subject.mentor-note.unnamed': 'Tu nota en las notas de mentores',
  'subject.read-marker': 'Marcar como leída la conversación con {people}',
  'subject.read-marker.unnamed': 'Marcar como leída la conversación',
  'subject.goal': 'El objetivo «{title}»',
  'subject.goal.unnamed': 'Un objetivo',
  'subject.feedback': 'Tu valoración de la sesión «{title}»',
  'subject.feedback.unnamed': 'Tu valoración de la sesión',
  'subject.session': 'La sesión «{title}»',
  'subject.session.unnamed': 'Una sesión',
  'subject.agreement': 'El acuerdo de trabajo con {people}',
  'subject.agreement.unnamed': 'El acuerdo de trabajo',
  'subject.coaching-session': 'Tu sesión de coaching con {people}',
  'subject.coaching-session.unnamed': 'Tu sesión de coaching',
  'subject.icebreaker': 'La pregunta para romper el hielo con {people}',
  'subject.icebreaker.unnamed': 'La pregunta para romper el hielo que sacaste',
  'subject.pairing': 'El emparejamiento con {people}',
  'subject.pairing.unnamed': 'Un emparejamiento',
  'subject.matching-round.unnamed': 'La ronda de emparejamiento',
  'subject.profile': 'El perfil de {people}',
  'subject.profile.unnamed': 'Un perfil',
  'subject.profile.own': 'Tu perfil',
  'subject.programme': 'El programa «{title}»',
  'subject.programme.unnamed': 'Un programa',
  'subject.other.unnamed': 'Un cambio',
} as const satisfies MessageCatalogue;
