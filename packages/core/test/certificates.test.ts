import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isMentorKitError } from '@mentorkit/core';
import { parseAgreement, AGREEMENT_TERM_KEYS, diffAgreementTerms } from '@mentorkit/core/agreements';
import { ProgramInputSchema, parseOrThrow } from '@mentorkit/core/model';
import {
  DEFAULT_CERTIFICATE_SESSIONS,
  certificateEligibility,
  certificateSessionMinutes,
  type CertificateEligibilityInput,
} from '@mentorkit/core/certificates';

const PROGRAM = { id: 'prog', name: 'Mentoring 2026' };
const PAIRING = {
  id: 'p1',
  programId: 'prog',
  menteeId: 'ana',
  mentorIds: ['kenji', 'arjun'],
  status: 'closed' as const,
  startedOn: '2026-01-05',
  endedOn: '2026-06-30',
};

const held = (n: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, (_, index) => ({
    id: `s${index + 1}`,
    pairingId: 'p1',
    status: 'held' as const,
    start: `2026-02-${String(index + 1).padStart(2, '0')}T10:00:00Z`,
    end: `2026-02-${String(index + 1).padStart(2, '0')}T10:45:00Z`,
    ...extra,
  }));
const notes = (authorId: string, sessionIds: string[]) => sessionIds.map((sessionId) => ({ pairingId: 'p1', sessionId, authorId }));

function input(overrides: Partial<CertificateEligibilityInput> = {}): CertificateEligibilityInput {
  const sessions = held(6);
  return {
    pairing: PAIRING,
    personId: 'ana',
    sessions,
    feedback: notes(
      'ana',
      sessions.map((session) => session.id),
    ),
    program: PROGRAM,
    goals: [],
    ...overrides,
  };
}

function assertInvalid(action: () => unknown, path: string) {
  assert.throws(
    action,
    (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path?: string }).path === path,
    `expected invalid-input at ${path}`,
  );
}

