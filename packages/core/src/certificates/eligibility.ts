import { MentorKitError } from '../model/errors.js';
import type { Agreement } from '../model/agreement.js';
import type { Feedback } from '../model/feedback.js';
import type { Goal } from '../model/goal.js';
import type { Pairing } from '../model/pairing.js';
import type { Program } from '../model/program.js';
import type { Session } from '../model/session.js';
import { sessionMinutesHeld } from '../report/hours.js';

/** Held sessions with the person's feedback a certificate asks for when neither the agreement nor the programme says. */
export const DEFAULT_CERTIFICATE_SESSIONS = 6;

/** What a person still lacks for a certificate of participation. */
export const CERTIFICATE_MISSING_CODES = ['pairing-not-ended', 'sessions', 'feedback'] as const;
export type CertificateMissingCode = (typeof CERTIFICATE_MISSING_CODES)[number];

export interface CertificateEligibilityInput {
  /** The pairing the certificate is for. */
  pairing: Pick<Pairing, 'id' | 'programId' | 'menteeId' | 'mentorIds' | 'status'> &
    Partial<Pick<Pairing, 'startedOn' | 'endedOn' | 'createdAt' | 'updatedAt'>>;
  /** The member (mentee, mentor or co-mentor) it would be issued to. */
  personId: string;
  /** The pairing's sessions (others are ignored). */
  sessions: readonly Pick<Session, 'id' | 'pairingId' | 'status' | 'start' | 'end'>[];
  /** The pairing's feedback notes (others are ignored): only the person's own count. */
  feedback: readonly Pick<Feedback, 'pairingId' | 'sessionId' | 'authorId'>[];
  /** The pair's working agreement: its `plannedSessions` is the number asked for. */
  agreement?: (Pick<Agreement, 'pairingId'> & { plannedSessions?: number | undefined }) | undefined;
  /** The pairing's programme: its `certificateSessions` applies when the agreement plans none. */
  program: Pick<Program, 'id' | 'name'> & { certificateSessions?: number | undefined };
  /** The pairing's goals: the titles of the person's own goals and the pair's shared goals achieved are printed. */
  goals: readonly (Pick<Goal, 'pairingId' | 'ownerId' | 'title' | 'visibility'> & { achievedAt?: string | undefined; archived?: boolean | undefined })[];
}

export interface CertificateEligibility {
  eligible: boolean;
  /** What is missing, in this order: the pairing has not ended, too few held sessions, too few of them with the person's feedback. Empty when eligible. */
  missing: CertificateMissingCode[];
  /** Held sessions with the person's feedback asked for (agreement `plannedSessions`, else programme `certificateSessions`, else 6). */
  required: number;
  /** Where `required` came from. */
  requiredFrom: 'agreement' | 'program' | 'default';
  sessionsHeld: number;
  /** Held sessions in which this person submitted feedback. */
  sessionsWithFeedback: number;
  /** Minutes of mentoring over the held sessions (the hours rule: `heldMinutes` when recorded, else the booked length). */
  mentoringMinutes: number;
  /** Titles of the goals achieved: the person's own (private ones included: the certificate is theirs) and the pair's shared ones, in the order given. */
  goalsAchieved: string[];
  /** First day of the pairing (calendar date): its `startedOn`, else the day of its first held session, else the day it was created. */
  from: string | null;
  /** Last day: its `endedOn`, else the day of its last held session, else null. */
  to: string | null;
}

/**
 * Minutes a session counts toward mentoring hours — the hours rule, `sessionMinutesHeld` of
 * `@mentorkit/core/report`: a held session counts its recorded `heldMinutes` when set, else its
 * booked length (end − start) in whole minutes; anything not held counts 0.
 */
export const certificateSessionMinutes: (session: Pick<Session, 'status' | 'start' | 'end'> & { heldMinutes?: number | undefined }) => number =
  sessionMinutesHeld;

function fail(path: string, message: string): never {
  throw new MentorKitError('invalid-input', message, { path });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkCount(value: unknown, path: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100)
    fail(path, `\`${path}\` must be a whole number of sessions from 1 to 100 (got ${JSON.stringify(value)}).`);
  return value;
}

const dayOf = (instant: string | undefined): string | null => (typeof instant === 'string' && /^\d{4}-\d{2}-\d{2}/.test(instant) ? instant.slice(0, 10) : null);

