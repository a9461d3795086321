import { Collections } from '../model/collections.js';
import type { ErrorCode } from '../model/errors.js';
import { counterparts } from '../model/pairing-roles.js';
import type { RecordInput, StorageWriteFailure } from '../storage/adapter.js';
import type { MentorKit } from './client.js';
import { internalsOf } from './internals.js';

/**
 * What a refused change was about, for choosing the words that tell the person (each subject has a
 * sentence in `<mk-provider>`'s catalogue, e.g. `message` → "Your message in the conversation with
 * Kenji"). `other` is a collection MentorKit does not know (a host's own).
 */
export const FailedWriteSubject = {
  message: 'message',
  /** A note in the co-mentors' private thread. */
  mentorNote: 'mentor-note',
  readMarker: 'read-marker',
  goal: 'goal',
  feedback: 'feedback',
  session: 'session',
  agreement: 'agreement',
  coachingSession: 'coaching-session',
  icebreaker: 'icebreaker',
  pairing: 'pairing',
  matchingRound: 'matching-round',
  profile: 'profile',
  programme: 'programme',
  other: 'other',
} as const;
export type FailedWriteSubject = (typeof FailedWriteSubject)[keyof typeof FailedWriteSubject];

/** A refused change in terms a person understands (see `describeFailedWrite`). */
export interface FailedWriteDescription {
  subject: FailedWriteSubject;
  /** `delete`: the change was a removal (the record is still there). */
  kind: 'put' | 'delete';
  /** True when the change was to the signed-in person's own profile. */
  own: boolean;
  /**
   * The record's own title as people wrote it (a goal's, a session's, a programme's name; for
   * feedback, its session's title), when known. Text someone typed: render it as text, never as HTML.
   */
  title?: string;
  /** Display names of the people it concerns besides the signed-in person (the other members of the pairing, the profile's owner). */
  people: string[];
  /** Why it was refused: the error's stable code and its message. */
  code: ErrorCode;
  reason: string;
}

const SUBJECT_BY_COLLECTION: Readonly<Record<string, FailedWriteSubject>> = {
  [Collections.messages]: FailedWriteSubject.message,
  // MESSAGE_READS_COLLECTION, spelled out: model/message.ts would bring its schemas along.
  'message-reads': FailedWriteSubject.readMarker,
  [Collections.goals]: FailedWriteSubject.goal,
  [Collections.feedback]: FailedWriteSubject.feedback,
  [Collections.sessions]: FailedWriteSubject.session,
  [Collections.agreements]: FailedWriteSubject.agreement,
  [Collections.coachingRuns]: FailedWriteSubject.coachingSession,
  [Collections.rapport]: FailedWriteSubject.icebreaker,
  [Collections.pairings]: FailedWriteSubject.pairing,
  [Collections.pairingRounds]: FailedWriteSubject.matchingRound,
  [Collections.people]: FailedWriteSubject.profile,
  [Collections.programs]: FailedWriteSubject.programme,
};

const textField = (record: RecordInput | undefined, field: string): string | undefined => {
  const value = record?.[field];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

/**
 * Describes a refused change (one of `kit.$failedWrites`) for the person who made it: what it was
 * about, the title they gave it, the other people involved, and why it was refused. The record is
 * the one the refused `put` carried, or for a delete the one the client has cached. Names come from
 * the client's `$people`; people it cannot see are left out rather than shown as ids.
 *
 * ```ts
 * const { subject, title, people, reason } = describeFailedWrite(kit, kit.$failedWrites.get()[0]);
 * // { subject: 'goal', title: 'Ship the design review', people: ['Kenji Watanabe'], reason: '…' }
 * ```
 */
export function describeFailedWrite(kit: MentorKit, failure: StorageWriteFailure): FailedWriteDescription {
  const record = failure.record ?? internalsOf(kit).cached(failure.collection, failure.id);
  const subject =
    failure.collection === Collections.messages && record?.mentorsOnly === true
      ? FailedWriteSubject.mentorNote
      : (SUBJECT_BY_COLLECTION[failure.collection] ?? FailedWriteSubject.other);
  const names = kit.$people.get();
  const nameOf = (personId: string) => names[personId]?.displayName;
  const pairingId = subject === FailedWriteSubject.pairing ? failure.id : textField(record, 'pairingId');
  const pairing = pairingId === undefined ? undefined : kit.$pairings.get().find((candidate) => candidate.id === pairingId);
  const personIds =
    subject === FailedWriteSubject.profile
      ? [failure.id].filter((id) => id !== kit.user.id)
      : pairing
        ? counterparts(pairing, kit.user.id).map((member) => member.personId)
        : [];
  const sessionId = textField(record, 'sessionId');
  const title =
    subject === FailedWriteSubject.programme
      ? textField(record, 'name')
      : subject === FailedWriteSubject.feedback && sessionId !== undefined
        ? textField(internalsOf(kit).cached(Collections.sessions, sessionId), 'title')
        : textField(record, 'title');
  return {
    subject,
    kind: failure.kind,
    own: subject === FailedWriteSubject.profile && failure.id === kit.user.id,
    ...(title === undefined ? {} : { title }),
    people: personIds.map(nameOf).filter((name): name is string => name !== undefined),
    code: failure.error.code,
    reason: failure.error.message,
  };
}
