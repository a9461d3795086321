import * as v from 'valibot';
import {
  CalendarDateSchema,
  HttpUrlSchema,
  IdSchema,
  LanguageSchema,
  TimeZoneSchema,
  WeekdaySchema,
  WorkingHoursSchema,
  shortText,
  uniqueList,
  type WorkingHours,
} from './primitives.js';
import type { RecordMeta } from './collections.js';
import { MentorAvailabilitySchema } from './availability.js';

/** People: profiles with time zone, working hours, off-limits days, languages and skills. */

export const PersonRole = { mentee: 'mentee', mentor: 'mentor', admin: 'admin' } as const;
export type PersonRole = (typeof PersonRole)[keyof typeof PersonRole];

export const SkillLevelSchema = v.pipe(
  v.number('must be a number 1–5'),
  v.integer('must be a whole number 1–5'),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(5, 'must be at most 5'),
);

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
  priority: v.optional(
    v.pipe(v.number('must be 1, 2 or 3'), v.integer('must be 1, 2 or 3'), v.minValue(1, 'must be 1, 2 or 3'), v.maxValue(3, 'must be 1, 2 or 3')),
    2,
  ),
});
export type WantedSkill = v.InferOutput<typeof WantedSkillSchema>;

export const PersonInputSchema = v.object({
  id: IdSchema,
  displayName: shortText(120),
  email: v.optional(
    v.pipe(
      v.string('must be an email address'),
      v.maxLength(254, 'must be at most 254 characters'),
      v.regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address such as "ana@example.org"'),
    ),
  ),
  /** Roles this person can take in the programme. Admin is global to the programmes they administer. */
  roles: v.pipe(
    uniqueList(v.picklist(['mentee', 'mentor', 'admin'], 'must be "mentee", "mentor" or "admin"'), 'roles', 3),
    v.minLength(1, 'must name at least one role: "mentee", "mentor" or "admin"'),
  ),
  timeZone: TimeZoneSchema,
  workingHours: v.optional(WorkingHoursSchema, {}),
  offLimitsDays: v.optional(uniqueList(WeekdaySchema, 'weekdays', 7), []),
  offLimitsDates: v.optional(uniqueList(CalendarDateSchema, 'dates', 366), []),
  languages: v.optional(uniqueList(LanguageSchema, 'languages', 20), []),
  skills: v.optional(v.pipe(v.array(SkillSchema, 'must be a list of { name, level }'), v.maxLength(100, 'must have at most 100 skills')), []),
  wantsToLearn: v.optional(v.pipe(v.array(WantedSkillSchema, 'must be a list of { name, priority }'), v.maxLength(50, 'must have at most 50 skills')), []),
  interests: v.optional(uniqueList(shortText(100), 'interests', 50), []),
  /** How many mentees a mentor takes at once. */
  capacity: v.optional(
    v.pipe(v.number('must be a whole number'), v.integer('must be a whole number'), v.minValue(0, 'must be 0 or more'), v.maxValue(100, 'must be at most 100')),
    1,
  ),
  /** Short role or job title shown beside the name, e.g. "Staff engineer". */
  headline: v.optional(shortText(160)),
  avatarUrl: v.optional(HttpUrlSchema),
  programIds: v.optional(uniqueList(IdSchema, 'programme ids', 100), []),
  /**
   * Programmes this person has left (an LMS roster no longer lists them, or an admin marked them):
   * they stay in `programIds` with everything they did kept, and are not offered for new pairings.
   */
  inactiveProgramIds: v.optional(uniqueList(IdSchema, 'programme ids', 100)),
  /**
   * Mentors: whether they take new mentees — `{ status: 'taking-mentees' | 'not-taking-mentees' | 'away',
   * until?, note? }`. Absent means taking mentees. Matching does not propose a mentor who is away (and not
   * back by the day pairings start) or not taking mentees; `availabilityOf(person, now)` reads it.
   */
  availability: v.optional(MentorAvailabilitySchema),
});
export type PersonInput = v.InferInput<typeof PersonInputSchema>;
export type PersonData = v.InferOutput<typeof PersonInputSchema> & { workingHours: WorkingHours };

/** A stored person record. */
export type Person = PersonData & RecordMeta;
