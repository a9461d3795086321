import { plural, parameterText as p, type MessageCatalogue } from '../internal/localize.js';

/**
 * Spanish for `checkin.messages.ts` (neutral Spanish, «tú»): loaded the first time an element renders in
 * Spanish, so pages in other languages never download it. Same ids and placeholders as English.
 */
export const checkinMessagesEs = {
  heading: 'Seguimientos',
  with: 'con {names}',
  loading: 'Cargando los seguimientos…',
  'error.title': 'No se pudieron cargar los seguimientos.',
  'error.fallback': 'Algo salió mal durante la carga.',
  'error.action': 'No se pudo completar la acción.',
  'not-found.title': 'Este emparejamiento no está disponible.',
  'not-found.hint': 'Puede que se haya eliminado o que no sea uno de tus emparejamientos.',
  'no-agreement.title': 'Todavía no hay un acuerdo de trabajo',
  'no-agreement.hint': 'Cuando la pareja acuerde una frecuencia y un nivel de seguimiento, aquí verás cuándo toca el próximo seguimiento.',
  'level.high-touch': 'Intensivo',
  'level.regular': 'Regular',
  'level.light-touch': 'Ligero',
  'due.heading': 'Próximo seguimiento',
  'due.due': 'Previsto:',
  'due.was-due': 'Estaba previsto:',
  interval: (parameters) => `${p(parameters, 'level')}: ${plural(parameters.days, 'cada día', `cada ${p(parameters, 'days')} días`)}.`,
  'last.session': 'Último seguimiento: una sesión ({date}).',
  'last.message': 'Último seguimiento: un mensaje ({date}).',
  'last.none': 'Aún no hay seguimientos: se cuenta desde el acuerdo.',
  'next-session': 'Próxima sesión: {date}.',
  'next-session.covers': 'Próxima sesión: {date}; cubre este seguimiento.',
  'overdue.title': (parameters) =>
    `Seguimiento atrasado ${Number(parameters.days) === 0 ? 'menos de un día' : `${p(parameters, 'days')} ${plural(parameters.days, 'día', 'días')}`}`,
  'overdue.hint': 'Un mensaje breve o una sesión vuelven a poner las cosas en marcha.',
  'due-soon.title': 'El seguimiento toca pronto',
  'inactive.title': (parameters) => `Sin actividad desde hace ${p(parameters, 'days')} ${plural(parameters.days, 'día', 'días')}`,
  'inactive.hint': 'Ninguna sesión, mensaje ni actualización de objetivos desde {date}.',
  'level.heading': 'Nivel de seguimiento',
  'level.agreed': 'Acordado:',
  'level.suggested': 'sugerido:',
  'level.keep-it': 'sugerencia: mantenerlo',
  'level.adopt': 'Cambiar a {level}',
  'level.keep': 'Mantener {level}',
  'notice.adopted': 'Nivel de seguimiento cambiado a {level} (versión {version} del acuerdo; se pide a las demás personas que la confirmen).',
  'notice.kept': 'Se mantiene en {level}.',
  'nudges.heading': 'Recordatorios',
  'nudges.when': '{time}, hora local:',
  'reason.lowRatings': 'Las sesiones recientes tienen una valoración media de {average} sobre 5.',
  'reason.goalsBehind': (parameters) =>
    `${plural(parameters.count, 'Un objetivo va', `${p(parameters, 'count')} objetivos van`)} con retraso o no se ${plural(parameters.count, 'cumplió', 'cumplieron')}.`,
  'reason.goalsAtRisk': 'La mitad o más de los objetivos abiertos están en riesgo.',
  'reason.missedSessions': (parameters) =>
    `${plural(parameters.count, 'Se perdió una sesión reciente', `Se perdieron ${p(parameters, 'count')} sesiones recientes`)}.`,
  'reason.thriving': 'La valoración media es de {average} sobre 5 y todos los objetivos abiertos van bien.',
  'reason.steady': 'Los comentarios y los objetivos se ven estables: no hace falta cambiar nada.',
  'reason.noData': 'Todavía no hay suficientes valoraciones ni actualizaciones de objetivos para sugerir un cambio.',
  'reason.alreadyHighest': 'Ya está en el nivel de mayor acompañamiento.',
  'reason.alreadyLightest': 'Ya está en el nivel más ligero.',
  'reason.overridden': 'Se mantiene en {level} por decisión propia (la sugerencia era {suggested}).',
  'nudge.check-in-due-soon': 'Toca un seguimiento con {other} el {date}. Reserva una sesión o envía una nota rápida.',
  'nudge.check-in-overdue': (parameters) =>
    `Tu seguimiento con ${p(parameters, 'other')} lleva ${p(parameters, 'days')} ${plural(parameters.days, 'día', 'días')} de retraso. Un mensaje breve hoy mantiene las cosas en marcha.`,
  'nudge.check-in-overdue-mentee': 'Ha pasado un tiempo desde tu último seguimiento. Podrías proponerle un horario a {other}.',
  'nudge.pair-inactive': (parameters) =>
    `Sin sesiones, mensajes ni actualizaciones de objetivos con ${p(parameters, 'other')} desde hace ${p(parameters, 'days')} ${plural(parameters.days, 'día', 'días')}. ¿Va todo bien?`,
} as const satisfies MessageCatalogue;
