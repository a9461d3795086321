/**
 * Locale-aware formatting shared by MentorKit elements (presentation only; the time-zone
 * arithmetic lives in core). Intl formatters are cached: creating them is the expensive part.
 */

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function cachedDateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? '', options]);
  let formatter = formatterCache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatterCache.set(key, formatter);
  }
  return formatter;
}

/** `locale` when the runtime knows it, otherwise `undefined` (the browser's default locale). */
export function supportedLocale(locale: string | null | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0 ? locale : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The locale an element should format in: its explicit `locale`, else the nearest `lang`
 * attribute (crossing shadow roots), else the browser's default (`undefined`).
 */
export function resolveLocale(element: Element, explicit?: string): string | undefined {
  if (explicit) return supportedLocale(explicit);
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return supportedLocale(node.getAttribute('lang'));
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/** The time zone of this browser (IANA), or `UTC` when the runtime cannot tell. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Wall-clock time of `instant` in `timeZone`, in the locale's style (e.g. `06:10`, `6:10 AM`), with the weekday when asked (`Mon 06:10`). */
export function formatWallClock(instant: string | Date, timeZone: string, locale: string | undefined, options: { weekday?: boolean | undefined } = {}): string {
  return cachedDateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', ...(options.weekday ? { weekday: 'short' } : {}) }).format(
    new Date(instant),
  );
}

/**
 * Weekday, day and month with the time of `instant` in `timeZone`, in the locale — and the year when it
 * is not the year of `now` there: "Tue 6 Oct, 07:30" this year, "Tue 5 Jan 2027, 07:30" across New Year
 * (a date without a year reads as this year's).
 */
export function formatDayTime(instant: string | Date, timeZone: string, locale: string | undefined, now: string | Date): string {
  const yearOf = (value: string | Date) => cachedDateTimeFormat('en', { timeZone, year: 'numeric' }).format(new Date(value));
  const withYear = yearOf(instant) !== yearOf(now);
  return cachedDateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** Calendar dates `YYYY-MM-DD` as a list in the locale ("7 Oct 2026, 14 Oct 2026 and 21 Oct 2026"; "… y …" in Spanish). */
export function formatDateList(dates: readonly string[], locale: string | undefined): string {
  return formatList(
    dates.map((date) => formatCalendarDate(date, locale)),
    locale,
  );
}

/** A calendar date `YYYY-MM-DD` in the locale's medium style, e.g. `7 Sept 2026`. */
export function formatCalendarDate(date: string, locale: string | undefined): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return cachedDateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/**
 * A calendar date `YYYY-MM-DD` with its weekday, in full, in the locale — and the year when it is not
 * `thisYear` (a date without a year reads as this year's): "Tuesday 12 January", "martes, 12 de enero".
 */
export function formatLongCalendarDate(date: string, locale: string | undefined, thisYear?: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  const withYear = thisYear === undefined || String(year) !== thisYear;
  return cachedDateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

/** `tomorrow`, `yesterday`, `in 2 days`… in the locale. Formatters are cached per locale (lists call it once a row). */
export function formatRelativeDays(days: number, locale: string | undefined): string {
  let formatter = relativeFormatters.get(locale ?? '');
  if (!formatter) relativeFormatters.set(locale ?? '', (formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return formatter.format(days, 'day');
}

/** `Ana`, `Ana and Bo`, `Ana, Bo and Chen` in the locale. */
export function formatList(items: readonly string[], locale: string | undefined): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** Up to two initials of a display name, for avatars without a picture. */
export function initialsOf(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const initial = (word: string | undefined) => (word ? (Array.from(word)[0] ?? '') : '');
  return (initial(first) + initial(last)).toLocaleUpperCase();
}
