/**
 * MentorKit's one message format, used by core's catalogues (goals, check-ins, scheduling…), by the
 * elements' catalogues (`packages/elements/src/internal/localize.ts`) and by the server's mails:
 *
 * - `{name}` is replaced by the parameter `name`; a placeholder with no parameter stays as written,
 *   so a missing value shows up in tests instead of vanishing.
 * - `{name|one|other}` is `one` when the parameter is 1, else `other` ("{days} {days|day|days}").
 *   Languages with more plural forms use a message function instead (the elements' catalogues allow
 *   them).
 * - In a right-to-left language (`locale` given), each text parameter is wrapped in first-strong
 *   isolates (U+2068 … U+2069, as Fluent does), so a Latin name inside an Arabic sentence keeps its
 *   own order. Numbers and digit-only text stay as they are.
 *
 * Parameters are text, never markup: callers render the result as text (lit renders it as a text
 * node; mails escape it).
 */

/** The parameters of a message, by placeholder name. */
export type MessageParameters = Readonly<Record<string, string | number>>;

/** Languages written right to left. */
const RIGHT_TO_LEFT = /^(?:ar|ckb|dv|fa|he|ps|sd|ug|ur|yi)(?:[-_]|$)/i;

/** Whether `locale` (BCP 47) is written right to left. */
export const isRightToLeft = (locale: string | undefined): boolean => typeof locale === 'string' && RIGHT_TO_LEFT.test(locale);

/** `parameters` with each text value isolated when `locale` is right to left (else `parameters` itself). */
export const isolateParameters = (parameters: MessageParameters, locale: string | undefined): MessageParameters =>
  isRightToLeft(locale)
    ? Object.fromEntries(
        Object.entries(parameters).map(([name, value]) => [name, typeof value === 'string' && /\p{L}/u.test(value) ? `\u2068${value}\u2069` : value]),
      )
    : parameters;

/** Fills a message template (see the module comment for the syntax). */
export function formatMessage(template: string, parameters: MessageParameters = {}, locale?: string): string {
  const values = isolateParameters(parameters, locale);
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one: string | undefined, other: string | undefined) =>
    !Object.hasOwn(values, name) ? whole : one === undefined ? String(values[name]) : Number(values[name]) === 1 ? one : (other ?? ''),
  );
}
