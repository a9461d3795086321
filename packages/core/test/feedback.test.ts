import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createMemoryStorage,
  createMentorKit,
  isMentorKitError,
  type DomainEvent,
  type Feedback,
  type MentorKit,
  type Pairing,
  type Session,
  type StorageAdapter,
} from '@mentorkit/core';
import { canRead, createPolicyContext, decide } from '@mentorkit/core/policy';
import {
  FEEDBACK_TAGS,
  detectTrainingNeeds,
  dueFeedbackReminders,
  feedbackFeature,
  feedbackInsights,
  feedbackRequests,
  feedbackThemes,
  programRollup,
  ratingTrendDirection,
  recommendTraining,
  sessionHasEnded,
  themeWords,
} from '@mentorkit/core/feedback';

const PROGRAM = { id: 'prog', name: 'Mentoring 2026', adminIds: ['priya'] };
const person = (id: string, roles: Array<'mentee' | 'mentor' | 'admin'>, timeZone: string) => ({
  id,
  displayName: id.toUpperCase(),
  roles,
  timeZone,
  programIds: ['prog'],
  workingHours: { 1: ['09:00-17:00'] },
});
const PAIRINGS = [
  { id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji', 'arjun'], status: 'active', kind: 'official', reasons: [] },
  { id: 'p-dan', programId: 'prog', menteeId: 'dan', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] },
] as const;

const session = (id: string, pairingId: string, start: string, extra: Partial<Session> = {}) => ({
  id,
  pairingId,
  title: `Session ${id}`,
  start,
  end: new Date(Date.parse(start) + 3_600_000).toISOString(),
  timeZone: 'Europe/London',
  status: 'scheduled',
  ...extra,
});

function seededStorage(sessions: ReturnType<typeof session>[] = []): StorageAdapter {
  return createMemoryStorage({
    seed: {
      programs: [PROGRAM],
      people: [
        person('priya', ['admin'], 'Europe/London'),
        person('ana', ['mentee'], 'America/Sao_Paulo'),
        person('dan', ['mentee'], 'America/Los_Angeles'),
        person('kenji', ['mentor'], 'Asia/Tokyo'),
        person('arjun', ['mentor'], 'Asia/Kathmandu'),
      ],
      pairings: PAIRINGS.map((pairing) => ({ ...pairing, mentorIds: [...pairing.mentorIds] })),
      sessions,
    },
  });
}

class Clock {
  constructor(public value: string) {}
  now = () => this.value;
}

async function kitFor(storage: StorageAdapter, user: string, clock: Clock): Promise<MentorKit & { feedback: ReturnType<typeof feedbackFeature.install> }> {
  const kit = createMentorKit({ storage, user, now: clock.now });
  await kit.ready;
  kit.use(feedbackFeature);
  await (kit as unknown as { feedback: { ready: Promise<void> } }).feedback.ready;
  return kit as MentorKit & { feedback: ReturnType<typeof feedbackFeature.install> };
}

async function rejectsWith(promise: Promise<unknown>, code: string, path?: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isMentorKitError(error, code as never), `expected ${code}, got ${String(error)}`);
    if (path !== undefined) assert.equal((error as { path: string }).path, path);
    return;
  }
  assert.fail(`expected a ${code} MentorKitError`);
}

const snapshot = async (storage: StorageAdapter) => JSON.stringify(await storage.query('feedback'));

