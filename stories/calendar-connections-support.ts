/**
 * A story-local stand-in for the MentorKit server's calendar service (`StorageAdapter.calendars`),
 * kept in memory, so `<mk-calendar-connections>` can be shown in every state without a server:
 * connecting `https://…/fail` fails the way a private address does, and a CalDAV password `wrong`
 * the way a refused password does. Stories only; the element's tests have their own.
 */
import {
  MentorKitError,
  createMemoryStorage,
  createMentorKit,
  type CalendarConnection,
  type CalendarConnections,
  type ConnectCalendarInput,
  type MentorKit,
} from '@mentorkit/core';
import { seedDemoProgram } from '../examples/shared/demo-program.js';
import { DEMO_VIEWERS, STORY_NOW } from './support.js';

export const STORY_CALENDARS: readonly CalendarConnection[] = [
  {
    id: 'cal-work',
    kind: 'caldav',
    label: 'Work',
    where: 'https://cal.example.com/…',
    writeBack: true,
    status: 'ok',
    checkedAt: '2026-10-14T20:55:00Z',
    busyCount: 23,
  },
  {
    id: 'cal-family',
    kind: 'ics-feed',
    label: 'Family',
    where: 'https://calendar.google.com/…',
    writeBack: false,
    status: 'failing',
    checkedAt: '2026-10-13T21:00:00Z',
    problem: 'The calendar address answered 404 (not found): it may have been reset in Google Calendar.',
    busyCount: 4,
  },
];

export function storyCalendars(initial: readonly CalendarConnection[] = [], options: { delayMs?: number } = {}): CalendarConnections {
  let calendars = initial.map((calendar) => ({ ...calendar }));
  let feed: string | null = initial.length > 0 ? `https://mentorkit.example.com/calendars/feed/0-9f86d081884c7d659a2feaa0c55ad015.ics` : null;
  let serial = 0;
  const pause = () => new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 600));
  const address = () => `https://mentorkit.example.com/calendars/feed/${++serial}-9f86d081884c7d659a2feaa0c55ad015.ics`;
  return {
    async list() {
      return calendars.map((calendar) => ({ ...calendar }));
    },
    async connect(input: ConnectCalendarInput) {
      await pause();
      const url = new URL(input.url);
      if (url.pathname.endsWith('/fail'))
        throw new MentorKitError('forbidden', `${url.hostname} resolves to a private address, which MentorKit does not fetch.`, { path: 'url' });
      if (input.kind === 'caldav' && input.password === 'wrong')
        throw new MentorKitError('invalid-input', 'The CalDAV server refused the user name or password.', { path: 'password' });
      const calendar: CalendarConnection = {
        id: `cal-${Date.now()}`,
        kind: input.kind,
        label: input.label ?? url.hostname,
        where: `${url.protocol}//${url.host}/…`,
        writeBack: input.kind === 'caldav' && input.writeBack === true,
        status: 'ok',
        checkedAt: STORY_NOW,
        busyCount: 9,
      };
      calendars.push(calendar);
      return { ...calendar };
    },
    async refresh(id: string) {
      await pause();
      const calendar = calendars.find((candidate) => candidate.id === id);
      if (!calendar) throw new MentorKitError('not-found', 'This calendar is no longer connected.', { path: 'id' });
      return { ...calendar, checkedAt: STORY_NOW };
    },
    async disconnect(id: string) {
      await pause();
      calendars = calendars.filter((calendar) => calendar.id !== id);
    },
    async feed() {
      return feed ? { url: feed } : null;
    },
    async startFeed() {
      feed ??= address();
      return { url: feed };
    },
    async rotateFeed() {
      await pause();
      feed = address();
      return { url: feed };
    },
    async revokeFeed() {
      await pause();
      feed = null;
    },
  };
}

/** A ready client for the demo mentee; with `calendars`, its storage offers that service (as on the MentorKit server). */
export async function calendarKit(calendars?: CalendarConnections): Promise<MentorKit> {
  const memory = createMemoryStorage();
  await seedDemoProgram(memory);
  const storage = calendars ? Object.assign(memory, { calendars }) : memory;
  const kit = createMentorKit({ storage, user: { id: DEMO_VIEWERS.mentee }, now: () => STORY_NOW });
  await kit.ready;
  return kit;
}
