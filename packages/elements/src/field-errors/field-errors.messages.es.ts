import { plural, parameterText as p, type MessageCatalogue, type MessageParameters } from '../internal/localize.js';

/**
 * Spanish for `field-errors.messages.ts` (neutral Spanish, «tú»): loaded the first time a field error shows
 * in Spanish. Same ids and placeholders as English.
 */
export const fieldErrorMessagesEs = {
  required: 'Rellena este campo.',
  'time-range': 'Escribe el horario como 09:00-17:30, con el inicio antes del final; separa varios tramos con comas.',
  'overlapping-ranges': 'Los tramos de un día se solapan: haz que cada uno empiece después de que acabe el anterior.',
  date: 'Escribe las fechas como AAAA-MM-DD, por ejemplo 2026-12-25.',
  'date-time': 'Indica una fecha y una hora.',
  choice: 'Elige una de las opciones.',
  url: 'Escribe un enlace completo que empiece por https://',
  'time-zone': 'Elige una zona horaria de la lista.',
  number: 'Escribe un número.',
  'max-length': (parameters: MessageParameters) => `Como máximo ${p(parameters, 'max')} ${plural(parameters.max, 'carácter', 'caracteres')}.`,
  'min-length': (parameters: MessageParameters) => `Demasiado corto: como mínimo ${p(parameters, 'min')}.`,
  'min-value': (parameters: MessageParameters) => `Como mínimo ${p(parameters, 'min')}.`,
  'max-value': (parameters: MessageParameters) => `Como máximo ${p(parameters, 'max')}.`,
  conflict: 'Alguien cambió esto mientras trabajabas en ello. Tus cambios siguen aquí: revisa la última versión y vuelve a guardar.',
  'not-found': 'Esto ya no está: puede que se haya eliminado. Recarga la página para ver lo que queda.',
  forbidden: 'No puedes hacer esto aquí. Pregunta a quienes administran el programa si crees que deberías poder.',
  unsupported: 'Esto no está disponible aquí.',
  'storage-error': 'No se pudo conectar con el servidor, así que no se guardó nada. Vuelve a intentarlo en un momento.',
  summary: (parameters: MessageParameters) =>
    `${plural(parameters.count, 'Un campo necesita', `${p(parameters, 'count')} campos necesitan`)} tu atención: ${plural(parameters.count, 'está marcado', 'están marcados')} abajo.`,
} as const satisfies MessageCatalogue;
