import { checkInMessagesFor, fillTemplate, type Nudge, type NextCheckIn, type PairActivity } from '@mentorkit/core/checkins';

/** The escalation ladder's message codes (escalation.ts): their sentences live here, beside their subjects. */
type LadderCode = 'pair-at-risk' | 'pairing-closing' | 'pairing-closed' | 'pairing-closed-mentee' | 'pairing-closed-admin';

/**
 * The reminder emails (docs/reminders.md): a plain-text and an HTML part with the same words, in the
 * recipient's language (Spanish when their first language is `es…`, else English). The nudge's own
 * sentence comes from core's catalogue (`checkInMessagesFor`); the subject, greeting, the local time
 * of the next step, the link to the app and the unsubscribe footer from `MAIL_TEXTS` here. Every
 * value is escaped in the HTML part: names are shown as text, whatever they hold.
 */

export type MailLanguage = 'en' | 'es';

export const MAIL_TEXTS = {
  en: {
    subjects: {
      'check-in-due-soon': 'Check-in with {other} due soon',
      'check-in-overdue': 'Your check-in with {other} is overdue',
      'check-in-overdue-mentee': 'Time for a check-in with {other}',
      'pair-inactive': 'It has been quiet with {other}',
      'pair-at-risk': 'Pairing at risk: {mentee} and {mentors}',
      'pairing-closing': 'Your pairing with {other} closes on {date} unless there is activity',
      'pairing-closed': 'Your pairing with {other} was closed',
      'pairing-closed-mentee': 'Your pairing with {other} was closed',
      'pairing-closed-admin': 'Pairing closed: {mentee} and {mentors}',
      'session-in-24h': 'Your session with {other} is coming up',
      'session-in-1h': 'Your session with {other} starts soon',
      'feedback-requested': 'How was your session with {other}?',
      'goal-due': 'Your goal “{goal}” is due soon',
      'goal-due-mentor': '{owner}’s goal “{goal}” is due soon',
      'goal-missed': 'The date for your goal “{goal}” has passed',
      'goal-missed-mentor': 'The date for {owner}’s goal “{goal}” has passed',
    } as Record<Nudge['code'] | LadderCode, string>,
    /** The escalation ladder's sentences (check-in nudges take theirs from core's catalogue). */
    sentences: {
      'pair-at-risk':
        'The pairing of {mentee} with {mentors} has had no sessions, messages or goal updates for {days} {days|day|days}. Both were reminded; a word from you may help.',
      'pairing-closing':
        'No sessions, messages or goal updates with {other} for {days} {days|day|days}. If there is no activity by {date}, the pairing will be closed; any message or session keeps it open.',
      'pairing-closed':
        "Your pairing with {other} was closed after {days} {days|day|days} without sessions, messages or goal updates. Thank you for your time; your programme's admins have been told.",
      'pairing-closed-mentee':
        "Your pairing with {other} was closed after {days} {days|day|days} without sessions, messages or goal updates. Your programme's admins have been told and can pair you with someone new.",
      'pairing-closed-admin':
        'The pairing of {mentee} with {mentors} was closed after {days} {days|day|days} without activity, once both had been given notice.',
    } as Record<LadderCode, string>,
    closesAt: 'It closes: {time}',
    suggestion: 'Suggested new mentor: {name}',
    greeting: 'Hello {name},',
    due: 'Due: {time}',
    wasDue: 'It was due: {time}',
    nextSession: 'Your next session: {time}',
    sessionStarts: 'Starts: {time}',
    joinAt: 'Join: {url}',
    feedbackUntil: 'Feedback open until: {time}',
    lastActivity: 'Last activity: {time}',
    started: 'Nothing recorded since your pairing started on {date}.',
    open: 'Open MentorKit',
    footer: 'You get this email because reminders by email are on for you in MentorKit.',
    digestDaily: 'Your MentorKit reminders for {date}',
    digestWeekly: 'Your MentorKit reminders for the week of {date}',
    digestIntro: 'Reminders in this email: {count}. They come together in one email, as you asked.',
    digestFooter: 'You get this summary because you chose a digest of your reminders in MentorKit.',
    unsubscribe: 'Unsubscribe from reminder emails',
  },
  es: {
    subjects: {
      'check-in-due-soon': 'Se acerca tu seguimiento con {other}',
      'check-in-overdue': 'Tu seguimiento con {other} está pendiente',
      'check-in-overdue-mentee': 'Es buen momento para un seguimiento con {other}',
      'pair-inactive': 'Hace tiempo que no hay actividad con {other}',
      'pair-at-risk': 'Mentoría en riesgo: {mentee} y {mentors}',
      'pairing-closing': 'Tu mentoría con {other} se cerrará el {date} si no hay actividad',
      'pairing-closed': 'Tu mentoría con {other} se ha cerrado',
      'pairing-closed-mentee': 'Tu mentoría con {other} se ha cerrado',
      'pairing-closed-admin': 'Mentoría cerrada: {mentee} y {mentors}',
      'session-in-24h': 'Se acerca tu sesión con {other}',
      'session-in-1h': 'Tu sesión con {other} empieza pronto',
      'feedback-requested': '¿Qué tal fue tu sesión con {other}?',
      'goal-due': 'Tu meta «{goal}» vence pronto',
      'goal-due-mentor': 'La meta «{goal}» de {owner} vence pronto',
      'goal-missed': 'Ya pasó la fecha de tu meta «{goal}»',
      'goal-missed-mentor': 'Ya pasó la fecha de la meta «{goal}» de {owner}',
    } as Record<Nudge['code'] | LadderCode, string>,
    sentences: {
      'pair-at-risk':
        'La mentoría de {mentee} con {mentors} lleva {days} {days|día|días} sin sesiones, mensajes ni avances en los objetivos. Ya se les ha enviado un recordatorio; unas palabras tuyas pueden ayudar.',
      'pairing-closing':
        'Lleváis {days} {days|día|días} sin sesiones, mensajes ni avances en los objetivos con {other}. Si no hay actividad antes del {date}, la mentoría se cerrará; cualquier mensaje o sesión la mantiene abierta.',
      'pairing-closed':
        'Tu mentoría con {other} se ha cerrado tras {days} {days|día|días} sin sesiones, mensajes ni avances en los objetivos. Gracias por tu tiempo; ya se ha avisado a quienes administran el programa.',
      'pairing-closed-mentee':
        'Tu mentoría con {other} se ha cerrado tras {days} {days|día|días} sin sesiones, mensajes ni avances en los objetivos. Ya se ha avisado a quienes administran el programa, que pueden asignarte otra persona mentora.',
      'pairing-closed-admin':
        'La mentoría de {mentee} con {mentors} se ha cerrado tras {days} {days|día|días} sin actividad, después de avisar a ambas partes.',
    } as Record<LadderCode, string>,
    closesAt: 'Se cierra: {time}',
    suggestion: 'Persona mentora sugerida: {name}',
    greeting: 'Hola, {name}:',
    due: 'Fecha prevista: {time}',
    wasDue: 'Estaba previsto para: {time}',
    nextSession: 'Tu próxima sesión: {time}',
    sessionStarts: 'Empieza: {time}',
    joinAt: 'Enlace para unirte: {url}',
    feedbackUntil: 'Puedes dar tu valoración hasta: {time}',
    lastActivity: 'Última actividad: {time}',
    started: 'No hay nada registrado desde que empezó vuestra mentoría, el {date}.',
    open: 'Abrir MentorKit',
    footer: 'Recibes este correo porque tienes activados los recordatorios por correo en MentorKit.',
    digestDaily: 'Tus recordatorios de MentorKit del {date}',
    digestWeekly: 'Tus recordatorios de MentorKit de la semana del {date}',
    digestIntro: 'Recordatorios en este correo: {count}. Te llegan juntos en un solo correo, como pediste.',
    digestFooter: 'Recibes este resumen porque elegiste recibir tus recordatorios agrupados en MentorKit.',
    unsubscribe: 'Darse de baja de los correos de recordatorio',
  },
} satisfies Record<MailLanguage, unknown>;

