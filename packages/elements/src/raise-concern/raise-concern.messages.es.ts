import type { MessageCatalogue } from '../internal/localize.js';

/**
 * Spanish for `raise-concern.messages.ts` (neutral Spanish, «tú»): loaded the first time the element
 * renders in Spanish. Same ids and placeholders as English.
 */
export const raiseConcernMessagesEs = {
  heading: 'Comunicar una preocupación',
  loading: 'Cargando…',
  'error.title': 'No se pudo cargar.',
  'error.fallback': 'Algo salió mal durante la carga.',
  'no-pairing.title': 'No estás en ningún emparejamiento',
  'no-pairing.hint': 'Puedes comunicar una preocupación sobre un emparejamiento en el que estés o sobre un mensaje que te hayan enviado.',
  intro: 'Si algo de tu mentoría no te parece bien, cuéntaselo a las personas que administran el programa. No hace falta tener certeza; te escucharán.',
  'about.legend': '¿De qué se trata?',
  'about.pairing': 'Nuestro emparejamiento',
  'about.pairing-with': 'Tu emparejamiento con {names}',
  'about.closed': '(terminado)',
  'about.paused': '(en pausa)',
  'about.message': 'Este mensaje',
  'quote.label': 'El mensaje que comunicas',
  'quote.by': '{name} escribió, {time}:',
  'quote.voice': 'Una nota de voz (la grabación no se adjunta a la comunicación).',
  'text.label': '¿Qué pasó?',
  'text.hint': 'Con tus palabras. Cuenta qué pasó y, si puedes, cuándo.',
  'pause.label': 'Pausar nuestro emparejamiento ahora',
  'pause.hint':
    'Pausar deja el emparejamiento en espera de inmediato, hasta que se reanude. Todas las personas del emparejamiento ven que está en pausa, pero no por qué.',
  'pause.closed': 'Este emparejamiento ha terminado, así que no hay nada que pausar.',
  'pause.paused': 'Tu emparejamiento ya está en pausa.',
  'who.title': 'Quién lo verá',
  'who.admins': 'Solo quienes administran el programa. {names} no lo verá, ni nadie más.',
  'who.admins-nobody': 'Solo quienes administran el programa.',
  submit: 'Enviar a la administración',
  sending: 'Enviando…',
  'error.action': 'Tu preocupación no se envió.',
  'error.empty': 'Cuenta qué pasó, en pocas palabras.',
  'done.title': 'Tu preocupación se envió a quienes administran el programa.',
  'done.next': 'La leerán y puede que se pongan en contacto contigo. Puedes seguirla, y añadir algo, en «Tus preocupaciones».',
  'done.paused': 'Tu emparejamiento está en pausa.',
  'done.already-paused': 'Tu emparejamiento ya estaba en pausa.',
  'done.refused': 'No se pudo pausar tu emparejamiento: {reason} Pide a la administración que lo pause.',
  another: 'Comunicar otra preocupación',
} satisfies MessageCatalogue;
