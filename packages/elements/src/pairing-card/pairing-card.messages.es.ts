import { plural, parameterText as p, type MessageCatalogue } from '../base/localize.js';

/**
 * Spanish for `pairing-card.messages.ts` (neutral Spanish, «tú»): loaded the first time an element renders in
 * Spanish, so pages in other languages never download it. Same ids and placeholders as English.
 */
export const pairingCardMessagesEs = {
  'heading.all': 'Tus emparejamientos',
  current: 'Se muestra en todos los paneles',
  'person.unread': '{count} sin leer',
  unread: (parameters) => `${p(parameters, 'count')} ${plural(parameters.count, 'mensaje sin leer', 'mensajes sin leer')}`,
  'heading.one': 'Tu emparejamiento',
  loading: 'Cargando tus emparejamientos…',
  'error.title': 'No se pudieron cargar tus emparejamientos.',
  'error.fallback': 'Algo salió mal durante la carga.',
  'empty.one.title': 'Este emparejamiento no está disponible.',
  'empty.one.hint': 'Puede que se haya eliminado o que no sea uno de tus emparejamientos.',
  'empty.all.title': 'Todavía no tienes emparejamientos',
  'empty.all.hint': 'Cuando tu programa te empareje con una mentora, un mentor o una persona mentorizada, aparecerán aquí, con su hora local.',
  'person.unknown': 'Persona desconocida',
  'role.mentee': 'Mentorizado/a',
  'role.mentor': 'Mentor/a',
  'role.co-mentor': 'Co-mentor/a',
  'you-are.mentee': 'Eres la persona mentorizada',
  'you-are.mentor': 'Eres quien mentoriza',
  'you-are.co-mentor': 'Eres co-mentor/a',
  'status.proposed': 'Propuesto',
  'status.active': 'Activo',
  'status.paused': 'En pausa',
  'status.closed': 'Cerrado',
  'kind.official': 'Oficial',
  'kind.informal': 'Informal',
  'availability.working': 'en horario laboral',
  'availability.outside': 'fuera del horario laboral',
  'availability.off-limits': 'día no disponible',
  'fact.local-time': 'Hora local',
  'fact.time-zone': 'Zona horaria',
  since: 'Desde el {date}',
  ended: 'Terminó el {date}',
} as const satisfies MessageCatalogue;
