import type { GoalMessages } from './messages.js';

/**
 * The Spanish catalogue (neutral Spanish, addressing the person as «tú»), complete and with the same
 * `{placeholders}` as `defaultGoalMessages`. The goals feature uses it for Spanish pages unless the
 * host set its own messages: `kit.goals.messagesFor('es')`.
 */
export const goalMessagesEs: GoalMessages = {
  criteria: {
    specific: { letter: 'S', name: 'Específico', explain: 'Di exactamente qué vas a hacer, en una frase corta con un verbo y un objeto.' },
    measurable: { letter: 'M', name: 'Medible', explain: 'Ponle un número que alcanzar, o hitos que puedas ir marcando.' },
    achievable: { letter: 'A', name: 'Alcanzable', explain: 'Mantén un ritmo realista y pocas metas abiertas a la vez.' },
    relevant: { letter: 'R', name: 'Relevante', explain: 'Vincúlala a una habilidad o un área de desarrollo en la que estés trabajando.' },
    'time-bound': { letter: 'T', name: 'Temporal', explain: 'Fija una fecha límite a partir de hoy, dentro de un año más o menos.' },
  },
  smart: {
    specificEmpty: 'Escribe qué quieres lograr, p. ej., «Dirigir 3 retrospectivas del equipo».',
    specificShort: 'Cuenta un poco más: usa al menos {min} palabras, con un verbo y aquello a lo que se aplica, p. ej., «Dirigir 3 retrospectivas del equipo».',
    specificVague:
      'Nombra el resultado exacto en lugar de palabras generales, p. ej., «Responder a las solicitudes de revisión en un día laborable» en vez de «mejorar».',
    measurableMissing: 'Añade un objetivo, como «dirigir 3 retrospectivas» (una medida de 0 a 3), o divide la meta en hitos que puedas ir marcando.',
    measurableNoChange: 'El objetivo es igual al valor inicial ({start}); indica el valor que quieres alcanzar.',
    achievablePace:
      'Llegar a {target} {unit} requiere unos {requiredPace} {per}, más de {ratio} veces el ritmo actual ({pace} {per}). Baja el objetivo o cambia la fecha.',
    paceUnits: { day: 'al día', week: 'a la semana', month: 'al mes' },
    achievableTooMany: 'Ya hay {count} metas abiertas; más de {max} a la vez dispersan la atención. Termina o archiva una primero.',
    achievableRushed: 'Solo quedan {days} días para el {remaining} % del trabajo; cambia la fecha o reduce el alcance.',
    relevantMissing: 'Vincúlala a una habilidad o al área de desarrollo de la persona mentorizada, p. ej., gestión del tiempo o diseño de sistemas.',
    timeBoundMissing: 'Añade una fecha límite, para que ambos sepan cuándo revisarla.',
    timeBoundPast: 'La fecha límite ({dueDate}) ya pasó; elige una fecha a partir de hoy.',
    timeBoundStartAfterDue: 'La fecha de inicio es posterior a la fecha límite; intercámbialas o elige una fecha límite más tardía.',
    timeBoundMilestoneLate: 'El hito «{milestone}» vence después que la propia meta; muévelo al {dueDate} o antes.',
    timeBoundTooFar: 'La fecha límite está a más de {maxDays} días; fija una fecha más cercana o convierte esto en un hito de una meta más corta.',
  },
  status: {
    'not-started': 'Sin empezar',
    'on-track': 'Va bien',
    'at-risk': 'En riesgo',
    behind: 'Con retraso',
    achieved: 'Lograda',
    missed: 'No alcanzada',
  },
  celebration: {
    heading: '¡Hito alcanzado!',
    milestone: [
      '¡Lo lograste! «{milestone}» está hecho. Son {done} de {total} hitos de «{goal}».',
      '¡Bien hecho! «{milestone}» está marcado: {done} de {total} en el camino hacia «{goal}».',
      '«{milestone}»: hecho. Cada paso cuenta; {done} de {total} para «{goal}».',
    ],
    achievedHeading: '¡Meta lograda!',
    achieved: 'Alcanzaste «{goal}». Tómate un momento para ver cuánto has avanzado y cuéntaselo a tu mentor o mentora.',
  },
  reassurance: {
    heading: 'Es momento de replanificar',
    missed:
      '«{goal}» llegó a su fecha ({dueDate}) al {percent} %. Le pasa a todo el mundo, y lo que hiciste sigue contando. Háblalo con tu mentor o mentora y elige un nuevo plan:',
    suggestions: {
      split: 'Divide la meta en metas más pequeñas y empieza por la siguiente.',
      'move-date': 'Cambia la fecha límite por una que se ajuste a lo que aprendiste sobre el ritmo.',
      'lower-target': 'Baja el objetivo a lo que sigue importando más.',
    },
  },
};
