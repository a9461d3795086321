import { plural, parameterText as p, type MessageCatalogue } from '../internal/localize.js';

/**
 * Spanish for `certificate.messages.ts` (neutral Spanish, «tú»): loaded the first time the element
 * renders in Spanish. Same ids and placeholders as English.
 */
export const certificateMessagesEs = {
  heading: 'Certificado de participación',
  loading: 'Cargando el certificado…',
  'error.title': 'No se pudo cargar el certificado.',
  'error.retry': 'Reintentar',
  unavailable: 'Los certificados necesitan el servidor de MentorKit: es quien los emite y responde en su dirección de verificación.',
  'own.ready': 'Tu certificado está listo.',
  'own.eligible': 'Has obtenido un certificado de participación por esta mentoría.',
  'own.not-yet': 'Todavía no: el certificado llega cuando la mentoría termina con las sesiones acordadas y tus valoraciones.',
  'missing.pairing-not-ended': 'La mentoría aún no ha terminado.',
  'missing.sessions': (parameters) =>
    `${p(parameters, 'held')} de ${p(parameters, 'required')} ${plural(parameters.required, 'sesión realizada', 'sesiones realizadas')}.`,
  'missing.feedback': (parameters) =>
    `Tu valoración en ${p(parameters, 'given')} de ${p(parameters, 'required')} ${plural(parameters.required, 'sesión', 'sesiones')}.`,
  'missing.feedback-other': (parameters) =>
    `Valoración en ${p(parameters, 'given')} de ${p(parameters, 'required')} ${plural(parameters.required, 'sesión', 'sesiones')}.`,
  'facts.sessions': 'Sesiones realizadas',
  'facts.hours': 'Mentoría',
  'facts.hours-value': (parameters) => `${p(parameters, 'hours')} ${parameters.hours === '1' ? 'hora' : 'horas'}`,
  'facts.goals': 'Objetivos alcanzados',
  'facts.issued': 'Emitido el',
  'facts.reason': 'Emitido a mano',
  download: 'Descargar el certificado',
  downloading: 'Preparando el PDF…',
  verify: 'Página de verificación',
  'verify-hint': 'Cualquiera puede comprobar el certificado en esta dirección; va impresa en él.',
  'admin.intro': 'Cada miembro de la mentoría y en qué punto está.',
  'admin.issued': (parameters) => `Certificado emitido el ${p(parameters, 'date')}.`,
  'admin.eligible': 'Cumple los requisitos: aún no emitido.',
  'admin.not-yet': 'Aún no cumple los requisitos:',
  'admin.issue': 'Emitir el certificado',
  'admin.by-hand': 'Emitir a mano',
  'admin.reason': 'Por qué se emite a mano',
  'admin.reason-hint': 'Se guarda con el certificado; hasta 500 caracteres.',
  'admin.reason-required': 'Di por qué se emite el certificado a mano.',
  'admin.confirm': 'Emitir',
  'admin.cancel': 'Cancelar',
  'admin.revoke': 'Revocar',
  working: 'Un momento…',
  'role.mentee': 'Mentorizado/a',
  'role.mentor': 'Mentor/a',
  'announce.issued': (parameters) => `Certificado emitido para ${p(parameters, 'name')}.`,
  'announce.revoked': (parameters) => `Se revocó el certificado de ${p(parameters, 'name')}.`,
  'announce.downloaded': 'Se descargó el certificado.',
  'action.error': 'No se pudo hacer.',
} satisfies MessageCatalogue;
