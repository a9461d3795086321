import type { SchedulingMessages } from './recurrence.js';

/** The words of a session series in neutral Spanish. Loaded only through `@mentorkit/core/es`. */
export const schedulingMessagesEs: SchedulingMessages = {
  weekdays: { 1: 'lunes', 2: 'martes', 3: 'miércoles', 4: 'jueves', 5: 'viernes', 6: 'sábado', 7: 'domingo' },
  ordinals: { 1: 'primer', 2: 'segundo', 3: 'tercer', 4: 'cuarto', last: 'último' },
  weekly: 'Cada {weekday} a las {time} ({zone})',
  fortnightly: 'Cada dos semanas, el {weekday} a las {time} ({zone})',
  monthly: 'El {ordinal} {weekday} de cada mes a las {time} ({zone})',
  rotating: {
    weekly: 'Cada {weekday}, por turnos en los horarios tempranos y tardíos ({zone})',
    fortnightly: 'Cada dos semanas, el {weekday}, por turnos en los horarios tempranos y tardíos ({zone})',
    monthly: 'El {ordinal} {weekday} de cada mes, por turnos en los horarios tempranos y tardíos ({zone})',
  },
  sessionTitle: 'Sesión de mentoría',
};