describe('feedback requests', () => {
  const pairings = PAIRINGS.map((pairing) => ({ ...pairing, mentorIds: [...pairing.mentorIds] })) as unknown as Pairing[];
  const sessions = [
    session('s1', 'p-ana', '2026-10-01T09:00:00Z'),
    session('s2', 'p-ana', '2026-10-08T09:00:00Z', { status: 'cancelled' }),
    session('s3', 'p-ana', '2026-10-20T09:00:00Z', { status: 'held' }), // marked held before its planned end
    session('s4', 'p-ana', '2026-10-30T09:00:00Z'),
  ] as unknown as Session[];

  test('a request opens when a session ends (held, or end passed and not cancelled), for the mentee', () => {
    const requests = feedbackRequests({ sessions, pairings, feedback: [], now: '2026-10-20T09:30:00Z' });
    assert.deepEqual(
      requests.map((request) => [request.sessionId, request.personId, request.status]),
      [
        ['s3', 'ana', 'open'],
        ['s1', 'ana', 'closed'],
      ],
    );
    assert.equal(requests[0]!.openedAt, '2026-10-20T09:30:00.000Z', 'held early: opens now');
    assert.equal(requests[0]!.dueBy, '2026-10-27T09:30:00.000Z', '7 days by default');
    assert.equal(sessionHasEnded({ status: 'missed', end: '2026-10-01T10:00:00Z' }, '2026-10-02T00:00:00Z'), true);
    assert.equal(sessionHasEnded({ status: 'scheduled', end: '2026-10-01T10:00:00Z' }, '2026-10-01T09:59:00Z'), false);
  });

  test('optionally for the mentors too; submitted requests stay editable until the deadline', () => {
    const requests = feedbackRequests({
      sessions,
      pairings,
      feedback: [{ id: 'f1', sessionId: 's3', authorId: 'ana' }],
      now: '2026-10-21T00:00:00Z',
      options: { askMentors: true },
    });
    const s3 = requests.filter((request) => request.sessionId === 's3');
    assert.deepEqual(
      s3.map((request) => [request.personId, request.role, request.status, request.editable]),
      [
        ['ana', 'mentee', 'submitted', true],
        ['arjun', 'co-mentor', 'open', false],
        ['kenji', 'mentor', 'open', false],
      ],
    );
    assert.equal(s3[0]!.feedbackId, 'f1');
    const later = feedbackRequests({
      sessions,
      pairings,
      feedback: [{ id: 'f1', sessionId: 's3', authorId: 'ana' }],
      now: '2026-11-30T00:00:00Z',
      personId: 'ana',
    });
    assert.equal(later.find((request) => request.sessionId === 's3')!.editable, false);
  });

  test('validates its options', () => {
    assert.throws(
      () => feedbackRequests({ sessions, pairings, feedback: [], now: 'yesterday' }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'now',
    );
    assert.throws(
      () => feedbackRequests({ sessions, pairings, feedback: [], now: '2026-10-21T00:00:00Z', options: { editWindowHours: -1 } }),
      (error: unknown) => (error as { path: string }).path === 'options.editWindowHours',
    );
    assert.throws(
      () => feedbackRequests({ sessions, pairings, feedback: [], now: '2026-10-21T00:00:00Z', options: { reminderHours: [Number.NaN] } }),
      (error: unknown) => (error as { path: string }).path === 'options.reminderHours',
    );
  });

  test('reminders: the latest one due for each open request, none after the deadline or once submitted', () => {
    const at = (now: string) =>
      dueFeedbackReminders(feedbackRequests({ sessions, pairings, feedback: [], now }), now).map((reminder) => [reminder.request.sessionId, reminder.number]);
    assert.deepEqual(at('2026-10-20T12:00:00Z'), []);
    assert.deepEqual(at('2026-10-21T10:00:00Z'), [['s3', 1]]);
    assert.deepEqual(at('2026-10-24T10:00:00Z'), [['s3', 2]]);
    assert.deepEqual(
      at('2026-10-28T10:00:00Z').filter(([id]) => id === 's3'),
      [],
      'closed',
    );
  });
});

describe('insights (pure)', () => {
  test('theme words drop stop words, short words and numbers, case- and accent-aware', () => {
    assert.deepEqual(themeWords('We ran out of time AGAIN, 2 times. Práctica de código!'), ['ran', 'times', 'práctica', 'código']);
  });

  test('themes count each note once per tag and per word; words need two notes', () => {
    const themes = feedbackThemes([
      { tags: ['ran-out-of-time', 'clear-next-steps'], missed: 'Architecture diagrams, architecture again' },
      { tags: ['ran-out-of-time'], helped: 'The architecture review' },
      { tags: ['my own tag'], other: 'diagrams' },
    ]);
    assert.deepEqual(
      themes.tags.map((tag) => [tag.label, tag.count]),
      [
        ['Ran out of time', 2],
        ['Clear next steps', 1],
        ['my own tag', 1],
      ],
    );
    assert.deepEqual(
      themes.words.map((word) => [word.term, word.count]),
      [
        ['architecture', 2],
        ['diagrams', 2],
      ],
    );
  });

  test('trend: last three against the three before; not enough data below four ratings', () => {
    assert.equal(ratingTrendDirection([5, 4, 4]).direction, 'not-enough-data');
    assert.deepEqual(ratingTrendDirection([5, 5, 4, 3, 3, 2]), { direction: 'falling', recentAverage: 2.67, previousAverage: 4.67 });
    assert.equal(ratingTrendDirection([2, 3, 3, 4, 5, 5]).direction, 'rising');
    assert.equal(ratingTrendDirection([4, 4, 5, 4, 4, 4]).direction, 'steady');
  });

  test('needs: recurring "ran out of time" (tag or words), falling and low ratings, with reasons', () => {
    const needs = detectTrainingNeeds([
      { rating: 5, tags: [] },
      { rating: 5, tags: [] },
      { rating: 4, tags: ['ran-out-of-time'] },
      { rating: 3, tags: [], missed: 'We RAN OUT OF TIME before the code review' },
      { rating: 2, tags: [], other: 'felt rushed' },
      { rating: 2, tags: [] },
    ]);
    assert.deepEqual(needs.map((need) => need.need).sort(), ['falling-rating', 'low-rating', 'time-management']);
    assert.equal(needs.find((need) => need.need === 'time-management')!.reason, '"Ran out of time" keeps coming up: 3 of the last 6 feedback notes.');
    assert.match(needs.find((need) => need.need === 'falling-rating')!.reason, /2\.3 on average lately, down from 4\.7/);
    assert.deepEqual(
      detectTrainingNeeds([
        { rating: 5, tags: ['ran-out-of-time'] },
        { rating: 5, tags: [], helped: 'we never ran out of time' },
      ]),
      [],
      'one mention, and praise in "helped" does not count',
    );
  });

  test('training: courses answering the needs, most needs first, reasons attached; only http(s) links', () => {
    const needs = detectTrainingNeeds([
      { rating: 2, tags: ['ran-out-of-time', 'unprepared'] },
      { rating: 2, tags: ['ran-out-of-time', 'unprepared'] },
      { rating: 2, tags: [] },
    ]);
    const catalogue = [
      { id: 'listen', title: 'Active listening', url: 'https://lms.example/listen', needs: ['listening'] },
      { id: 'time', title: 'Timeboxing mentoring sessions', url: 'https://lms.example/time', needs: ['time-management'] },
      { id: 'prep', title: 'Preparing a session in 10 minutes', url: 'https://lms.example/prep', needs: ['preparation', 'time-management'] },
    ] as const;
    const recommendations = recommendTraining(
      needs,
      catalogue.map((course) => ({ ...course, needs: [...course.needs] })),
    );
    assert.deepEqual(
      recommendations.map((entry) => entry.course.id),
      ['prep', 'time'],
    );
    assert.deepEqual(recommendations[0]!.because.map((need) => need.need).sort(), ['preparation', 'time-management']);
    assert.throws(
      () => recommendTraining(needs, [{ id: 'x', title: 'Bad', url: 'javascript:alert(1)', needs: ['listening'] }]),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'courses[0].url',
    );
    assert.throws(
      () => recommendTraining(needs, [{ id: 'x', title: 'Bad', url: 'https://lms.example', needs: ['juggling' as never] }]),
      (error: unknown) => (error as { path: string }).path === 'courses[0].needs[0]',
    );
    assert.deepEqual(
      recommendTraining(
        [],
        [...catalogue].map((course) => ({ ...course, needs: [...course.needs] })),
      ),
      [],
      'nothing without a need',
    );
  });

  const pairings = PAIRINGS.map((pairing) => ({ ...pairing, mentorIds: [...pairing.mentorIds] })) as unknown as Pairing[];
  const sessions = [1, 2, 3, 4, 5, 6]
    .map((day) => session(`a${day}`, 'p-ana', `2026-10-0${day}T09:00:00Z`))
    .concat([session('d1', 'p-dan', '2026-10-02T18:00:00Z'), session('d2', 'p-dan', '2026-10-03T18:00:00Z')]) as unknown as Session[];
  const note = (id: string, sessionId: string, authorId: string, rating: number, extra: Partial<Feedback> = {}) =>
    ({
      id,
      sessionId,
      pairingId: sessionId.startsWith('a') ? 'p-ana' : 'p-dan',
      authorId,
      rating,
      tags: [],
      anonymity: 'named',
      revealWhenBothSubmitted: false,
      revision: 1,
      updatedAt: '2026-10-10T00:00:00Z',
      ...extra,
    }) as Feedback;
  const feedback = [
    note('f1', 'a1', 'ana', 5, { helped: 'Great system design examples' }),
    note('f2', 'a2', 'ana', 5),
    note('f3', 'a3', 'ana', 4, { tags: ['ran-out-of-time'], missed: 'Ran out of time for the design review' }),
    note('f4', 'a4', 'ana', 3, { tags: ['ran-out-of-time'], anonymity: 'anonymous', missed: 'Design review again postponed' }),
    note('f5', 'a5', 'ana', 3, { anonymity: 'numbers-only', missed: 'secret text' }),
    note('k1', 'a5', 'kenji', 2, { other: 'mentor self-assessment' }),
    note('g1', 'd1', 'dan', 5),
  ];

  test('per mentor: trend over sessions, response rate, themes, sessions without feedback, needs', () => {
    const insights = feedbackInsights({ scope: { kind: 'mentor', id: 'kenji' }, sessions, pairings, feedback, now: '2026-10-07T12:00:00Z' });
    assert.equal(insights.sessionsEnded, 8);
    assert.equal(insights.feedbackCount, 6, "mentees' notes only (not the mentor's own)");
    assert.deepEqual(
      insights.ratingTrend.map((point) => [point.sessionId, point.rating]),
      [
        ['a1', 5],
        ['a2', 5],
        ['d1', 5],
        ['a3', 4],
        ['a4', 3],
        ['a5', 3],
      ],
    );
    assert.equal(insights.trend.direction, 'falling');
    assert.equal(insights.averageRating, 4.17);
    assert.equal(insights.responseRate, 1, 'open requests do not count against the rate');
    assert.deepEqual(insights.sessionsWithoutFeedback.map((entry) => [entry.sessionId, entry.status]).sort(), [
      ['a6', 'open'],
      ['d2', 'open'],
    ]);
    assert.deepEqual(
      insights.themes.tags.map((tag) => tag.term),
      ['ran-out-of-time'],
    );
    assert.ok(insights.themes.words.some((word) => word.term === 'design'));
    assert.deepEqual(insights.needs.map((need) => need.need).sort(), ['falling-rating', 'time-management']);
    const later = feedbackInsights({ scope: { kind: 'pairing', id: 'p-dan' }, sessions, pairings, feedback, now: '2026-11-30T00:00:00Z' });
    assert.equal(later.responseRate, 0.5, 'a closed request without feedback counts against it');
    assert.throws(
      () => feedbackInsights({ scope: { kind: 'team' as never, id: 'x' }, sessions, pairings, feedback, now: '2026-11-30T00:00:00Z' }),
      (error: unknown) => (error as { path: string }).path === 'scope',
    );
  });

  test('one computation per figure: "notes received" counts the requests the response rate counts; a theme and the need it explains count the same notes', () => {
    const insights = feedbackInsights({ scope: { kind: 'mentor', id: 'kenji' }, sessions, pairings, feedback, now: '2026-10-07T12:00:00Z' });
    // Was: response rate 100% beside "notes received 6 of 8" (the 2 open requests counted in one, not the other).
    assert.deepEqual(insights.requests, { answered: 6, closed: 0, open: 2 });
    assert.equal(insights.responseRate, insights.requests.answered / (insights.requests.answered + insights.requests.closed));
    // Was: "Ran out of time" in 2 of the last 2 notes beside a chart showing it once (one note chose the tag, the other wrote the words).
    const notes = [
      { rating: 4, tags: ['ran-out-of-time'] },
      { rating: 4, tags: [], missed: 'We ran out of time before the design review' },
    ];
    const themes = feedbackThemes(notes);
    const need = detectTrainingNeeds(notes).find((candidate) => candidate.need === 'time-management')!;
    assert.deepEqual(
      themes.tags.map((tag) => [tag.term, tag.count]),
      [['ran-out-of-time', 2]],
    );
    assert.equal(need.evidence.mentions, 2);
    assert.equal(need.reason, '"Ran out of time" keeps coming up: 2 of the last 2 feedback notes.');
    // "What helped" praises: naming a problem there is not a mention, in the chart or in the need.
    assert.deepEqual(feedbackThemes([{ tags: [], helped: 'No longer ran out of time' }]).tags, []);
  });

  test('programme roll-up: per-mentor rows and comments by anonymity choice', () => {
    const rollup = programRollup({ programId: 'prog', sessions, pairings, feedback, now: '2026-10-07T12:00:00Z' });
    assert.equal(rollup.program.feedbackCount, 6);
    assert.deepEqual(
      rollup.mentors.map((row) => row.mentorId),
      ['arjun', 'kenji'],
    );
    const texts = rollup.comments.map((comment) => comment.text);
    assert.ok(!texts.includes('secret text'), 'numbers-only notes never appear as text');
    const anonymous = rollup.comments.find((comment) => comment.text === 'Design review again postponed')!;
    assert.deepEqual(Object.keys(anonymous).sort(), ['field', 'text'], 'no author, pairing, mentor or session');
    const named = rollup.comments.find((comment) => comment.text === 'Great system design examples')!;
    assert.equal(named.authorId, 'ana');
    assert.ok(!texts.includes('mentor self-assessment'), "a mentor's own note is not a mentee comment");
  });

  test('every suggested tag has a label', () => {
    assert.ok(FEEDBACK_TAGS.every((tag) => tag.label.length > 0));
  });
});

describe('policy: held feedback', () => {
  const context = createPolicyContext({ pairings: PAIRINGS.map((pairing) => ({ ...pairing, mentorIds: [...pairing.mentorIds] })), programs: [PROGRAM] });
  const held = { id: 'f1', pairingId: 'p-ana', sessionId: 's1', authorId: 'ana', rating: 4, revealWhenBothSubmitted: true };
  test('hidden from the other members until revealed, then visible; admins always', () => {
    assert.equal(canRead(context, { id: 'kenji' }, 'feedback', held), false);
    assert.equal(canRead(context, { id: 'kenji' }, 'feedback', { ...held, revealedAt: '2026-10-01T00:00:00Z' }), true);
    assert.equal(canRead(context, { id: 'priya' }, 'feedback', held), true);
    assert.equal(canRead(context, { id: 'dan' }, 'feedback', { ...held, revealedAt: '2026-10-01T00:00:00Z' }), false);
  });
  test('another member may only add revealedAt/revealedBy as themself, once they submitted theirs for the same session', () => {
    const stored = { ...held, revision: 1, updatedAt: 'x', updatedBy: 'ana', createdAt: 'x' };
    const reveal = { ...held, revealedAt: '2026-10-01T00:00:00Z', revealedBy: 'kenji' };
    assert.equal(
      decide(context, { id: 'kenji' }, 'update', 'feedback', reveal, stored).allowed,
      false,
      "without a way to look up the session's notes, nobody reveals",
    );
    const notes = [
      stored,
      { id: 'f-elsewhere', pairingId: 'p-ana', sessionId: 's2', authorId: 'kenji', submittedAt: '2026-10-01T00:00:00Z' },
      { id: 'f-draft', pairingId: 'p-ana', sessionId: 's1', authorId: 'kenji' },
    ];
    const lookup = (collection: string, where: Record<string, unknown>) =>
      collection === 'feedback' ? notes.filter((note) => Object.entries(where).every(([key, value]) => (note as Record<string, unknown>)[key] === value)) : [];
    const before = { ...context, find: lookup };
    assert.match(
      decide(before, { id: 'kenji' }, 'update', 'feedback', reveal, stored).reason,
      /once you have submitted yours/,
      'a note of his on another session, or a draft he never sent, does not count',
    );
    notes.push({ id: 'f-kenji', pairingId: 'p-ana', sessionId: 's1', authorId: 'kenji', submittedAt: '2026-10-01T00:00:00Z' });
    const context_ = before;
    assert.equal(
      decide(context_, { id: 'kenji' }, 'update', 'feedback', { ...held, revealedAt: '2026-10-01T00:00:00Z', revealedBy: 'kenji' }, stored).allowed,
      true,
    );
    assert.equal(
      decide(context_, { id: 'kenji' }, 'update', 'feedback', { ...held, rating: 1, revealedAt: '2026-10-01T00:00:00Z', revealedBy: 'kenji' }, stored).allowed,
      false,
    );
    assert.equal(
      decide(context_, { id: 'kenji' }, 'update', 'feedback', { ...held, revealedAt: '2026-10-01T00:00:00Z', revealedBy: 'ana' }, stored).allowed,
      false,
    );
    assert.equal(
      decide(context_, { id: 'dan' }, 'update', 'feedback', { ...held, revealedAt: '2026-10-01T00:00:00Z', revealedBy: 'dan' }, stored).allowed,
      false,
    );
    assert.equal(
      decide(
        context_,
        { id: 'kenji' },
        'update',
        'feedback',
        { ...held, revealedAt: '2026-10-02T00:00:00Z', revealedBy: 'kenji' },
        { ...stored, revealedAt: '2026-10-01T00:00:00Z' },
      ).allowed,
      false,
      'only once',
    );
  });
});

describe('feedbackFeature', () => {
  const sessions = [
    session('s1', 'p-ana', '2026-10-14T08:00:00Z'),
    session('s-future', 'p-ana', '2026-10-30T08:00:00Z'),
    session('s-dan', 'p-dan', '2026-10-14T08:00:00Z'),
  ];

  test('the mentee gets a request when the session ends, submits, edits until the deadline; feedback-given', async () => {
    const storage = seededStorage(sessions);
    const clock = new Clock('2026-10-14T08:30:00Z');
    const ana = await kitFor(storage, 'ana', clock);
    assert.deepEqual(
      ana.feedback.requests().map((request) => request.sessionId),
      [],
      'not ended yet',
    );
    clock.value = '2026-10-14T10:00:00Z';
    assert.deepEqual(
      ana.feedback.requests().map((request) => [request.sessionId, request.status]),
      [['s1', 'open']],
    );
    const events: DomainEvent[] = [];
    ana.on('feedback-given', (event) => events.push(event));

    const before = await snapshot(storage);
    await rejectsWith(ana.feedback.submit({ sessionId: 's1', rating: 6 }), 'invalid-input', 'feedback.rating');
    await rejectsWith(ana.feedback.submit({ sessionId: 's1', rating: 4, tags: ['a', 'a'] }), 'invalid-input', 'feedback.tags');
    await rejectsWith(ana.feedback.submit({ sessionId: 's-future', rating: 4 }), 'invalid-input', 'feedback.sessionId');
    await rejectsWith(ana.feedback.submit({ sessionId: 's-dan', rating: 4 }), 'not-found');
    await rejectsWith(ana.feedback.submit({ sessionId: 's1', rating: 4, anonymity: 'secret' as never }), 'invalid-input', 'feedback.anonymity');
    assert.equal(await snapshot(storage), before, 'bad input writes nothing');

    const note = await ana.feedback.submit({
      sessionId: 's1',
      rating: 4,
      helped: 'The <b>diagram</b>',
      missed: 'Ran out of time',
      toolSuggestion: 'Excalidraw',
      tags: ['ran-out-of-time'],
    });
    assert.equal(note.authorRole, 'mentee');
    assert.equal(note.submittedAt, '2026-10-14T10:00:00.000Z');
    assert.equal(note.editableUntil, '2026-10-21T09:00:00.000Z');
    assert.equal(events.length, 1);
    assert.deepEqual(
      { type: events[0]!.type, pairingId: events[0]!.pairingId, rating: events[0]!.data.rating },
      { type: 'feedback-given', pairingId: 'p-ana', rating: 4 },
    );
    assert.equal(ana.feedback.$requests.get()[0]!.status, 'submitted');
    await rejectsWith(ana.feedback.submit({ sessionId: 's1', rating: 5 }), 'conflict');

    const edited = await ana.feedback.edit(note.id, { rating: 5 });
    assert.equal(edited.rating, 5);
    assert.equal(edited.helped, 'The <b>diagram</b>');
    await rejectsWith(ana.feedback.edit(note.id, { authorId: 'kenji' } as never), 'invalid-input', 'changes.authorId');
    await rejectsWith(ana.feedback.edit(note.id, { rating: 3 }, { expectedRevision: 1 }), 'conflict');
    clock.value = '2026-10-21T09:00:00Z';
    await rejectsWith(ana.feedback.edit(note.id, { rating: 3 }), 'forbidden');

    const kenji = await kitFor(storage, 'kenji', clock);
    assert.equal(kenji.feedback.get(note.id).rating, 5, 'the mentor reads it (not held)');
    const insights = kenji.feedback.insights({ kind: 'mentor', id: 'kenji' });
    assert.equal(insights.feedbackCount, 1);
    assert.equal(insights.averageRating, 5);
    await Promise.all([ana.dispose(), kenji.dispose()]);
  });

  test('reveal when both submitted: hidden from the mentor until they submit theirs, then both see both', async () => {
    const storage = seededStorage(sessions);
    const clock = new Clock('2026-10-14T10:00:00Z');
    const ana = await kitFor(storage, 'ana', clock);
    const kenji = await kitFor(storage, 'kenji', clock);
    kenji.feedback.configure({ askMentors: true });
    const held = await ana.feedback.submit({ sessionId: 's1', rating: 3, revealWhenBothSubmitted: true, other: 'held note' });
    await kenji.refresh();
    assert.deepEqual(kenji.feedback.$feedback.get(), [], 'held');
    assert.equal(ana.feedback.forSession('s1').waitingForOthers, true);
    assert.deepEqual(
      kenji.feedback.$requests.get().map((request) => [request.sessionId, request.status]),
      [
        ['s-dan', 'open'],
        ['s1', 'open'],
      ],
    );
    const revealed: DomainEvent[] = [];
    kenji.on('feedback-revealed', (event) => revealed.push(event));
    await kenji.feedback.submit({ sessionId: 's1', rating: 4, revealWhenBothSubmitted: true, other: 'mentor note' });
    assert.equal(revealed.length, 2, 'both held notes revealed by the second submission');
    await Promise.all([ana.refresh(), kenji.refresh()]);
    assert.deepEqual(
      kenji.feedback.forSession('s1').others.map((note) => note.id),
      [held.id],
    );
    assert.equal(ana.feedback.forSession('s1').others.length, 1);
    assert.equal(ana.feedback.forSession('s1').waitingForOthers, false);
    await Promise.all([ana.dispose(), kenji.dispose()]);
  });

  test('configure validates the catalogue and recommendations use it', async () => {
    const storage = seededStorage(sessions);
    const clock = new Clock('2026-10-14T10:00:00Z');
    const kenji = await kitFor(storage, 'kenji', clock);
    assert.throws(
      () => kenji.feedback.configure({ courses: [{ id: 'c', title: 'x', url: 'ftp://lms.example', needs: ['listening'] }] }),
      (error: unknown) => (error as { path: string }).path === 'courses[0].url',
    );
    assert.deepEqual(kenji.feedback.$catalogue.get(), [], 'nothing changed');
    kenji.feedback.configure({ courses: [{ id: 'c', title: 'Timeboxing', url: 'https://lms.example/c', needs: ['time-management'] }] });
    const insights = { ...kenji.feedback.insights({ kind: 'mentor', id: 'kenji' }) };
    insights.needs = detectTrainingNeeds([
      { rating: 4, tags: ['ran-out-of-time'] },
      { rating: 4, tags: ['felt-rushed'] },
    ]);
    assert.deepEqual(
      kenji.feedback.recommendations(insights).map((entry) => entry.course.title),
      ['Timeboxing'],
    );
    await kenji.dispose();
  });

  test('reminders due for the current user', async () => {
    const storage = seededStorage(sessions);
    const ana = await kitFor(storage, 'ana', new Clock('2026-10-15T10:00:00Z'));
    assert.deepEqual(
      ana.feedback.remindersDue().map((reminder) => [reminder.request.sessionId, reminder.number]),
      [['s1', 1]],
    );
    await ana.dispose();
  });
});
