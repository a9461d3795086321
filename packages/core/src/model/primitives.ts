import * as v from 'valibot';

import { isCalendarDate, isHttpUrl, isInstant, isTimeZone, parseTimeRange, WEEKDAYS } from './formats.js';

export { isCalendarDate, isHttpUrl, isInstant, isTimeZone, parseTimeRange, WEEKDAYS } from './formats.js';
export type { Weekday, WorkingHours } from './formats.js';

/**
 * Names a format check, so the issue it raises carries that name as `rule` (`MentorKitErrorIssue.rule`)
 * instead of valibot's generic `check`: elements word `time-range`, `calendar-date`, `http-url`… for people.
 */
const named = <TAction extends object>(action: TAction, rule: string): TAction => Object.assign(action, { type: rule });

export const IdSchema = v.pipe(
  v.string('must be a string id'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(200, 'must be at most 200 characters'),
  v.check((value) => value.trim() === value, 'must not start or end with spaces'),
);

/** Short single-line text such as a name or a title. */
export function shortText(max = 200) {
  return v.pipe(
    v.string('must be text'),
    v.check((value) => value.trim().length > 0, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );
}

/** Longer free text; may be empty. */
export function longText(max = 10_000) {
  return v.pipe(v.string('must be text'), v.maxLength(max, `must be at most ${max} characters`));
}

export const TimeZoneSchema = v.pipe(
  v.string('must be an IANA time-zone name such as "Europe/Paris"'),
  named(
    v.check(
      (value: string) => isTimeZone(value),
      (issue) => `must be an IANA time-zone name such as "Europe/Paris" or "Asia/Kathmandu" (got ${JSON.stringify(issue.input)})`,
    ),
    'time-zone',
  ),
);

export const CalendarDateSchema = v.pipe(
  v.string('must be a calendar date YYYY-MM-DD'),
  named(
    v.check(
      (value: string) => isCalendarDate(value),
      (issue) => `must be a real calendar date written YYYY-MM-DD, e.g. "2026-03-29" (got ${JSON.stringify(issue.input)})`,
    ),
    'calendar-date',
  ),
);

export const InstantSchema = v.pipe(
  v.string('must be an ISO 8601 instant'),
  named(
    v.check(
      (value: string) => isInstant(value),
      (issue) => `must be an ISO 8601 instant with "Z" or an offset, e.g. "2026-03-29T08:00:00Z" (got ${JSON.stringify(issue.input)})`,
    ),
    'instant',
  ),
);

export const HttpUrlSchema = v.pipe(
  v.string('must be an http(s) URL'),
  named(
    v.check(
      (value: string) => isHttpUrl(value),
      (issue) => `must be an absolute http: or https: URL, e.g. "https://drive.example.com/folder" (got ${JSON.stringify(String(issue.input).slice(0, 80))})`,
    ),
    'http-url',
  ),
);

export const WeekdaySchema = v.picklist(WEEKDAYS, 'must be an ISO weekday number, 1 (Monday) to 7 (Sunday)');

export const TimeRangeSchema = v.pipe(
  v.string('must be a time range "HH:MM-HH:MM"'),
  named(
    v.check(
      (value: string) => parseTimeRange(value) !== undefined,
      (issue) =>
        `must be a local time range "HH:MM-HH:MM" with start before end, e.g. "09:00-17:30" ('24:00' may end a range) (got ${JSON.stringify(issue.input)})`,
    ),
    'time-range',
  ),
);

/**
 * Working hours per ISO weekday, as local wall-clock ranges: `{ 1: ['09:00-12:00', '13:00-17:30'] }`.
 * Keys may be numbers or numeric strings (JSON); ranges of a day must not overlap.
 */
export const WorkingHoursSchema = v.pipe(
  v.record(
    v.pipe(
      v.string(),
      v.check((key) => /^[1-7]$/.test(key), 'working-hours keys must be ISO weekdays 1 (Monday) to 7 (Sunday)'),
    ),
    v.pipe(
      v.array(TimeRangeSchema, 'must be a list of time ranges such as ["09:00-17:00"]'),
      v.maxLength(12, 'must have at most 12 ranges a day'),
      named(
        v.check((ranges: string[]) => {
          const parsed = ranges.map((range) => parseTimeRange(range)).filter((r): r is [number, number] => r !== undefined);
          parsed.sort((a, b) => a[0] - b[0]);
          for (let index = 1; index < parsed.length; index++) if (parsed[index]![0] < parsed[index - 1]![1]) return false;
          return true;
        }, 'ranges of one day must not overlap'),
        'overlapping-ranges',
      ),
    ),
    'must map ISO weekdays (1 = Monday … 7 = Sunday) to lists of "HH:MM-HH:MM" ranges',
  ),
);

export const LanguageSchema = v.pipe(
  v.string('must be a language tag such as "en" or "pt-BR"'),
  v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "en", "es" or "pt-BR"'),
);

/** A list without repeated entries (compared as JSON), with a maximum length. */
export const uniqueList = <T>(item: v.GenericSchema<T, T>, what: string, max = 50) =>
  v.pipe(
    v.array(item, `must be a list of ${what}`),
    v.maxLength(max, `must have at most ${max} ${what}`),
    v.check((list) => new Set(list.map((entry) => JSON.stringify(entry))).size === list.length, `must not repeat ${what}`),
  );
