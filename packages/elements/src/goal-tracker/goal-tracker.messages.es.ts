import type { MessageCatalogue } from '../internal/localize.js';

/**
 * Spanish for `goal-tracker.messages.ts` (neutral Spanish, «tú»): loaded the first time an element renders in
 * Spanish, so pages in other languages never download it. Same ids and placeholders as English.
 */
export const goalTrackerMessagesEs = {
  heading: 'Metas',
  with: 'con {names}',
  loading: 'Cargando las metas…',
  'error.load': 'No se pudieron cargar las metas.',
  'error.conflict': 'Esta meta se acaba de cambiar en otro lugar; aquí tienes la versión más reciente. Vuelve a marcarla, por favor.',
  'error.save': 'No se pudo guardar el cambio. Comprueba tu conexión y vuelve a intentarlo; si sigue fallando, vuelve a cargar la página.',
  'filters.label': 'Mostrar metas',
  'filter.active': 'Activas',
  'filter.achieved': 'Logradas',
  'filter.all': 'Todas',
  'new-goal': 'Nueva meta',
  'empty.title': 'Todavía no hay metas: fija la primera',
  'empty.hint':
    'Una buena meta es específica, medible, alcanzable, relevante para una habilidad que estás desarrollando y tiene una fecha. Tu mentor o mentora la ve cuando la compartes, y cada hito que marcas se celebra.',
  'empty.action': 'Fija tu primera meta',
  'empty.active.title': 'No hay metas activas',
  'empty.active.hint': 'Todo lo de aquí está logrado. ¿Es momento de fijar la siguiente meta?',
  'empty.achieved.title': 'Todavía no hay metas logradas',
  'empty.achieved.hint': 'Las metas logradas aparecen aquí. Cada hito en el camino cuenta.',
  due: 'Vence el {date}',
  'no-due': 'Sin fecha límite',
  private: 'Privada',
  'progress.label': 'Progreso de {goal}',
  'progress.value': '{percent} % hecho',
  'progress.value-expected': '{percent} % hecho, {expected} % previsto para hoy',
  'milestones.label': 'Hitos de {goal}',
  measure: '{name}: {current} → {target}',
  overdue: 'vencido',
  'replan.label': 'Replanificar',
  edit: 'Editar',
  archive: 'Archivar',
} as const satisfies MessageCatalogue;
