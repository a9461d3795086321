import type { MessageCatalogue } from '../internal/localize.js';

/**
 * Spanish for `icebreaker.messages.ts` (neutral Spanish, «tú»): loaded the first time an element renders in
 * Spanish, so pages in other languages never download it. Same ids and placeholders as English.
 */
export const icebreakerMessagesEs = {
  heading: 'Empezad con una pregunta',
  with: 'con {names}',
  loading: 'Cargando…',
  'error.title': 'No se pudo cargar la pregunta para romper el hielo.',
  'error.fallback': 'Algo salió mal durante la carga.',
  unavailable: 'Elige uno de tus emparejamientos para recibir una pregunta.',
  'empty.title': 'Empezad la sesión con una pregunta para los dos.',
  'empty.hint': 'Una nueva cada vez; sin repeticiones hasta que hayáis tenido todas.',
  deal: 'Sacar una pregunta',
  another: 'Otra',
  dealing: 'Sacando…',
  'topic.label': 'Tema',
  'topic.any': 'Cualquier tema',
  'topic.work': 'Trabajo',
  'topic.non-work': 'Fuera del trabajo',
  'tone.light': 'Ligera',
  'tone.playful': 'Divertida',
  'tone.reflective': 'Reflexiva',
  'kind.icebreaker': 'Para romper el hielo',
  'kind.check-in': 'Para tomar el pulso',
  tags: 'Etiquetas',
  'dealt-by': 'Sacada por {name}',
  round: (parameters) =>
    Number(parameters.remaining) === 1 ? `Queda 1 pregunta nueva en esta ronda` : `Quedan ${parameters.remaining} preguntas nuevas en esta ronda`,
  'formats.heading': 'Formatos informales',
  'formats.minutes': '{minutes} min',
} as const satisfies MessageCatalogue;
