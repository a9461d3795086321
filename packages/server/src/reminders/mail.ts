import { checkInMessagesFor, fillTemplate, type Nudge, type NextCheckIn, type PairActivity } from '@mentorkit/core/checkins';

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
    } as Record<Nudge['code'], string>,
    greeting: 'Hello {name},',
    due: 'Due: {time}',
    wasDue: 'It was due: {time}',
    nextSession: 'Your next session: {time}',
    lastActivity: 'Last activity: {time}',
    started: 'Nothing recorded since your pairing started on {date}.',
    open: 'Open MentorKit',
    footer: 'You get this email because reminders by email are on for you in MentorKit.',
    unsubscribe: 'Unsubscribe from reminder emails',
  },
  es: {
    subjects: {
      'check-in-due-soon': 'Se acerca tu seguimiento con {other}',
      'check-in-overdue': 'Tu seguimiento con {other} está pendiente',
      'check-in-overdue-mentee': 'Es buen momento para un seguimiento con {other}',
      'pair-inactive': 'Hace tiempo que no hay actividad con {other}',
    } as Record<Nudge['code'], string>,
    greeting: 'Hola, {name}:',
    due: 'Fecha prevista: {time}',
    wasDue: 'Estaba previsto para: {time}',
    nextSession: 'Tu próxima sesión: {time}',
    lastActivity: 'Última actividad: {time}',
    started: 'No hay nada registrado desde que empezó vuestra mentoría, el {date}.',
    open: 'Abrir MentorKit',
    footer: 'Recibes este correo porque tienes activados los recordatorios por correo en MentorKit.',
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
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  const city = timeZone.split('/').at(-1)!.replace(/_/g, ' ');
  return timeZone.includes('/') ? `${when} (${zone}, ${city})` : `${when} (${zone})`;
}

/** A calendar date (`YYYY-MM-DD`) in the language: "Wednesday, 21 October 2026". */
function formatDate(date: string, language: MailLanguage): string {
  return new Intl.DateTimeFormat(language === 'es' ? 'es' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

export interface ReminderMailInput {
  nudge: Nudge;
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

export function composeReminderMail(input: ReminderMailInput): ReminderMail {
  const { nudge, recipient } = input;
  const words = MAIL_TEXTS[recipient.language];
  const params = typeof nudge.params.date === 'string' ? { ...nudge.params, date: formatDate(nudge.params.date, recipient.language) } : nudge.params;
  const sentence = fillTemplate(checkInMessagesFor(recipient.language).nudges[nudge.code], params);
  const subject = fillTemplate(words.subjects[nudge.code], params).replace(/[\r\n]+/g, ' ');
  const local = (instant: string) => formatLocalTime(instant, recipient.timeZone, recipient.language);
  const steps: string[] = [];
  if (nudge.kind !== 'pair-inactive' && input.checkIn) {
    steps.push(fillTemplate(input.checkIn.overdue ? words.wasDue : words.due, { time: local(input.checkIn.dueAt) }));
    if (input.checkIn.nextSession) steps.push(fillTemplate(words.nextSession, { time: local(input.checkIn.nextSession.start) }));
  }
  if (nudge.kind === 'pair-inactive' && input.activity?.lastActivityAt) {
    // A pair that never did anything: the day it started (a date: the pairing's start has no time of day).
    if (input.activity.lastActivityKind === 'start') steps.push(fillTemplate(words.started, { date: formatDate(input.activity.lastActivityAt.slice(0, 10), recipient.language) }));
    else steps.push(fillTemplate(words.lastActivity, { time: local(input.activity.lastActivityAt) }));
  }
  const greeting = fillTemplate(words.greeting, { name: recipient.displayName });
  const text = [greeting, '', sentence, ...(steps.length > 0 ? ['', ...steps] : []), '', `${words.open}: ${input.appUrl}`, '', '-- ', words.footer, `${words.unsubscribe}: ${input.unsubscribeUrl}`, ''].join('\n');
  const lang = recipient.language;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36rem; margin: 0 auto; padding: 1rem;">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(sentence)}</p>
${steps.map((step) => `<p>${escapeHtml(step)}</p>`).join('\n')}
<p><a href="${escapeHtml(input.appUrl)}" style="display: inline-block; padding: 0.5rem 1rem; background: #1d4ed8; color: #ffffff; border-radius: 0.375rem; text-decoration: none;">${escapeHtml(words.open)}</a></p>
<hr style="border: none; border-top: 1px solid #d4d4d4;">
<p style="font-size: 0.875rem; color: #525252;">${escapeHtml(words.footer)} <a href="${escapeHtml(input.unsubscribeUrl)}" style="color: #525252;">${escapeHtml(words.unsubscribe)}</a></p>
</body></html>
`;
  return { subject, text, html };
}
