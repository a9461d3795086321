import { plural, parameterText as p, type MessageCatalogue } from '../internal/localize.js';

/**
 * Spanish for `concern-queue.messages.ts` (neutral Spanish, «tú»): loaded the first time the element
 * renders in Spanish. Same ids and placeholders as English.
 */
export const concernQueueMessagesEs = {
  heading: 'Preocupaciones',
  'heading.mine': 'Tus preocupaciones',
  loading: 'Cargando las preocupaciones…',
  'error.title': 'No se pudieron cargar las preocupaciones.',
  'error.fallback': 'Algo salió mal durante la carga.',
  'empty.title': 'No hay preocupaciones',
  'empty.admin': 'Cuando alguien del programa comunique una preocupación, aparecerá aquí. Solo la ven quienes administran el programa.',
  'empty.mine': 'No has comunicado ninguna preocupación. Si algo no te parece bien, puedes hacerlo en cualquier momento.',
  summary: (parameters) =>
    `${p(parameters, 'open')} ${plural(parameters.open, 'abierta', 'abiertas')} · ${p(parameters, 'review')} en revisión · ${p(parameters, 'closed')} ${plural(parameters.closed, 'cerrada', 'cerradas')}`,
  'status.open': 'Abierta',
  'status.in-review': 'En revisión',
  'status.closed': 'Cerrada',
  'title.pairing': 'Sobre el emparejamiento de {mentee} con {mentors}',
  'title.message': 'Un mensaje de {author}, en el emparejamiento de {mentee} con {mentors}',
  'raised-by': 'Comunicada por {name}, {time}',
  'raised-by.you': 'Comunicada por ti, {time}',
  'pause.requested': 'Pausa pedida',
  'pause.done': 'Emparejamiento en pausa',
  'quote.label': 'El mensaje comunicado',
  'quote.by': '{name} escribió, {time}:',
  'quote.voice': 'Una nota de voz (la grabación no se adjunta).',
  'text.label': 'Qué pasó',
  'trail.label': 'Historial',
  'trail.raised': '{name} la comunicó.',
  'trail.status': '{name} la pasó a «{status}».',
  'trail.note': '{name} añadió una nota.',
  'trail.paused': 'El emparejamiento se pausó a petición de {name}.',
  'trail.count': (parameters) => `Historial (${p(parameters, 'count')} ${plural(parameters.count, 'entrada', 'entradas')})`,
  'form.status': 'Estado',
  'form.keep': 'Dejar en «{status}»',
  'form.move': 'Pasar a «{status}»',
  'form.note': 'Nota (opcional)',
  'form.note.reporter': 'Añade algo a tu preocupación',
  'form.save': 'Guardar',
  'form.add': 'Añadir nota',
  'form.saving': 'Guardando…',
  'form.nothing': 'Elige otro estado o escribe una nota.',
  'done.status': 'Pasada a «{status}».',
  'done.note': 'Nota añadida.',
  'error.action': 'No se guardó.',
} satisfies MessageCatalogue;
