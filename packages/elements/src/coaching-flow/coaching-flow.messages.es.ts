import type { MessageCatalogue } from '../base/localize.js';

/**
 * Spanish for `coaching-flow.messages.ts` (neutral Spanish, «tú»): loaded the first time an element renders in
 * Spanish, so pages in other languages never download it. Same ids and placeholders as English.
 */
export const coachingFlowMessagesEs = {
  heading: 'Sesión {model}',
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
  'previous.heading': 'La última vez ({date})',
  'previous.actions': 'Acciones que elegiste',
  'summary.heading': 'Resumen',
  'summary.finished': 'Terminada el {date}',
  'summary.in-progress': 'Aún sin completar',
  'summary.actions': 'Acciones',
  'summary.no-answers': 'Sin respuestas en este paso.',
  'summary.turn-into-goals': 'Convertir en objetivos',
  'summary.handed-off': (parameters) => (Number(parameters.count) === 1 ? `Convertida en 1 objetivo el ${parameters.date}.` : `Convertidas en ${parameters.count} objetivos el ${parameters.date}.`),
  'summary.handing-off': 'Creando objetivos…',
  'summary.new-session': 'Empezar una sesión nueva',
  'summary.complete': 'Completar la sesión',
  'summary.edit': 'Volver al último paso',
} as const satisfies MessageCatalogue;
