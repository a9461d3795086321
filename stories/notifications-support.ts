/**
 * A story-local stand-in for the MentorKit server's notifications service (`StorageAdapter.notifications`),
 * kept in memory, so `<mk-notification-preferences>` and `<mk-escalation-ladder>` can be shown in every
 * state without a server. It answers as the server does: a daily or weekly digest is refused with the
 * server's words (digests are not built yet), and the ladder's settings are validated (whole days,
 * admins alerted after the nudge, closing after the alert). Stories only; the elements' tests have their own.
 */
import {
  MentorKitError,
  createMemoryStorage,
  createMentorKit,
  type EscalationSettings,
  type MentorKit,
  type NotificationDelivery,
  type NotificationPreferences,
  type NotificationPreferencesChange,
  type NotificationsService,
  type PairEscalation,
  type ProgramEscalationSettings,
  type ProgramEscalations,
} from '@mentorkit/core';
import { DEMO_PROGRAM_ID, seedDemoProgram } from '../examples/shared/demo-program.js';
import { DEMO_VIEWERS, giveAwkwardNames, STORY_NOW } from './support.js';

export const STORY_KINDS = [
  'check-in-due-soon',
  'check-in-overdue',
  'pair-inactive',
  'pairing-closing',
  'pairing-closed',
  'session-soon',
  'feedback-requested',
  'goal-due',
  'goal-missed',
] as const;

/** What the server queued for Lucía over the last fortnight, newest first. */
export const STORY_DELIVERIES: readonly NotificationDelivery[] = [
  {
    id: 'n-5',
    kind: 'session-soon',
    pairingId: 'pairing-lucia',
    channel: 'email',
    subject: null,
    status: 'queued',
    sendAt: '2026-10-15T07:00:00Z',
    sentAt: null,
    attempts: 0,
    createdAt: '2026-10-14T21:00:00Z',
  },
  {
    id: 'n-4',
    kind: 'feedback-requested',
    pairingId: 'pairing-lucia',
    channel: 'email',
    subject: 'How did your session with Kenji Watanabe and Arjun Shrestha go?',
    status: 'failed',
    sendAt: '2026-10-14T07:00:00Z',
    sentAt: null,
    attempts: 2,
    createdAt: '2026-10-13T18:00:00Z',
    error: 'The mail server did not answer (connection timed out); retried with backoff.',
  },
  {
    id: 'n-3',
    kind: 'check-in-overdue',
    pairingId: 'pairing-lucia',
    channel: 'email',
    subject: 'Tu revisión con Kenji Watanabe va con retraso',
    status: 'sent',
    sendAt: '2026-10-12T07:00:00Z',
    sentAt: '2026-10-12T07:00:03Z',
    attempts: 1,
    createdAt: '2026-10-12T06:45:00Z',
  },
  {
    id: 'n-2',
    kind: 'pair-inactive',
    pairingId: 'pairing-lucia',
    channel: 'email',
    subject: null,
    status: 'skipped',
    sendAt: '2026-10-05T07:00:00Z',
    sentAt: null,
    attempts: 1,
    createdAt: '2026-10-04T12:00:00Z',
    reason: 'pair-inactive turned off',
  },
  {
    id: 'n-1',
    kind: 'check-in-due-soon',
    pairingId: 'pairing-lucia',
    channel: 'email',
    subject: 'Your check-in with Kenji Watanabe is due on Thursday',
    status: 'sent',
    sendAt: '2026-10-01T07:00:00Z',
    sentAt: '2026-10-01T07:00:02Z',
    attempts: 1,
    createdAt: '2026-10-01T06:30:00Z',
  },
];

/** The demo programme's quiet pairs, worst first, as the server computes them on the story's evening. */
export const STORY_ESCALATIONS: readonly PairEscalation[] = [
  {
    pairingId: 'pairing-daniel',
    menteeId: 'daniel-kim',
    mentorIds: ['kenji-watanabe'],
    members: [
      { personId: 'daniel-kim', lastActiveAt: '2026-08-31T16:20:00Z' },
      { personId: 'kenji-watanabe', lastActiveAt: null },
    ],
    lastActivityAt: '2026-08-31T16:20:00Z',
    lastActivityKind: 'message',
    quietDays: 44,
    stage: 'closing',
    stageSince: '2026-10-12T08:00:00Z',
    next: { stage: 'closed-due', at: '2026-10-19T08:00:00Z' },
    closesAt: '2026-10-19T08:00:00Z',
    history: [
      { stage: 'nudged', at: '2026-09-14T08:00:00Z' },
      { stage: 'admin-alerted', at: '2026-09-28T08:00:00Z' },
      { stage: 'closing', at: '2026-10-12T08:00:00Z' },
    ],
    suggestion: { menteeId: 'daniel-kim', mentorIds: ['sarah-cohen'] },
  },
  {
    pairingId: 'pairing-fatima',
    menteeId: 'fatima-al-sayed',
    mentorIds: ['youssef-el-amrani'],
    members: [
      { personId: 'fatima-al-sayed', lastActiveAt: '2026-09-10T09:00:00Z' },
      { personId: 'youssef-el-amrani', lastActiveAt: '2026-09-09T14:00:00Z' },
    ],
    lastActivityAt: '2026-09-10T09:00:00Z',
    lastActivityKind: 'session',
    quietDays: 34,
    stage: 'admin-alerted',
    stageSince: '2026-10-08T08:00:00Z',
    next: { stage: 'closing', at: '2026-10-22T08:00:00Z' },
    history: [
      { stage: 'nudged', at: '2026-09-24T08:00:00Z' },
      { stage: 'admin-alerted', at: '2026-10-08T08:00:00Z' },
    ],
  },
  {
    pairingId: 'pairing-binita',
    menteeId: 'binita-thapa',
    mentorIds: ['arjun-shrestha'],
    members: [
      { personId: 'binita-thapa', lastActiveAt: '2026-09-28T05:00:00Z' },
      { personId: 'arjun-shrestha', lastActiveAt: '2026-09-25T06:30:00Z' },
    ],
    lastActivityAt: '2026-09-28T05:00:00Z',
    lastActivityKind: 'goal',
    quietDays: 16,
    stage: 'nudged',
    stageSince: '2026-10-12T08:00:00Z',
    next: { stage: 'admin-alerted', at: '2026-10-26T08:00:00Z' },
    history: [{ stage: 'nudged', at: '2026-10-12T08:00:00Z' }],
  },
  {
    pairingId: 'pairing-lucia',
    menteeId: 'lucia-fernandez',
    mentorIds: ['kenji-watanabe', 'arjun-shrestha'],
    members: [],
    lastActivityAt: '2026-10-13T17:00:00Z',
    lastActivityKind: 'session',
    quietDays: 1,
    stage: 'active',
    stageSince: '2026-10-13T17:00:00Z',
    history: [],
  },
  {
    pairingId: 'pairing-hana',
    menteeId: 'hana-sato',
    mentorIds: ['olivia-martin'],
    members: [],
    lastActivityAt: '2026-10-11T01:00:00Z',
    lastActivityKind: 'message',
    quietDays: 3,
    stage: 'active',
    stageSince: '2026-10-11T01:00:00Z',
    history: [],
  },
];

