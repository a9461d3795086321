import type { AgreementMessages } from './agreements.js';

/** The agreement words (term labels, cadences, channels, check-in levels, weekdays) in neutral Spanish. Loaded only through `@mentorkit/core/es`. */
export const agreementMessagesEs: AgreementMessages = {
  fields: {
    cadence: 'Frecuencia de las reuniones',
    sessionMinutes: 'Duración de la sesión',
    plannedSessions: 'Sesiones previstas',
    channels: 'Canales',
    responseTimeHours: 'Tiempo de respuesta esperado',
    offLimitsDays: 'Días no disponibles',
    offLimitsDates: 'Fechas no disponibles',
    participants: 'Participantes',
    meetingUrl: 'Enlace de la reunión',
    sharedDocumentsUrl: 'Documentos compartidos',
    coachingModel: 'Modelo de coaching',
    checkInLevel: 'Nivel de seguimiento',
    notes: 'Otros acuerdos',
  },
  participantFields: { timeZone: 'zona horaria', workingHours: 'horario', offLimitsDays: 'días no disponibles', offLimitsDates: 'fechas no disponibles' },
  cadences: { weekly: 'Semanal', fortnightly: 'Cada dos semanas', monthly: 'Mensual', 'ad-hoc': 'Cuando haga falta (sin fecha fija)' },
  channels: { email: 'Correo electrónico', chat: 'Chat', video: 'Videollamada', phone: 'Teléfono', 'in-person': 'En persona' },
  checkInLevels: { 'high-touch': 'Intensivo (seguimientos frecuentes)', regular: 'Regular', 'light-touch': 'Ligero (seguimientos ocasionales)' },
  weekdays: { 1: 'Lunes', 2: 'Martes', 3: 'Miércoles', 4: 'Jueves', 5: 'Viernes', 6: 'Sábado', 7: 'Domingo' },
};
