import { plural, parameterText as p, type MessageCatalogue, type MessageParameters } from '../internal/localize.js';

/**
 * Spanish for `coaching-flow.messages.ts` (neutral Spanish, «tú»): loaded the first time an element renders in
 * Spanish, so pages in other languages never download it. Same ids and placeholders as English.
 */
export const coachingFlowMessagesEs = {
  heading: 'Sesión {model}',
  with: 'con {names}',
  loading: 'Cargando la sesión de coaching…',
  'error.title': 'No se pudo cargar la sesión de coaching.',
  'error.fallback': 'Algo salió mal durante la carga.',
  'unavailable.pairing': 'Elige uno de tus emparejamientos para hacer una sesión de coaching.',
  'unavailable.model': 'No existe el modelo de coaching «{model}».',
  'unavailable.run': 'Esta sesión de coaching no está disponible para ti.',
  'intro.steps': 'Pasos',
  'intro.start': 'Empezar una nueva sesión {model}',
  'intro.previous': 'Tu última sesión {model} fue el {date}.',
  stepper: 'Pasos de la sesión',
  'stepper.summary': 'Resumen',
  'step.count': 'Paso {n} de {total}',
  required: 'obligatoria',
  'list.hint': 'Un elemento por línea.',
  'scale.ends': '{min}: {minLabel}. {max}: {maxLabel}.',
  'answered-by': 'Respondido por {name}',
  back: 'Atrás',
  next: 'Siguiente: {step}',
  finish: 'Terminar',
  'save.saving': 'Guardando…',
  'save.saved': 'Guardado',
  'save.failed': 'No guardado: {message}',
  'save.too-long': 'No guardado: hay una respuesta demasiado larga.',
  'limit.item-over': (parameters: MessageParameters) =>
    `Línea ${parameters.line}: ${plural(parameters.excess, 'sobra 1 carácter', `sobran ${parameters.excess} caracteres`)} (el máximo es ${parameters.max} por elemento).`,
  'limit.items-over': (parameters: MessageParameters) =>
    `${parameters.count} elementos: el máximo es ${parameters.max}. Quita ${parameters.excess} o junta algunos.`,
  'limit.item-left': (parameters: MessageParameters) =>
    `Elemento más largo: ${plural(parameters.left, 'queda 1 carácter', `quedan ${parameters.left} caracteres`)}`,
  'previous.heading': 'La última vez ({date})',
  'previous.actions': 'Acciones que elegiste',
  'summary.heading': 'Resumen',
  'summary.finished': 'Terminada el {date}',
  'summary.in-progress': 'Aún sin completar',
  'summary.actions': 'Acciones',
  'summary.no-answers': 'Sin respuestas en este paso.',
  'summary.turn-into-goals': 'Convertir en objetivos',
  'summary.handed-off': (parameters) =>
    Number(parameters.count) === 1 ? `Convertida en 1 objetivo el ${parameters.date}.` : `Convertidas en ${parameters.count} objetivos el ${parameters.date}.`,
  'summary.handing-off': 'Creando objetivos…',
  'hand-off.title': (parameters) =>
    `Antes de ${plural(parameters.count, 'convertir esta acción en un objetivo', `convertir estas ${p(parameters, 'count')} acciones en objetivos`)}: ¿para cuándo y a qué habilidad ${plural(parameters.count, 'sirve', 'sirven')}?`,
  'hand-off.due': 'Fecha límite',
  'hand-off.skill': 'Habilidad o área de desarrollo',
  'hand-off.skill-hint': 'p. ej., gestión del tiempo, diseño de sistemas',
  'hand-off.create': (parameters) => `Crear ${p(parameters, 'count')} ${plural(parameters.count, 'objetivo', 'objetivos')}`,
  'hand-off.cancel': 'Cancelar',
  'hand-off.error.due': 'Elige una fecha límite a partir de hoy.',
  'hand-off.error.skill': 'Indica la habilidad o el área de desarrollo a la que sirven estos objetivos.',
  'summary.new-session': 'Empezar una sesión nueva',
  'summary.complete': 'Completar la sesión',
  'summary.edit': 'Volver al último paso',
} as const satisfies MessageCatalogue;