export interface StoryNotificationsOptions {
  kinds?: readonly string[] | undefined;
  deliveries?: readonly NotificationDelivery[] | undefined;
  pairs?: readonly PairEscalation[] | undefined;
  settings?: EscalationSettings | undefined;
  /** Milliseconds each change takes (to see "Saving…"). */
  delayMs?: number | undefined;
  /** Every read fails with this message (the error state). */
  failWith?: string | undefined;
}

export function storyNotifications(options: StoryNotificationsOptions = {}): NotificationsService {
  let preferences: NotificationPreferences = {
    personId: DEMO_VIEWERS.mentee,
    email: true,
    kinds: Object.fromEntries((options.kinds ?? STORY_KINDS).map((kind) => [kind, kind !== 'pair-inactive'])),
    digest: 'none',
  };
  let settings: EscalationSettings = options.settings ?? { quietDays: 14, alertAdminDays: 28, close: { afterDays: 42, noticeDays: 7 } };
  const pause = () => new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 500));
  const fail = () => {
    if (options.failWith) throw new MentorKitError('storage-error', options.failWith);
  };
  return {
    async preferences() {
      fail();
      return structuredClone(preferences);
    },
    async setPreferences(change: NotificationPreferencesChange) {
      await pause();
      if (change.digest !== undefined && change.digest !== 'none')
        throw new MentorKitError('invalid-input', `\`digest\`: "${change.digest}" digests are not available yet; only "none" (one email per reminder) is.`, {
          path: 'digest',
        });
      preferences = {
        ...preferences,
        ...(Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<NotificationPreferences>),
        kinds: { ...preferences.kinds, ...change.kinds },
        updatedAt: STORY_NOW,
      };
      return structuredClone(preferences);
    },
    async sent() {
      fail();
      return structuredClone([...(options.deliveries ?? STORY_DELIVERIES)]);
    },
    async escalationSettings(programId: string): Promise<ProgramEscalationSettings> {
      fail();
      return { programId, ...structuredClone(settings) };
    },
    async setEscalationSettings(programId: string, next: EscalationSettings): Promise<ProgramEscalationSettings> {
      await pause();
      for (const [path, value] of [
        ['quietDays', next.quietDays],
        ['alertAdminDays', next.alertAdminDays],
        ['close.afterDays', next.close?.afterDays],
        ['close.noticeDays', next.close?.noticeDays],
      ] as const) {
        if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 365))
          throw new MentorKitError('invalid-input', `\`${path}\` must be a whole number of days from 1 to 365.`, { path });
      }
      if (next.alertAdminDays <= next.quietDays)
        throw new MentorKitError('invalid-input', '`alertAdminDays` must be more than `quietDays`: admins are alerted after both were nudged.', {
          path: 'alertAdminDays',
        });
      if (next.close && next.close.afterDays <= next.alertAdminDays)
        throw new MentorKitError(
          'invalid-input',
          '`close.afterDays` must be more than `alertAdminDays`: a pairing closes only after the admins were alerted.',
          { path: 'close.afterDays' },
        );
      settings = structuredClone(next);
      return { programId, ...structuredClone(settings), updatedAt: STORY_NOW };
    },
    async escalations(programId: string): Promise<ProgramEscalations> {
      fail();
      return { programId, settings: structuredClone(settings), asOf: STORY_NOW, pairs: structuredClone([...(options.pairs ?? STORY_ESCALATIONS)]) };
    },
  };
}

/** A ready client on the demo programme for `viewer`; with `notifications`, its storage offers that service (as on the MentorKit server). */
export async function notificationsKit(
  notifications?: NotificationsService,
  viewer: string = DEMO_VIEWERS.mentee,
  options: { awkwardNames?: boolean } = {},
): Promise<MentorKit> {
  const memory = createMemoryStorage();
  await seedDemoProgram(memory);
  if (options.awkwardNames) await giveAwkwardNames(memory);
  const storage = notifications ? Object.assign(memory, { notifications }) : memory;
  const kit = createMentorKit({ storage, user: { id: viewer }, now: () => STORY_NOW });
  await kit.ready;
  return kit;
}

export { DEMO_PROGRAM_ID };
