import * as v from 'valibot';
import {
  CalendarDateSchema,
  HttpUrlSchema,
  IdSchema,
  InstantSchema,
  LanguageSchema,
  TimeZoneSchema,
  WeekdaySchema,
  WorkingHoursSchema,
  longText,
  shortText,
  type WorkingHours,
} from './primitives.js';

/**
 * Entity schemas of the mentoring domain. Each `*InputSchema` validates what a command accepts;
 * the stored record is that input plus `id`, timestamps and the storage `revision`.
 * Later modules add behaviour (goals progress, coaching flows, …); the shapes start here.
 */

/** Collections MentorKit stores through the adapter. Hosts' backends see these names. */
export const Collections = {
  people: 'people',
  programs: 'programs',
  pairings: 'pairings',
  agreements: 'agreements',
  sessions: 'sessions',
  goals: 'goals',
  coachingRuns: 'coaching-runs',
  feedback: 'feedback',
  messages: 'messages',
} as const;
export type CollectionName = (typeof Collections)[keyof typeof Collections];

const uniqueList = <T>(item: v.GenericSchema<T, T>, what: string, max = 50) =>
  v.pipe(
    v.array(item, `must be a list of ${what}`),
    v.maxLength(max, `must have at most ${max} ${what}`),
    v.check((list) => new Set(list.map((entry) => JSON.stringify(entry))).size === list.length, `must not repeat ${what}`),
  );

// ---------------------------------------------------------------------------------------------
// People

export const PersonRole = { mentee: 'mentee', mentor: 'mentor', admin: 'admin' } as const;
export type PersonRole = (typeof PersonRole)[keyof typeof PersonRole];

export const SkillLevelSchema = v.pipe(v.number('must be a number 1–5'), v.integer('must be a whole number 1–5'), v.minValue(1, 'must be at least 1'), v.maxValue(5, 'must be at most 5'));

export const SkillSchema = v.object({
  /** Skill name, e.g. "time management", "TypeScript". Compared case-insensitively. */
  name: shortText(100),
  /** 1 (beginner) … 5 (expert). */
  level: SkillLevelSchema,
});
export type Skill = v.InferOutput<typeof SkillSchema>;

export const WantedSkillSchema = v.object({
  name: shortText(100),
  /** 1 (nice to have) … 3 (must have). */
  priority: v.optional(v.pipe(v.number('must be 1, 2 or 3'), v.integer('must be 1, 2 or 3'), v.minValue(1, 'must be 1, 2 or 3'), v.maxValue(3, 'must be 1, 2 or 3')), 2),
});
export type WantedSkill = v.InferOutput<typeof WantedSkillSchema>;

