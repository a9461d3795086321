/**
 * Data for the feedback and conversation stories: the demo programme plus sessions, feedback and
 * messages of Lucía's co-mentored pairing (Kenji in Tokyo, Arjun in Kathmandu), in a memory adapter.
 * Stories are viewed at Wednesday 14 October 2026, 21:10 UTC (23:10 in Madrid, 06:10 Thursday in Tokyo).
 */
import { createMemoryStorage, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { feedbackFeature } from '@mentorkit/core/feedback';
import { seedDemoProgram } from '../examples/shared/demo-program.js';
import { demoKit } from './support.js';

export const PAIRING = 'pairing-lucia';
export const STORY_COURSES = [
  {
    id: 'timebox',
    title: 'Timeboxing a 45-minute mentoring session',
    url: 'https://learn.acme.example/courses/mentor-timeboxing',
    needs: ['time-management' as const],
    durationMinutes: 25,
  },
  {
    id: 'reset',
    title: 'When ratings fall: a mentor’s reset',
    url: 'https://learn.acme.example/courses/ratings-reset',
    needs: ['falling-rating' as const, 'low-rating' as const],
  },
];

const session = (id: string, start: string, status = 'held') => ({
  id,
  pairingId: PAIRING,
  title: `Mentoring session ${start.slice(5, 10)}`,
  start,
  end: new Date(Date.parse(start) + 45 * 60_000).toISOString(),
  timeZone: 'Europe/Madrid',
  status,
});

export async function storyStorage(
  options: { sessions?: boolean; history?: boolean; held?: boolean; messages?: number; hostile?: boolean; notes?: boolean } = {},
): Promise<StorageAdapter> {
  const storage = createMemoryStorage();
  await seedDemoProgram(storage);
  if (options.sessions) {
    await storage.put('sessions', session('s-latest', '2026-10-14T19:00:00Z'));
    await storage.put('sessions', session('s-next', '2026-10-21T19:00:00Z', 'scheduled'));
  }
  if (options.history) {
    const ratings = [5, 5, 4, 4, 3, 3, 2];
    for (let index = 0; index < ratings.length; index++) {
      const start = new Date(Date.UTC(2026, 8, 8 + index * 4, 8)).toISOString();
      await storage.put('sessions', session(`h${index}`, start));
      await storage.put('feedback', {
        id: `hf${index}`,
        pairingId: PAIRING,
        sessionId: `h${index}`,
        authorId: 'lucia-fernandez',
        authorRole: 'mentee',
        rating: ratings[index],
        tags: index > 3 ? ['ran-out-of-time'] : ['clear-next-steps'],
        missed: index > 3 ? 'We ran out of time before the architecture review.' : '',
        helped: 'Architecture sketches',
        anonymity: index % 2 ? 'anonymous' : 'named',
        revealWhenBothSubmitted: false,
        submittedAt: new Date(Date.parse(start) + 3_600_000).toISOString(),
      });
    }
    await storage.put('sessions', session('h-missing', '2026-10-10T08:00:00Z'));
  }
  if (options.held) {
    await storage.put('feedback', {
      id: 'f-held',
      pairingId: PAIRING,
      sessionId: 's-latest',
      authorId: 'lucia-fernandez',
      authorRole: 'mentee',
      rating: 4,
      tags: ['clear-next-steps'],
      helped: 'The system design sketch',
      revealWhenBothSubmitted: true,
      anonymity: 'named',
      submittedAt: '2026-10-14T20:00:00Z',
      editableUntil: '2026-10-21T19:45:00Z',
    });
  }
  const count = options.messages ?? 0;
  const lines = [
    'How did the load test go?',
    'Better than expected — p95 went from 800 to 240 ms.',
    'Great. Notes from today: https://docs.acme.example/adr-12',
    options.hostile ? '<img src=x onerror=alert(1)> javascript:alert(1)' : 'Thanks!',
  ];
  for (let index = 0; index < count; index++) {
    const author = index % 3 === 0 ? 'lucia-fernandez' : index % 3 === 1 ? 'kenji-watanabe' : 'arjun-shrestha';
    await storage.put('messages', {
      id: `m${String(index).padStart(5, '0')}`,
      pairingId: PAIRING,
      authorId: author,
      kind: 'text',
      text: count > 10 ? `Message ${index + 1}: ${lines[index % lines.length]}` : lines[index % lines.length]!,
      mentorsOnly: false,
      history: [],
      sentAt: new Date(Date.parse('2026-10-14T21:00:00Z') - (count - index) * 7 * 60_000).toISOString(),
    });
  }
  if (options.notes) {
    await storage.put('messages', {
      id: 'n1',
      pairingId: PAIRING,
      authorId: 'arjun-shrestha',
      kind: 'text',
      text: 'She could lead the next incident review — shall we suggest it?',
      mentorsOnly: true,
      history: [],
      sentAt: '2026-10-14T18:00:00Z',
    });
  }
  if (count > 0)
    await storage.put('message-reads', {
      id: `${PAIRING}~lucia-fernandez`,
      pairingId: PAIRING,
      personId: 'lucia-fernandez',
      lastReadAt: new Date(Date.parse('2026-10-14T21:00:00Z') - 3 * 7 * 60_000).toISOString(),
    });
  return storage;
}

/** A ready client with the story data and Acme's training catalogue. */
export async function storyKit(viewerId: string, options: Parameters<typeof storyStorage>[0] = {}, now?: string): Promise<MentorKit> {
  const kit = await demoKit(viewerId, { storage: await storyStorage(options), ...(now ? { now } : {}) });
  kit.use(feedbackFeature).configure({ courses: STORY_COURSES });
  return kit;
}
