import type { FeedbackText, NeedEvidence } from './text.js';

/** The feedback words (tag labels, why a training need was found) in neutral Spanish. Loaded only through `@mentorkit/core/es`. */
const round1 = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(1));
const ofNotes = (evidence: NeedEvidence) => `${evidence.mentions} de las últimas ${evidence.considered} valoraciones`;

export const feedbackTextEs: FeedbackText = {
  tagLabels: {
    'clear-next-steps': 'Próximos pasos claros',
    'good-listener': 'Supo escuchar',
    'useful-resources': 'Recursos útiles',
    encouraging: 'Motivador',
    'ran-out-of-time': 'Faltó tiempo',
    'felt-rushed': 'Fue con prisas',
    unprepared: 'Poca preparación',
    'unclear-next-steps': 'Próximos pasos poco claros',
    'forgot-follow-up': 'Se olvidó el seguimiento',
    interrupted: 'No me sentí escuchado/a',
  },
  needReasons: {
    'time-management': (evidence) => `«Faltó tiempo» se repite: ${ofNotes(evidence)}.`,
    'falling-rating': (evidence) =>
      `Las valoraciones están bajando: ${round1(evidence.recentAverage)} de media últimamente, frente a ${round1(evidence.previousAverage)} antes.`,
    'low-rating': (evidence) => `Las sesiones recientes tienen una valoración media de ${round1(evidence.recentAverage)} sobre 5.`,
    preparation: (evidence) => `Las personas mentorizadas sintieron que las sesiones no estaban preparadas: ${ofNotes(evidence)}.`,
    'follow-up': (evidence) => `Se olvidaron seguimientos prometidos: ${ofNotes(evidence)}.`,
    listening: (evidence) => `Las personas mentorizadas no siempre se sintieron escuchadas: ${ofNotes(evidence)}.`,
    'goal-setting': (evidence) => `Los próximos pasos no estaban claros: ${ofNotes(evidence)}.`,
  },
};