describe('certificateEligibility', () => {
  test("a closed pairing with six held sessions, each with the person's feedback, is eligible by default", () => {
    const result = certificateEligibility(input());
    assert.equal(DEFAULT_CERTIFICATE_SESSIONS, 6);
    assert.deepEqual(
      { eligible: result.eligible, missing: result.missing, required: result.required, requiredFrom: result.requiredFrom },
      { eligible: true, missing: [], required: 6, requiredFrom: 'default' },
    );
    assert.equal(result.sessionsHeld, 6);
    assert.equal(result.sessionsWithFeedback, 6);
    assert.equal(result.mentoringMinutes, 6 * 45);
    assert.equal(result.from, '2026-01-05');
    assert.equal(result.to, '2026-06-30');
  });

  test("an active pairing is not ended; the count is the person's own feedback only", () => {
    const sessions = held(6);
    const result = certificateEligibility(
      input({
        pairing: { ...PAIRING, status: 'active' },
        feedback: [
          ...notes('ana', ['s1', 's2']),
          ...notes(
            'kenji',
            sessions.map((session) => session.id),
          ),
        ],
      }),
    );
    assert.equal(result.eligible, false);
    assert.deepEqual(result.missing, ['pairing-not-ended', 'feedback']);
    assert.equal(result.sessionsWithFeedback, 2);
    const mentor = certificateEligibility(
      input({
        personId: 'kenji',
        feedback: notes(
          'kenji',
          sessions.map((session) => session.id),
        ),
      }),
    );
    assert.equal(mentor.eligible, true);
  });

  test("missed, cancelled and other pairings' sessions do not count; feedback on them neither", () => {
    const sessions = [
      ...held(4),
      { id: 'm1', pairingId: 'p1', status: 'missed' as const, start: '2026-03-01T10:00:00Z', end: '2026-03-01T11:00:00Z' },
      { id: 'x1', pairingId: 'other', status: 'held' as const, start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z' },
    ];
    const result = certificateEligibility(input({ sessions, feedback: notes('ana', ['s1', 's2', 's3', 's4', 'm1', 'x1']) }));
    assert.deepEqual(result.missing, ['sessions', 'feedback']);
    assert.equal(result.sessionsHeld, 4);
    assert.equal(result.sessionsWithFeedback, 4);
    assert.equal(result.mentoringMinutes, 4 * 45);
  });

  test("the agreement's plannedSessions wins over the programme's certificateSessions, which wins over 6", () => {
    const sessions = held(3);
    const base = { sessions, feedback: notes('ana', ['s1', 's2', 's3']) };
    const byProgram = certificateEligibility(input({ ...base, program: { ...PROGRAM, certificateSessions: 3 } }));
    assert.deepEqual([byProgram.eligible, byProgram.required, byProgram.requiredFrom], [true, 3, 'program']);
    const byAgreement = certificateEligibility(
      input({ ...base, program: { ...PROGRAM, certificateSessions: 3 }, agreement: { pairingId: 'p1', plannedSessions: 4 } }),
    );
    assert.deepEqual(
      [byAgreement.eligible, byAgreement.required, byAgreement.requiredFrom, byAgreement.missing],
      [false, 4, 'agreement', ['sessions', 'feedback']],
    );
    const agreementWithout = certificateEligibility(input({ ...base, agreement: { pairingId: 'p1' } }));
    assert.deepEqual([agreementWithout.required, agreementWithout.requiredFrom], [6, 'default']);
  });

  test('minutes follow the hours rule: heldMinutes when recorded, else the booked length', () => {
    const sessions = held(6).map((session, index) => (index === 0 ? { ...session, heldMinutes: 90 } : session));
    assert.equal(certificateEligibility(input({ sessions })).mentoringMinutes, 90 + 5 * 45);
    assert.equal(certificateSessionMinutes({ status: 'held', start: '2026-01-01T10:00:00Z', end: '2026-01-01T10:30:59Z' }), 30);
    assert.equal(certificateSessionMinutes({ status: 'missed', start: '2026-01-01T10:00:00Z', end: '2026-01-01T11:00:00Z' }), 0);
    assert.equal(certificateSessionMinutes({ status: 'held', start: '2026-01-01T10:00:00Z', end: '2026-01-01T11:00:00Z', heldMinutes: 20 } as never), 20);
  });

  test("goals achieved: the person's own (private too) and the shared ones, never another member's private goal", () => {
    const goals = [
      { pairingId: 'p1', ownerId: 'ana', title: 'Give a conference talk', visibility: 'private' as const, achievedAt: '2026-05-01T00:00:00Z' },
      { pairingId: 'p1', ownerId: 'kenji', title: 'Shared: ship the portfolio', visibility: 'pairing' as const, achievedAt: '2026-05-02T00:00:00Z' },
      { pairingId: 'p1', ownerId: 'kenji', title: 'Kenji private', visibility: 'private' as const, achievedAt: '2026-05-03T00:00:00Z' },
      { pairingId: 'p1', ownerId: 'ana', title: 'Not yet', visibility: 'pairing' as const },
      { pairingId: 'p1', ownerId: 'ana', title: 'Archived', visibility: 'pairing' as const, achievedAt: '2026-05-03T00:00:00Z', archived: true },
      { pairingId: 'other', ownerId: 'ana', title: 'Other pairing', visibility: 'pairing' as const, achievedAt: '2026-05-03T00:00:00Z' },
    ];
    assert.deepEqual(certificateEligibility(input({ goals })).goalsAchieved, ['Give a conference talk', 'Shared: ship the portfolio']);
    assert.deepEqual(
      certificateEligibility(
        input({
          goals,
          personId: 'kenji',
          feedback: notes(
            'kenji',
            held(6).map((session) => session.id),
          ),
        }),
      ).goalsAchieved,
      ['Shared: ship the portfolio', 'Kenji private'],
    );
  });

  test('dates fall back to the held sessions when the pairing has no start or end day', () => {
    const result = certificateEligibility(input({ pairing: { id: 'p1', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'closed' } }));
    assert.equal(result.from, '2026-02-01');
    assert.equal(result.to, '2026-02-06');
  });

  test('validates: a non-member, another programme, malformed lists and counts are invalid-input', () => {
    assertInvalid(() => certificateEligibility(input({ personId: 'mallory' })), 'personId');
    assertInvalid(() => certificateEligibility(input({ personId: '' })), 'personId');
    assertInvalid(() => certificateEligibility(input({ program: { id: 'elsewhere', name: 'X' } })), 'program');
    assertInvalid(() => certificateEligibility(input({ sessions: 'nope' as never })), 'sessions');
    assertInvalid(() => certificateEligibility(input({ agreement: { pairingId: 'p2', plannedSessions: 3 } })), 'agreement');
    assertInvalid(() => certificateEligibility(input({ agreement: { pairingId: 'p1', plannedSessions: 0 } })), 'agreement.plannedSessions');
    assertInvalid(() => certificateEligibility(input({ program: { ...PROGRAM, certificateSessions: 2.5 } })), 'program.certificateSessions');
    assertInvalid(() => certificateEligibility(null as never), 'input');
  });
});

describe('plannedSessions and certificateSessions in the model', () => {
  const agreement = {
    id: 'p1.agreement',
    pairingId: 'p1',
    cadence: 'fortnightly',
    channels: [{ kind: 'video' }],
    responseTimeHours: 48,
    participants: [
      { personId: 'ana', timeZone: 'UTC', workingHours: {} },
      { personId: 'kenji', timeZone: 'UTC', workingHours: {} },
    ],
  };

  test('the agreement takes plannedSessions 1–100 as one of its terms (a change makes a new version to confirm)', () => {
    assert.equal(parseAgreement({ ...agreement, plannedSessions: 8 }).plannedSessions, 8);
    assert.equal(parseAgreement(agreement).plannedSessions, undefined);
    assertInvalid(() => parseAgreement({ ...agreement, plannedSessions: 101 }), 'agreement.plannedSessions');
    assertInvalid(() => parseAgreement({ ...agreement, plannedSessions: 1.5 }), 'agreement.plannedSessions');
    assert.ok((AGREEMENT_TERM_KEYS as readonly string[]).includes('plannedSessions'));
    const changes = diffAgreementTerms(
      { ...parseAgreement(agreement), plannedSessions: 6 } as never,
      { ...parseAgreement(agreement), plannedSessions: 8 } as never,
    );
    assert.deepEqual(
      changes.map((change) => [change.field, change.kind, change.before, change.after]),
      [['plannedSessions', 'changed', 6, 8]],
    );
  });

  test('the programme takes certificateSessions 1–100', () => {
    assert.equal(parseOrThrow(ProgramInputSchema, { id: 'prog', name: 'P', adminIds: [], certificateSessions: 4 }).certificateSessions, 4);
    assertInvalid(
      () => parseOrThrow(ProgramInputSchema, { id: 'prog', name: 'P', adminIds: [], certificateSessions: 0 }, 'program'),
      'program.certificateSessions',
    );
  });
});
