/**
 * An independent brute-force reading of the findCommonSlots contract for the tests: every minute of
 * every candidate is checked with Intl.DateTimeFormat (not luxon, not the implementation's cache).
 */
type Participant = {
  id: string;
  timeZone: string;
  workingHours: Partial<Record<number, readonly string[]>>;
  offLimitsDays?: readonly number[];
  offLimitsDates?: readonly string[];
  busy?: ReadonlyArray<{ start: string; end: string }>;
};

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Local date, weekday and minute of day at an epoch millisecond, via Intl. */
export function intlLocal(timeZone: string, ms: number): { date: string; weekday: number; minuteOfDay: number; offsetMinutes: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(ms))) parts[part.type] = part.value;
  const minuteOfDay = Number(parts.hour) * 60 + Number(parts.minute);
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday!]!,
    minuteOfDay,
    offsetMinutes: Math.round((asUtc - ms) / 60000),
  };
}

const parseRange = (range: string): [number, number] => {
  const [a, b] = range.split('-') as [string, string];
  const minutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
  return [minutes(a), minutes(b)];
};

export function minuteIsFree(participant: Participant, ms: number): boolean {
  const local = intlLocal(participant.timeZone, ms);
  if (participant.offLimitsDays?.includes(local.weekday)) return false;
  if (participant.offLimitsDates?.includes(local.date)) return false;
  const ranges = participant.workingHours[local.weekday] ?? [];
  if (
    !ranges.some((range) => {
      const [start, end] = parseRange(range);
      return local.minuteOfDay >= start && local.minuteOfDay < end;
    })
  )
    return false;
  for (const busy of participant.busy ?? []) if (Date.parse(busy.start) <= ms && ms < Date.parse(busy.end)) return false;
  return true;
}

/** Candidate starts (ms) the contract accepts, minute by minute. */
export function bruteForceSlots(request: {
  participants: readonly Participant[];
  from: string;
  to: string;
  durationMinutes: number;
  stepMinutes?: number;
}): number[] {
  const step = (request.stepMinutes ?? 15) * 60000;
  const duration = request.durationMinutes * 60000;
  const from = Date.parse(request.from);
  const to = Date.parse(request.to);
  const free = new Map<number, boolean>();
  const isFree = (ms: number) => {
    let value = free.get(ms);
    if (value === undefined) {
      value = request.participants.every((participant) => minuteIsFree(participant, ms));
      free.set(ms, value);
    }
    return value;
  };
  const result: number[] = [];
  for (let t = Math.ceil(from / step) * step; t + duration <= to; t += step) {
    let ok = true;
    for (let m = t; m < t + duration; m += 60000)
      if (!isFree(m)) {
        ok = false;
        break;
      }
    if (ok) result.push(t);
  }
  return result;
}
