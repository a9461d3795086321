import type { CheckInMessages } from './messages.js';

/** The words of check-ins and nudges in neutral Spanish («tú»). Loaded only through `@mentorkit/core/es`. */
export const checkInMessagesEs: CheckInMessages = {
  levels: { 'high-touch': 'Intensivo', regular: 'Regular', 'light-touch': 'Ligero' },
  reasons: {
    lowRatings: 'Las valoraciones recientes de las sesiones promedian {average} de 5.',
    goalsBehind: '{count} {count|meta va|metas van} con retraso o no se {count|cumplió|cumplieron}.',
    goalsAtRisk: 'La mitad o más de las metas abiertas están en riesgo.',
    missedSessions: 'Se {count|perdió|perdieron} {count} {count|sesión reciente|sesiones recientes}.',
    thriving: 'Las valoraciones promedian {average} de 5 y todas las metas abiertas van bien.',
    steady: 'Las valoraciones y las metas se ven estables: no hace falta ningún cambio.',
    noData: 'Todavía no hay suficientes valoraciones ni avances de metas para sugerir un cambio.',
    alreadyHighest: 'Ya está en el nivel de seguimiento más cercano.',
    alreadyLightest: 'Ya está en el nivel más ligero.',
    overridden: 'Se mantiene en {level} por decisión propia (la sugerencia era {suggested}).',
  },
  nudges: {
    'check-in-due-soon': 'Te toca un seguimiento con {other} el {date}. Reserva una sesión o envía una nota breve.',
    'check-in-overdue': 'Tu seguimiento con {other} lleva {days} {days|día|días} de retraso. Un mensaje corto hoy mantiene las cosas en marcha.',
    'check-in-overdue-mentee': 'Ha pasado un tiempo desde tu último seguimiento. Podrías proponerle un horario a {other}.',
    'pair-inactive': 'Ninguna sesión, mensaje ni avance de metas con {other} desde hace {days} {days|día|días}. ¿Va todo bien?',
    'session-in-24h': 'Recordatorio: tu sesión «{title}» con {other} es el {date} a las {time}.',
    'session-in-1h': 'Tu sesión «{title}» con {other} empieza en {minutes} {minutes|minuto|minutos}, a las {time}.',
    'feedback-requested':
      '¿Qué tal fue tu sesión «{title}» con {other}? Unas palabras de valoración ayudan a que la próxima sea aún mejor; puedes darla hasta el {date}.',
    'goal-due': 'Tu meta «{goal}» vence el {date}. ¿Cuál es el siguiente paso que puedes dar?',
    'goal-due-mentor': 'La meta «{goal}» de {owner} vence el {date}. Unas palabras de ánimo pueden ayudar.',
    'goal-missed': 'Ya pasó la fecha de tu meta «{goal}» ({date}). No pasa nada: puedes fijar una nueva fecha o ajustar la meta.',
    'goal-missed-mentor': 'Ya pasó la fecha de la meta «{goal}» de {owner} ({date}). Podrías ayudarle a fijar una nueva fecha o a ajustarla.',
  },
};
