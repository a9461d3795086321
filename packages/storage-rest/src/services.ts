/**
 * The server's person-facing services on the REST adapter: the person's own calendars (`/calendars`;
 * docs/calendars.md), reminder preferences, deliveries and a programme's escalation ladder
 * (`/notifications`, `/programs/<id>/escalation`; docs/reminders.md), programme reports
 * (`GET /programs/<id>/report`; docs/programme-report.md) and certificates of participation
 * (`/pairings/<id>/certificates`, `/certificates/<id>`; docs/certificates.md). Each checks its input
 * before anything is sent and answers in the server's words.
 */
import {
  MentorKitError,
  assertRecordId,
  type CalendarConnection,
  type CalendarConnections,
  type CertificatesService,
  type ConnectCalendarInput,
  type EscalationSettings,
  type IssuedCertificate,
  type ManagerDigestChange,
  type ManagerDigestSettings,
  type NotificationDelivery,
  type NotificationPreferences,
  type NotificationPreferencesChange,
  type NotificationsService,
  type PairingCertificateEntry,
  type ProgramEscalationSettings,
  type ProgramEscalations,
  type ReportsService,
} from '@mentorkit/core';
import type { ProgrammeReport, ReportPeriod } from '@mentorkit/core/report';
import { encodeIdSegment } from './encoding.js';
import { errorFromResponse } from './errors.js';
import type { HttpClient } from './http.js';

const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A report period's dates, checked before anything is sent (the server checks them again and says which is wrong). */
function checkReportPeriod(period: unknown): ReportPeriod {
  if (typeof period !== 'object' || period === null || Array.isArray(period))
    throw new MentorKitError('invalid-input', 'Pass the report period as { from: "2026-01-01", to: "2026-03-31" } (calendar dates, both included).', {
      path: 'period',
    });
  const { from, to } = period as { from?: unknown; to?: unknown };
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (typeof value !== 'string' || !CALENDAR_DATE.test(value))
      throw new MentorKitError(
        'invalid-input',
        `\`period.${name}\` must be a calendar date YYYY-MM-DD (got ${JSON.stringify(value)?.slice(0, 40) ?? String(value)}).`,
        { path: `period.${name}` },
      );
  }
  if ((from as string) > (to as string))
    throw new MentorKitError('invalid-input', `The period ends (${to as string}) before it starts (${from as string}).`, { path: 'period.to' });
  return { from: from as string, to: to as string };
}

export interface RestServices {
  calendars: CalendarConnections;
  notifications: NotificationsService;
  reports: ReportsService;
  certificates: CertificatesService;
}

