import type { CoachingMessages } from './messages.js';

/**
 * The coaching sentences in neutral Spanish (addressing the person as «tú»). Loaded only through
 * `@mentorkit/core/es` (`registerSpanish()`), so English pages never download it.
 */
const quoteList = (questions: readonly string[]) => questions.map((question) => `«${question}»`).join(', ');

export const coachingMessagesEs: CoachingMessages = {
  requiredMissing: (stepTitle, questions) =>
    `Antes de salir de ${stepTitle}, responde ${questions.length === 1 ? 'esta pregunta' : `estas ${questions.length} preguntas`}: ${quoteList(questions)}.`,
  alreadyFinished: () => 'Esta sesión ha terminado. Vuelve atrás para cambiar una respuesta o empieza una sesión nueva.',
  atFirstStep: () => 'Este es el primer paso; no hay ninguno antes.',
  stepNotReachable: (stepTitle, blockingStepTitle) => `${stepTitle} se abre cuando respondas las preguntas obligatorias de ${blockingStepTitle}.`,
  summaryTitle: (modelName, topic) => (topic ? `Sesión ${modelName}: ${topic}` : `Sesión ${modelName}`),
  scaleValue: (value, min, max) => `${value} en una escala de ${min} a ${max}`,
  actionsHeading: () => 'Acciones',
  actionGoalDescription: (modelName, date, topic) =>
    `Acordado en una sesión de coaching ${modelName} el ${date}${topic ? `, con el objetivo de: ${topic}` : ''}.`,
  milestoneGoalTitle: (modelName, date) => `Acciones de la sesión ${modelName} del ${date}`,
  inProgress: () => 'En curso',
  finishedOn: (date) => `Terminada el ${date}`,
};
