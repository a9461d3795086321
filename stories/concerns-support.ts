/**
 * Story data for `<mk-raise-concern>` and `<mk-concern-queue>`: the demo programme with Kenji's
 * messages to Lucía, and (optionally) concerns already raised — Lucía reports a message and asks to
 * pause, Daniel raises one about his pairing, and an older one is closed with a note.
 */
import { createMemoryStorage, createMentorKit, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { concernsFeature } from '@mentorkit/core/concerns';
import { seedDemoProgram } from '../examples/shared/demo-program.js';
import { STORY_NOW, demoKit } from './support.js';

export const CONCERN_PAIRING = 'pairing-lucia';
export const REPORTED_MESSAGE = 'm-kenji-late';
export const HOSTILE_CONCERN = `<img src=x onerror=alert(1)> ${'Averyveryverylongwordwithoutanyspacesthatcouldbreakthelayout'.repeat(6)}`;

async function as(storage: StorageAdapter, userId: string, at: string, action: (kit: MentorKit) => Promise<unknown>): Promise<void> {
  const kit = createMentorKit({ storage, user: userId, now: () => at });
  kit.use(concernsFeature);
  await kit.ready;
  await action(kit);
  await kit.dispose();
}

export async function concernStorage(options: { concerns?: boolean; hostile?: boolean } = {}): Promise<StorageAdapter> {
  const storage = createMemoryStorage();
  await seedDemoProgram(storage);
  await storage.put('messages', {
    id: 'm-kenji-1',
    pairingId: CONCERN_PAIRING,
    authorId: 'kenji-watanabe',
    kind: 'text',
    text: 'Good session today. Send me the ADR when it is ready.',
    mentorsOnly: false,
    history: [],
    sentAt: '2026-10-13T17:00:00Z',
  });
  await storage.put('messages', {
    id: REPORTED_MESSAGE,
    pairingId: CONCERN_PAIRING,
    authorId: 'kenji-watanabe',
    kind: 'text',
    text: options.hostile ? HOSTILE_CONCERN : 'Let us keep this between us — no need to tell the programme about our chats.',
    mentorsOnly: false,
    history: [],
    sentAt: '2026-10-14T20:30:00Z',
  });
  if (options.concerns) {
    const concerns = (kit: MentorKit) => kit.use(concernsFeature);
    await as(storage, 'daniel-kim', '2026-10-01T09:00:00Z', (kit) =>
      concerns(kit).raise({ pairingId: 'pairing-daniel', text: 'Our last three sessions were cancelled an hour before.' }),
    );
    await as(storage, 'priya-raman', '2026-10-02T10:00:00Z', async (kit) => {
      const [first] = concerns(kit).$concerns.get();
      await concerns(kit).setStatus(first!.id, 'closed', { note: 'Spoke to both; sessions are booked for the next month.' });
    });
    await as(storage, 'lucia-fernandez', '2026-10-14T20:45:00Z', (kit) =>
      concerns(kit).reportMessage({
        messageId: REPORTED_MESSAGE,
        text: options.hostile ? HOSTILE_CONCERN : 'This made me uncomfortable. I would like to talk to someone about it.',
        pause: true,
      }),
    );
    await as(storage, 'daniel-kim', '2026-10-14T21:00:00Z', (kit) => concerns(kit).raise({ pairingId: 'pairing-daniel', text: 'It is happening again.' }));
  }
  return storage;
}

/** A ready client for `viewerId` on the concern story data. */
export async function concernKit(viewerId: string, options: Parameters<typeof concernStorage>[0] = {}): Promise<MentorKit> {
  return demoKit(viewerId, { storage: await concernStorage(options), now: STORY_NOW });
}