export function createServices(http: HttpClient): RestServices {
  const { requestOrStorageError, callService } = http;
  return {
    calendars: {
      list: async () => ((await callService('GET', '/calendars', 'read', 'Reading your calendars')) as { calendars: CalendarConnection[] }).calendars,
      connect: async (input: ConnectCalendarInput) => {
        if (typeof input !== 'object' || input === null)
          throw new MentorKitError('invalid-input', 'Pass { kind: "ics-feed", url } or { kind: "caldav", url, username, password }.', { path: 'input' });
        return (await callService('POST', '/calendars', 'unconditional-write', 'Connecting the calendar', input)) as CalendarConnection;
      },
      refresh: async (id: string) => {
        assertRecordId(id);
        return (await callService(
          'POST',
          `/calendars/${encodeIdSegment(id)}/refresh`,
          'conditional-write',
          'Reading the calendar again',
        )) as CalendarConnection;
      },
      disconnect: async (id: string) => {
        assertRecordId(id);
        await callService('DELETE', `/calendars/${encodeIdSegment(id)}`, 'conditional-write', 'Disconnecting the calendar');
      },
      feed: async () => {
        const { url } = (await callService('GET', '/calendars/feed', 'read', 'Reading your feed address')) as { url: string | null };
        return url ? { url } : null;
      },
      startFeed: async () => (await callService('POST', '/calendars/feed', 'conditional-write', 'Making your feed address')) as { url: string },
      rotateFeed: async () => (await callService('POST', '/calendars/feed/rotate', 'unconditional-write', 'Making a new feed address')) as { url: string },
      revokeFeed: async () => {
        await callService('DELETE', '/calendars/feed', 'conditional-write', 'Stopping the feed');
      },
    },

    notifications: {
      preferences: async () => (await callService('GET', '/notifications/preferences', 'read', 'Reading your reminder settings')) as NotificationPreferences,
      setPreferences: async (change: NotificationPreferencesChange) => {
        if (typeof change !== 'object' || change === null || Array.isArray(change))
          throw new MentorKitError('invalid-input', 'Pass the settings to change, e.g. { email: false } or { kinds: { "pair-inactive": false } }.', {
            path: 'change',
          });
        // A PUT of the same fields twice leaves the same settings: safe to retry.
        return (await callService(
          'PUT',
          '/notifications/preferences',
          'conditional-write',
          'Saving your reminder settings',
          change,
        )) as NotificationPreferences;
      },
      sent: async (options?: { limit?: number }) => {
        const limit = options?.limit;
        if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 200))
          throw new MentorKitError('invalid-input', '`limit` must be a whole number from 1 to 200.', { path: 'limit' });
        const query = limit === undefined ? '' : `?limit=${limit}`;
        return ((await callService('GET', `/notifications${query}`, 'read', 'Reading the reminders sent to you')) as { deliveries: NotificationDelivery[] })
          .deliveries;
      },
      escalationSettings: async (programId: string) => {
        assertRecordId(programId, 'programId');
        return (await callService(
          'GET',
          `/programs/${encodeIdSegment(programId)}/escalation`,
          'read',
          "Reading the programme's escalation ladder",
        )) as ProgramEscalationSettings;
      },
      setEscalationSettings: async (programId: string, settings: EscalationSettings) => {
        assertRecordId(programId, 'programId');
        if (typeof settings !== 'object' || settings === null || Array.isArray(settings))
          throw new MentorKitError('invalid-input', "Pass the ladder's settings: { quietDays, alertAdminDays, close: null | { afterDays, noticeDays } }.", {
            path: 'settings',
          });
        return (await callService(
          'PUT',
          `/programs/${encodeIdSegment(programId)}/escalation`,
          'conditional-write',
          "Saving the programme's escalation ladder",
          settings,
        )) as ProgramEscalationSettings;
      },
      escalations: async (programId: string) => {
        assertRecordId(programId, 'programId');
        return (await callService(
          'GET',
          `/programs/${encodeIdSegment(programId)}/escalations`,
          'read',
          "Reading where the programme's quiet pairs are",
        )) as ProgramEscalations;
      },
      managerDigest: async () =>
        (await callService('GET', '/notifications/manager-digest', 'read', 'Reading the summary for your manager')) as ManagerDigestSettings,
      setManagerDigest: async (change: ManagerDigestChange) => {
        if (typeof change !== 'object' || change === null || Array.isArray(change))
          throw new MentorKitError('invalid-input', 'Pass the settings to change, e.g. { enabled: true, managerEmail: "dana@example.org" }.', {
            path: 'change',
          });
        // The same fields twice leave the same settings: safe to retry.
        return (await callService(
          'PUT',
          '/notifications/manager-digest',
          'conditional-write',
          'Saving the summary for your manager',
          change,
        )) as ManagerDigestSettings;
      },
      removeManagerDigest: async () =>
        (await callService(
          'DELETE',
          '/notifications/manager-digest',
          'conditional-write',
          'Turning off the summary for your manager',
        )) as ManagerDigestSettings,
    },

    reports: {
      programme: async (programId: string, period: ReportPeriod, options?: { timeZone?: string }) => {
        assertRecordId(programId, 'programId');
        const { from, to } = checkReportPeriod(period);
        const timeZone = options?.timeZone;
        if (options !== undefined && (typeof options !== 'object' || options === null))
          throw new MentorKitError('invalid-input', 'Report options must be an object such as { timeZone: "Europe/Madrid" }.', { path: 'options' });
        if (timeZone !== undefined && (typeof timeZone !== 'string' || timeZone === '' || timeZone.length > 64))
          throw new MentorKitError('invalid-input', '`timeZone` must be an IANA time zone name such as "Europe/Madrid".', { path: 'timeZone' });
        const query = new URLSearchParams({ from, to, ...(timeZone === undefined ? {} : { timeZone }) });
        return (await callService(
          'GET',
          `/programs/${encodeIdSegment(programId)}/report?${query.toString()}`,
          'read',
          'Reading the programme report',
        )) as ProgrammeReport;
      },
    },

    certificates: {
      list: async (pairingId: string) => {
        assertRecordId(pairingId, 'pairingId');
        return (await callService(
          'GET',
          `/pairings/${encodeIdSegment(pairingId)}/certificates`,
          'read',
          'Reading the certificates of this pairing',
        )) as PairingCertificateEntry[];
      },
      issue: async (pairingId: string, personId: string, options?: { reason?: string }) => {
        assertRecordId(pairingId, 'pairingId');
        assertRecordId(personId, 'personId');
        const reason = options?.reason;
        if (reason !== undefined && (typeof reason !== 'string' || reason.trim() === '' || reason.length > 500))
          throw new MentorKitError('invalid-input', '`reason` must be text of 1–500 characters saying why the certificate is issued by hand.', {
            path: 'reason',
          });
        // The server gives the certificate a person already has instead of a second one: safe to retry.
        return (await callService('POST', `/pairings/${encodeIdSegment(pairingId)}/certificates`, 'conditional-write', 'Issuing the certificate', {
          personId,
          ...(reason === undefined ? {} : { reason }),
        })) as IssuedCertificate;
      },
      download: async (certificateId: string, options?: { language?: 'en' | 'es' }) => {
        assertRecordId(certificateId, 'certificateId');
        const language = options?.language;
        if (language !== undefined && language !== 'en' && language !== 'es')
          throw new MentorKitError('invalid-input', '`language` must be "en" or "es".', { path: 'language' });
        const response = await requestOrStorageError(
          'GET',
          `/certificates/${encodeIdSegment(certificateId)}.pdf${language ? `?lang=${language}` : ''}`,
          { safety: 'read' },
          'Downloading the certificate failed',
        );
        if (!response.ok) throw await errorFromResponse(response);
        return response.blob();
      },
      revoke: async (certificateId: string) => {
        assertRecordId(certificateId, 'certificateId');
        return (await callService(
          'DELETE',
          `/certificates/${encodeIdSegment(certificateId)}`,
          'conditional-write',
          'Revoking the certificate',
        )) as IssuedCertificate;
      },
    },
  };
}