/** The mail language of a person: their first language when it is Spanish (`es`, `es-MX`, …), else English. */
export function mailLanguageOf(languages: readonly unknown[] | undefined): MailLanguage {
  const first = Array.isArray(languages) ? languages[0] : undefined;
  return typeof first === 'string' && /^es(?:-|$)/i.test(first) ? 'es' : 'en';
}

/** `text` with &, <, >, " and ' escaped, for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);
}

/** An instant on the person's wall clock in their language, with the zone's name and city: "Thursday, 24 September 2026 at 09:00 (Central Standard Time, Mexico City)". */
export function formatLocalTime(instant: string, timeZone: string, language: MailLanguage): string {
  const locale = language === 'es' ? 'es' : 'en-GB';
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(instant));
  const zone =
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')
      ?.value ?? timeZone;
  const city = timeZone.split('/').at(-1)!.replace(/_/g, ' ');
  return timeZone.includes('/') ? `${when} (${zone}, ${city})` : `${when} (${zone})`;
}

/** A calendar date (`YYYY-MM-DD`) in the language: "Wednesday, 21 October 2026". */
function formatDate(date: string, language: MailLanguage): string {
  return new Intl.DateTimeFormat(language === 'es' ? 'es' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

export interface ReminderMailInput {
  /** A check-in nudge from core, or one of the escalation ladder's (escalation.ts). */
  nudge: Pick<Nudge, 'params'> & { kind: string; code: Nudge['code'] | LadderCode };
  recipient: { displayName: string; timeZone: string; language: MailLanguage };
  checkIn?: NextCheckIn;
  activity?: PairActivity;
  /** The app's address (`publicUrl`). */
  appUrl: string;
  unsubscribeUrl: string;
}

export interface ReminderMail {
  subject: string;
  text: string;
  html: string;
}

/** A reminder's own words: its subject, its sentence and the next step's local times. */
export interface ReminderParts {
  subject: string;
  sentence: string;
  steps: string[];
}

/** The words of one reminder without the mail around them — for a mail of its own and for a digest's items alike. */
export function reminderParts(input: Omit<ReminderMailInput, 'appUrl' | 'unsubscribeUrl'>): ReminderParts {
  const { nudge, recipient } = input;
  const words = MAIL_TEXTS[recipient.language];
  const params = typeof nudge.params.date === 'string' ? { ...nudge.params, date: formatDate(nudge.params.date, recipient.language) } : nudge.params;
  const ladderSentence = (words.sentences as Record<string, string | undefined>)[nudge.code];
  const sentence = fillTemplate(ladderSentence ?? checkInMessagesFor(recipient.language).nudges[nudge.code as Nudge['code']], params);
  const subject = fillTemplate(words.subjects[nudge.code], params).replace(/[\r\n]+/g, ' ');
  const local = (instant: string) => formatLocalTime(instant, recipient.timeZone, recipient.language);
  const steps: string[] = [];
  const quietKind = nudge.kind === 'pair-inactive' || nudge.kind === 'pair-at-risk' || nudge.kind === 'pairing-closing';
  if (nudge.code in words.sentences) {
    if (typeof nudge.params.closesAt === 'string') steps.push(fillTemplate(words.closesAt, { time: local(nudge.params.closesAt) }));
    if (typeof nudge.params.suggested === 'string') steps.push(fillTemplate(words.suggestion, { name: nudge.params.suggested }));
  } else if (nudge.kind === 'session-soon') {
    // The practice's nudges (core's practiceNudges): the session's start on the recipient's clock, the
    // feedback's deadline; a goal's date is in its sentence already.
    if (typeof nudge.params.start === 'string') steps.push(fillTemplate(words.sessionStarts, { time: local(nudge.params.start) }));
    if (typeof nudge.params.meetingUrl === 'string') steps.push(fillTemplate(words.joinAt, { url: nudge.params.meetingUrl }));
  } else if (nudge.kind === 'feedback-requested') {
    if (typeof nudge.params.dueBy === 'string') steps.push(fillTemplate(words.feedbackUntil, { time: local(nudge.params.dueBy) }));
  } else if (nudge.kind !== 'pair-inactive' && nudge.kind !== 'goal-due' && nudge.kind !== 'goal-missed' && input.checkIn) {
    steps.push(fillTemplate(input.checkIn.overdue ? words.wasDue : words.due, { time: local(input.checkIn.dueAt) }));
    if (input.checkIn.nextSession) steps.push(fillTemplate(words.nextSession, { time: local(input.checkIn.nextSession.start) }));
  }
  if (quietKind && input.activity?.lastActivityAt) {
    // A pair that never did anything: the day it started (a date: the pairing's start has no time of day).
    if (input.activity.lastActivityKind === 'start')
      steps.push(fillTemplate(words.started, { date: formatDate(input.activity.lastActivityAt.slice(0, 10), recipient.language) }));
    else steps.push(fillTemplate(words.lastActivity, { time: local(input.activity.lastActivityAt) }));
  }
  return { subject, sentence, steps };
}

export function composeReminderMail(input: ReminderMailInput): ReminderMail {
  const { subject, sentence, steps } = reminderParts(input);
  return frameMail(input.recipient, subject, [{ sentence, steps }], input.appUrl, input.unsubscribeUrl);
}

export interface DigestMailInput {
  recipient: ReminderMailInput['recipient'];
  frequency: 'daily' | 'weekly';
  /** The digest's first day on the recipient's calendar (`YYYY-MM-DD`: `digestSlot`'s period). */
  period: string;
  /** The reminders it gathers, oldest first (each `reminderParts`). */
  items: ReminderParts[];
  appUrl: string;
  unsubscribeUrl: string;
}

/** One mail with all of a person's reminders of a day or a week (their digest preference), each as its own section. */
export function composeDigestMail(input: DigestMailInput): ReminderMail {
  const words = MAIL_TEXTS[input.recipient.language];
  const date = formatDate(input.period, input.recipient.language);
  const subject = fillTemplate(input.frequency === 'weekly' ? words.digestWeekly : words.digestDaily, { count: input.items.length, date }).replace(
    /[\r\n]+/g,
    ' ',
  );
  const intro = fillTemplate(words.digestIntro, { count: input.items.length });
  return frameMail(
    input.recipient,
    subject,
    [{ sentence: intro, steps: [] }, ...input.items.map((item) => ({ heading: item.subject, sentence: item.sentence, steps: item.steps }))],
    input.appUrl,
    input.unsubscribeUrl,
    words.digestFooter,
  );
}

/** The mail around reminders: greeting, sections, the link to the app and the unsubscribe footer, as plain text and HTML with every value escaped. */
function frameMail(
  recipient: ReminderMailInput['recipient'],
  subject: string,
  sections: Array<{ heading?: string; sentence: string; steps: string[] }>,
  appUrl: string,
  unsubscribeUrl: string,
  footer?: string,
): ReminderMail {
  const words = MAIL_TEXTS[recipient.language];
  const greeting = fillTemplate(words.greeting, { name: recipient.displayName });
  const textSections = sections.flatMap((section) => [
    '',
    ...(section.heading ? [`## ${section.heading}`] : []),
    section.sentence,
    ...(section.steps.length > 0 ? ['', ...section.steps] : []),
  ]);
  const text = [
    greeting,
    ...textSections,
    '',
    `${words.open}: ${appUrl}`,
    '',
    '-- ',
    footer ?? words.footer,
    `${words.unsubscribe}: ${unsubscribeUrl}`,
    '',
  ].join('\n');
  const lang = recipient.language;
  const htmlSections = sections
    .map((section) =>
      [
        ...(section.heading ? [`<h2 style="font-size: 1rem; margin: 1.5rem 0 0.25rem;">${escapeHtml(section.heading)}</h2>`] : []),
        `<p>${escapeHtml(section.sentence)}</p>`,
        ...section.steps.map((step) => `<p>${escapeHtml(step)}</p>`),
      ].join('\n'),
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36rem; margin: 0 auto; padding: 1rem;">
<p>${escapeHtml(greeting)}</p>
${htmlSections}
<p><a href="${escapeHtml(appUrl)}" style="display: inline-block; padding: 0.5rem 1rem; background: #1d4ed8; color: #ffffff; border-radius: 0.375rem; text-decoration: none;">${escapeHtml(words.open)}</a></p>
<hr style="border: none; border-top: 1px solid #d4d4d4;">
<p style="font-size: 0.875rem; color: #525252;">${escapeHtml(footer ?? words.footer)} <a href="${escapeHtml(unsubscribeUrl)}" style="color: #525252;">${escapeHtml(words.unsubscribe)}</a></p>
</body></html>
`;
  return { subject, text, html };
}
