import type { MentorKitError, MentorKitErrorIssue } from '@mentorkit/core';
import { loadLanguage, translate } from '../internal/localize.js';
import { fieldErrorLanguages, fieldErrorMessages } from './field-errors.messages.js';

/**
 * Core's validation errors, said for people. A `MentorKitError` carries every problem in `issues`
 * (path, rule, limit) and a developer's sentence ("`agreement.participants[0].workingHours.1[0]` must be
 * a local time range … There are 3 more problems; see `issues`"). Elements show each issue at its field,
 * all at once, worded from its rule in the page's language (`issueText`), and a short summary above the
 * form (`errorText`, which also words the other error codes) — never core's sentence with its paths. The words are one catalogue for every
 * element (`field-errors.messages.ts`, tag `mk-field-errors`, Spanish loaded on first use).
 */

/** The tag the catalogue is registered under (`registerMessages(locale, { 'mk-field-errors.<id>': … })`). */
export const FIELD_ERRORS_TAG = 'mk-field-errors';

function message(id: string, locale: string | undefined, parameters?: Record<string, string | number>): string {
  loadLanguage(FIELD_ERRORS_TAG, locale, fieldErrorLanguages);
  return translate(FIELD_ERRORS_TAG, fieldErrorMessages, id, locale, parameters);
}

/** Core's own sentence without the path in backticks it starts with, for rules without words of their own. */
function withoutPath(text: string): string {
  const rest = text.replace(/^`[^`]*`\s*/, '').replace(/\s*There (are \d+ more problems|is 1 more problem); see `issues`\.$/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** The words of each of core's rules (`MentorKitErrorIssue.rule`) that needs no limit. */
const RULE_MESSAGES = {
  required: 'required',
  'time-range': 'time-range',
  'overlapping-ranges': 'overlapping-ranges',
  'calendar-date': 'date',
  instant: 'date-time',
  'http-url': 'url',
  'time-zone': 'time-zone',
  picklist: 'choice',
  number: 'number',
  integer: 'number',
  finite: 'number',
} as const satisfies Record<string, string>;

/**
 * What a person reads under a field for one of core's issues, in `locale`: worded from its rule, never
 * core's path. `control: 'choice'` for radio buttons and lists to pick from ("Choose one of the options.").
 */
export function issueText(issue: MentorKitErrorIssue, locale: string | undefined, control?: 'choice'): string {
  const { rule = '', requirement } = issue;
  if (control === 'choice' && (rule === 'required' || rule === 'picklist')) return message('choice', locale);
  const id = (RULE_MESSAGES as Record<string, string | undefined>)[rule];
  if (id) return message(id, locale);
  if (requirement !== undefined) {
    const number = new Intl.NumberFormat(locale).format(requirement);
    if (rule === 'max_length') return message('max-length', locale, { max: number });
    if (rule === 'min_length' || rule === 'non_empty') return message(requirement <= 1 ? 'required' : 'min-length', locale, { min: number });
    if (rule === 'min_value') return message('min-value', locale, { min: number });
    if (rule === 'max_value') return message('max-value', locale, { max: number });
  }
  return withoutPath(issue.message);
}

/** The issues of `error` under `path` (the path itself, `path.x` or `path[0]`). */
export function issuesAt(error: MentorKitError | undefined, path: string): MentorKitErrorIssue[] {
  if (!error || error.code !== 'invalid-input') return [];
  return error.issues.filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`));
}

/** How many fields `error` marks: its issues' paths, a list's entries counting as their list's field (`offLimitsDates[0]` and `[1]` are one). */
export function invalidFieldCount(error: MentorKitError): number {
  return error.code === 'invalid-input' ? new Set(error.issues.map((issue) => issue.path.replace(/\[\d+\]$/, ''))).size : 0;
}

/**
 * Above a form, core's error said for people by its code: for `invalid-input`, how many fields need
 * attention (each is marked at its field), or each problem in words when `fieldsMarked` is false (an
 * action's input with no field of its own); for `conflict`, `not-found`, `forbidden` and `unsupported`,
 * what happened and what to do; for `storage-error`, the storage adapter's own sentence (the host's words
 * about its backend), else a general one.
 */
export function errorText(error: MentorKitError, locale: string | undefined, fieldsMarked = true): string {
  switch (error.code) {
    case 'invalid-input': {
      const fields = invalidFieldCount(error);
      // An element without fields for these paths (an action's input) says each problem instead.
      if (!fieldsMarked || fields === 0 || !error.issues.some((issue) => issue.path))
        return [...new Set(error.issues.map((issue) => issueText(issue, locale)))].join(' ') || withoutPath(error.message);
      return message('summary', locale, { count: fields });
    }
    case 'conflict':
    case 'not-found':
    case 'forbidden':
    case 'unsupported':
      return message(error.code, locale);
    default:
      return error.message || message('storage-error', locale);
  }
}