export const PersonInputSchema = v.object({
  id: IdSchema,
  displayName: shortText(120),
  email: v.optional(v.pipe(v.string('must be an email address'), v.maxLength(254, 'must be at most 254 characters'), v.regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address such as "ana@example.org"'))),
  /** Roles this person can take in the programme. Admin is global to the programmes they administer. */
  roles: v.pipe(uniqueList(v.picklist(['mentee', 'mentor', 'admin'], 'must be "mentee", "mentor" or "admin"'), 'roles', 3), v.minLength(1, 'must name at least one role: "mentee", "mentor" or "admin"')),
  timeZone: TimeZoneSchema,
  workingHours: v.optional(WorkingHoursSchema, {}),
  offLimitsDays: v.optional(uniqueList(WeekdaySchema, 'weekdays', 7), []),
  offLimitsDates: v.optional(uniqueList(CalendarDateSchema, 'dates', 366), []),
  languages: v.optional(uniqueList(LanguageSchema, 'languages', 20), []),
  skills: v.optional(v.pipe(v.array(SkillSchema, 'must be a list of { name, level }'), v.maxLength(100, 'must have at most 100 skills')), []),
  wantsToLearn: v.optional(v.pipe(v.array(WantedSkillSchema, 'must be a list of { name, priority }'), v.maxLength(50, 'must have at most 50 skills')), []),
  interests: v.optional(uniqueList(shortText(100), 'interests', 50), []),
  /** How many mentees a mentor takes at once. */
  capacity: v.optional(v.pipe(v.number('must be a whole number'), v.integer('must be a whole number'), v.minValue(0, 'must be 0 or more'), v.maxValue(100, 'must be at most 100')), 1),
  /** Short role or job title shown beside the name, e.g. "Staff engineer". */
  headline: v.optional(shortText(160)),
  avatarUrl: v.optional(HttpUrlSchema),
  programIds: v.optional(uniqueList(IdSchema, 'programme ids', 100), []),
});
export type PersonInput = v.InferInput<typeof PersonInputSchema>;
export type PersonData = v.InferOutput<typeof PersonInputSchema> & { workingHours: WorkingHours };

// ---------------------------------------------------------------------------------------------
// Programmes

export const ProgramInputSchema = v.object({
  id: IdSchema,
  name: shortText(160),
  description: v.optional(longText(4000)),
  startDate: v.optional(CalendarDateSchema),
  endDate: v.optional(CalendarDateSchema),
  adminIds: uniqueList(IdSchema, 'admin ids', 50),
  /** Default coaching model for new agreements: `grow`, `oskar` or a custom model id. */
  defaultCoachingModel: v.optional(IdSchema, 'grow'),
});
export type ProgramInput = v.InferInput<typeof ProgramInputSchema>;
export type ProgramData = v.InferOutput<typeof ProgramInputSchema>;

// ---------------------------------------------------------------------------------------------
// Pairings

export const PairingStatus = { proposed: 'proposed', active: 'active', paused: 'paused', closed: 'closed' } as const;
export type PairingStatus = (typeof PairingStatus)[keyof typeof PairingStatus];
export const PairingKind = { official: 'official', informal: 'informal' } as const;
export type PairingKind = (typeof PairingKind)[keyof typeof PairingKind];

export const PairingInputSchema = v.pipe(
  v.object({
    id: IdSchema,
    programId: IdSchema,
    menteeId: IdSchema,
    /** One mentor, or two for co-mentoring. The first is the lead mentor; the second the co-mentor. */
    mentorIds: v.pipe(v.array(IdSchema, 'must be a list of one or two mentor ids'), v.minLength(1, 'must name at least one mentor'), v.maxLength(2, 'must name at most two mentors (co-mentoring)'), v.check((ids) => new Set(ids).size === ids.length, 'must name two different mentors')),
    status: v.optional(v.picklist(['proposed', 'active', 'paused', 'closed'], 'must be "proposed", "active", "paused" or "closed"'), 'proposed'),
    kind: v.optional(v.picklist(['official', 'informal'], 'must be "official" or "informal"'), 'official'),
    startedOn: v.optional(CalendarDateSchema),
    endedOn: v.optional(CalendarDateSchema),
    /** Matching score and reasons when the pairing came from `matchMentors`. */
    score: v.optional(v.pipe(v.number(), v.finite('must be a finite number'))),
    reasons: v.optional(v.array(shortText(300)), []),
  }),
  v.forward(v.check((pairing) => !pairing.mentorIds.includes(pairing.menteeId), 'the mentee cannot also be their own mentor'), ['mentorIds']),
);
export type PairingInput = v.InferInput<typeof PairingInputSchema>;
export type PairingData = v.InferOutput<typeof PairingInputSchema>;

// ---------------------------------------------------------------------------------------------
// Working agreement

export const CADENCES = ['weekly', 'fortnightly', 'monthly', 'ad-hoc'] as const;
export const CHANNEL_KINDS = ['email', 'chat', 'video', 'phone', 'in-person'] as const;
export const CHECK_IN_LEVELS = ['high-touch', 'regular', 'light-touch'] as const;

export const AgreementInputSchema = v.object({
  id: IdSchema,
  pairingId: IdSchema,
  cadence: v.picklist(CADENCES, 'must be "weekly", "fortnightly", "monthly" or "ad-hoc"'),
  channels: v.pipe(
    v.array(v.object({ kind: v.picklist(CHANNEL_KINDS, 'must be "email", "chat", "video", "phone" or "in-person"'), detail: v.optional(shortText(200)) }), 'must be a list of channels'),
    v.minLength(1, 'must name at least one channel'),
    v.maxLength(10, 'must have at most 10 channels'),
  ),
  /** Expected answer time for async messages, in hours. */
  responseTimeHours: v.pipe(v.number('must be a number of hours'), v.minValue(1, 'must be at least 1 hour'), v.maxValue(24 * 14, 'must be at most two weeks (336 hours)')),
  offLimitsDays: v.optional(uniqueList(WeekdaySchema, 'weekdays', 7), []),
  offLimitsDates: v.optional(uniqueList(CalendarDateSchema, 'dates', 366), []),
  participants: v.pipe(
    v.array(v.object({ personId: IdSchema, timeZone: TimeZoneSchema, workingHours: WorkingHoursSchema }), 'must be a list of participants'),
    v.minLength(2, 'must list at least the mentee and one mentor'),
    v.maxLength(5, 'must list at most 5 participants'),
  ),
  /** The one shared place for documents. http: and https: only. */
  sharedDocumentsUrl: v.optional(HttpUrlSchema),
  coachingModel: v.optional(IdSchema, 'grow'),
  checkInLevel: v.optional(v.picklist(CHECK_IN_LEVELS, 'must be "high-touch", "regular" or "light-touch"'), 'regular'),
  /** Version of the terms; every change makes a new version that both parties confirm again. */
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  confirmations: v.optional(v.array(v.object({ personId: IdSchema, version: v.pipe(v.number(), v.integer(), v.minValue(1)), at: InstantSchema })), []),
});
export type AgreementInput = v.InferInput<typeof AgreementInputSchema>;
export type AgreementData = v.InferOutput<typeof AgreementInputSchema>;

// ---------------------------------------------------------------------------------------------
// Sessions

export const SessionInputSchema = v.pipe(
  v.object({
    id: IdSchema,
    pairingId: IdSchema,
    title: shortText(200),
    start: InstantSchema,
    end: InstantSchema,
    /** Organiser's IANA zone. */
    timeZone: TimeZoneSchema,
    meetingUrl: v.optional(HttpUrlSchema),
    agenda: v.optional(longText(4000)),
    status: v.optional(v.picklist(['scheduled', 'held', 'cancelled', 'missed'], 'must be "scheduled", "held", "cancelled" or "missed"'), 'scheduled'),
    coachingRunId: v.optional(IdSchema),
  }),
  v.forward(v.check((session) => Date.parse(session.end) > Date.parse(session.start), 'must be after `start`'), ['end']),
);
export type SessionInput = v.InferInput<typeof SessionInputSchema>;
export type SessionData = v.InferOutput<typeof SessionInputSchema>;

// ---------------------------------------------------------------------------------------------
// Goals and milestones

export const MilestoneSchema = v.object({
  id: v.optional(IdSchema),
  title: shortText(200),
  dueDate: v.optional(CalendarDateSchema),
  done: v.optional(v.boolean('must be true or false'), false),
  doneAt: v.optional(InstantSchema),
});
export type Milestone = v.InferOutput<typeof MilestoneSchema>;

export const GoalMetricSchema = v.object({
  name: shortText(120),
  unit: v.optional(shortText(40)),
  start: v.pipe(v.number('must be a number'), v.finite('must be a finite number')),
  target: v.pipe(v.number('must be a number'), v.finite('must be a finite number')),
  current: v.optional(v.pipe(v.number('must be a number'), v.finite('must be a finite number'))),
});

/** The `GoalDraft` of DESIGN.md. */
export const GoalDraftSchema = v.object({
  title: shortText(200),
  description: v.optional(longText(4000)),
  skill: v.optional(shortText(100)),
  metric: v.optional(GoalMetricSchema),
  startDate: v.optional(CalendarDateSchema),
  dueDate: v.optional(CalendarDateSchema),
  milestones: v.optional(v.pipe(v.array(MilestoneSchema, 'must be a list of milestones'), v.maxLength(100, 'must have at most 100 milestones')), []),
});
export type GoalDraft = v.InferInput<typeof GoalDraftSchema>;

export const GoalInputSchema = v.object({
  ...GoalDraftSchema.entries,
  id: IdSchema,
  pairingId: IdSchema,
  ownerId: IdSchema,
  /** `private`: only the owner; `pairing`: the owner and the pairing's mentor(s). */
  visibility: v.optional(v.picklist(['private', 'pairing'], 'must be "private" or "pairing"'), 'pairing'),
  archived: v.optional(v.boolean(), false),
});
export type GoalInput = v.InferInput<typeof GoalInputSchema>;
export type GoalData = v.InferOutput<typeof GoalInputSchema>;

// ---------------------------------------------------------------------------------------------
// Coaching runs

export const CoachingRunInputSchema = v.object({
  id: IdSchema,
  pairingId: IdSchema,
  modelId: IdSchema,
  sessionId: v.optional(IdSchema),
  /** Serialisable flow state owned by the coaching module. */
  state: v.record(v.string(), v.unknown()),
  completedAt: v.optional(InstantSchema),
});
export type CoachingRunInput = v.InferInput<typeof CoachingRunInputSchema>;
export type CoachingRunData = v.InferOutput<typeof CoachingRunInputSchema>;

// ---------------------------------------------------------------------------------------------
// Feedback

export const FeedbackInputSchema = v.object({
  id: IdSchema,
  pairingId: IdSchema,
  sessionId: IdSchema,
  authorId: IdSchema,
  rating: v.pipe(v.number('must be a rating from 1 to 5'), v.integer('must be a whole number from 1 to 5'), v.minValue(1, 'must be at least 1'), v.maxValue(5, 'must be at most 5')),
  helped: v.optional(longText(2000)),
  missed: v.optional(longText(2000)),
  toolSuggestion: v.optional(longText(1000)),
  other: v.optional(longText(4000)),
  tags: v.optional(uniqueList(shortText(60), 'tags', 20), []),
  /** Hide from the other side until both have submitted. */
  revealWhenBothSubmitted: v.optional(v.boolean(), false),
});
export type FeedbackInput = v.InferInput<typeof FeedbackInputSchema>;
export type FeedbackData = v.InferOutput<typeof FeedbackInputSchema>;

// ---------------------------------------------------------------------------------------------
// Messages

export const MessageInputSchema = v.pipe(
  v.object({
    id: IdSchema,
    pairingId: IdSchema,
    authorId: IdSchema,
    kind: v.picklist(['text', 'voice'], 'must be "text" or "voice"'),
    text: v.optional(longText(10_000)),
    voice: v.optional(v.object({ blobId: IdSchema, durationSeconds: v.pipe(v.number(), v.minValue(0), v.maxValue(60 * 30)), contentType: shortText(100) })),
    /** Visible only to the pairing's mentors (co-mentor shared notes). */
    mentorsOnly: v.optional(v.boolean(), false),
  }),
  v.check((message) => (message.kind === 'text' ? typeof message.text === 'string' && message.text.trim() !== '' : message.voice !== undefined), 'a text message needs `text`; a voice message needs `voice`'),
);
export type MessageInput = v.InferInput<typeof MessageInputSchema>;
export type MessageData = v.InferOutput<typeof MessageInputSchema>;

/** Fields every stored record carries. `revision` starts at 1, increments on every put, and never repeats for an id (a re-create after a delete continues from the deleted revision). */
export interface RecordMeta {
  revision: number;
  /** ISO instant of the last write. */
  updatedAt: string;
  /** ISO instant of creation (set by the client). */
  createdAt?: string;
  /** Person who last wrote the record (set by the client). */
  updatedBy?: string;
}

export type Person = PersonData & RecordMeta;
export type Program = ProgramData & RecordMeta;
export type Pairing = PairingData & RecordMeta;
export type Agreement = AgreementData & RecordMeta;
export type Session = SessionData & RecordMeta;
export type Goal = GoalData & RecordMeta;
export type CoachingRun = CoachingRunData & RecordMeta;
export type Feedback = FeedbackData & RecordMeta & { submittedAt?: string };
export type Message = MessageData & RecordMeta & { sentAt?: string };