/**
 * Whether `personId` may have a certificate of participation for `pairing`: the pairing is closed,
 * the person is one of its members, and at least `required` held sessions carry the person's own
 * feedback — `required` being the agreement's `plannedSessions`, else the programme's
 * `certificateSessions`, else 6. Also the facts a certificate prints: minutes of mentoring (the hours
 * rule), the goals achieved, the pairing's first and last days.
 *
 * Throws `invalid-input` when the input is malformed, the programme is not the pairing's, or the
 * person is not a member of the pairing.
 */
export function certificateEligibility(input: CertificateEligibilityInput): CertificateEligibility {
  if (!isRecord(input)) fail('input', 'Pass { pairing, personId, sessions, feedback, program, goals, agreement? }.');
  const { pairing, personId, program } = input;
  if (!isRecord(pairing) || typeof pairing.id !== 'string' || typeof pairing.menteeId !== 'string' || !Array.isArray(pairing.mentorIds))
    fail('pairing', '`pairing` must be a pairing record with id, menteeId and mentorIds.');
  if (typeof personId !== 'string' || personId === '') fail('personId', '`personId` must be the id of a member of the pairing.');
  if (!isRecord(program) || typeof program.id !== 'string') fail('program', "`program` must be the pairing's programme record.");
  if (program.id !== pairing.programId) fail('program', `\`program\` must be the pairing's programme ("${String(pairing.programId)}"), not "${program.id}".`);
  for (const key of ['sessions', 'feedback', 'goals'] as const) {
    if (!Array.isArray(input[key])) fail(key, `\`${key}\` must be a list (empty when there are none).`);
  }
  if (input.agreement !== undefined && (!isRecord(input.agreement) || input.agreement.pairingId !== pairing.id))
    fail('agreement', "`agreement` must be the pairing's own agreement (or left out).");
  const members = [pairing.menteeId, ...pairing.mentorIds];
  if (!members.includes(personId)) fail('personId', `"${personId}" is not a member of pairing "${pairing.id}": certificates are for its mentee and mentor(s).`);

  const planned = checkCount(input.agreement?.plannedSessions, 'agreement.plannedSessions');
  const programDefault = checkCount(program.certificateSessions, 'program.certificateSessions');
  const required = planned ?? programDefault ?? DEFAULT_CERTIFICATE_SESSIONS;
  const requiredFrom = planned !== undefined ? 'agreement' : programDefault !== undefined ? 'program' : 'default';

  const held = input.sessions.filter((session, index) => {
    if (!isRecord(session) || typeof session.id !== 'string') fail(`sessions[${index}]`, `\`sessions[${index}]\` must be a session record.`);
    return session.pairingId === pairing.id && session.status === 'held';
  });
  const heldIds = new Set(held.map((session) => session.id));
  const withFeedback = new Set(
    input.feedback
      .filter((note) => isRecord(note) && note.pairingId === pairing.id && note.authorId === personId && heldIds.has(note.sessionId))
      .map((note) => note.sessionId),
  );
  const mentoringMinutes = held.reduce((sum, session) => sum + certificateSessionMinutes(session), 0);
  const goalsAchieved = input.goals
    .filter(
      (goal) =>
        isRecord(goal) &&
        goal.pairingId === pairing.id &&
        !goal.archived &&
        typeof goal.achievedAt === 'string' &&
        (goal.ownerId === personId || goal.visibility !== 'private'),
    )
    .map((goal) => goal.title);

  const heldDays = held
    .map((session) => dayOf(session.start))
    .filter((day): day is string => day !== null)
    .sort();
  const from = pairing.startedOn ?? heldDays[0] ?? dayOf(pairing.createdAt) ?? null;
  const to = pairing.endedOn ?? heldDays[heldDays.length - 1] ?? null;

  const missing: CertificateMissingCode[] = [];
  if (pairing.status !== 'closed') missing.push('pairing-not-ended');
  if (held.length < required) missing.push('sessions');
  if (withFeedback.size < required) missing.push('feedback');
  return {
    eligible: missing.length === 0,
    missing,
    required,
    requiredFrom,
    sessionsHeld: held.length,
    sessionsWithFeedback: withFeedback.size,
    mentoringMinutes,
    goalsAchieved,
    from,
    to,
  };
}
