// Scheduling budget of DESIGN.md: findCommonSlots for 5 people in 5 zones over 6 weeks that cross
// both 2026 DST changes (US 8 March, EU 29 March; Sydney's 5 April too), 15-minute step, 60-minute
// meeting, 3 busy blocks a day per person. Ours must take ≤ 10 ms; it is printed beside a
// straightforward luxon-Interval implementation of the same query (kept below as the reference),
// and both answers are compared, and checked once against a minute-by-minute brute force (Intl).
import { DateTime, Interval } from 'luxon';
import { clearZoneOffsetCache, findCommonSlots, type CommonSlot, type FindCommonSlotsRequest, type SlotParticipant } from '@mentorkit/core/scheduling';
import { bruteForceSlots } from '../packages/core/test/scheduling-brute.js';
import { budget, finish, formatMs, measure, seededRandom } from './support.js';

const FROM = '2026-03-02T00:00:00Z';
const TO = '2026-04-13T00:00:00Z'; // 6 weeks
const ZONES = ['America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Kathmandu', 'Australia/Sydney'];
const HOURS: Array<SlotParticipant['workingHours']> = [
  { 1: ['06:00-12:00', '13:00-20:00'], 2: ['06:00-20:00'], 3: ['06:00-20:00'], 4: ['06:00-20:00'], 5: ['06:00-14:00'] },
  { 1: ['09:00-17:30'], 2: ['09:00-17:30'], 3: ['09:00-12:30', '13:30-21:00'], 4: ['09:00-21:00'], 5: ['09:00-16:00'] },
  { 1: ['08:00-18:00'], 2: ['08:00-18:00'], 3: ['08:00-18:00'], 4: ['08:00-22:00'], 5: ['08:00-15:00'] },
  { 1: ['12:00-23:30'], 2: ['12:00-23:30'], 3: ['12:00-23:30'], 4: ['12:00-23:30'], 5: ['12:00-23:30'], 7: ['16:00-22:00'] },
  {
    1: ['05:00-09:00', '17:00-24:00'],
    2: ['00:00-01:00', '05:00-09:00', '17:00-24:00'],
    3: ['00:00-01:00', '05:00-24:00'],
    4: ['00:00-09:00', '19:00-24:00'],
    5: ['00:00-09:00'],
    6: ['07:00-09:00'],
  },
];

const random = seededRandom;

function buildRequest(): FindCommonSlotsRequest {
  const next = random(2026);
  const participants: SlotParticipant[] = ZONES.map((timeZone, index) => {
    const busy: Array<{ start: string; end: string }> = [];
    for (let day = 0; day < 42; day++) {
      for (let block = 0; block < 3; block++) {
        const start = Date.parse(FROM) + day * 86_400_000 + Math.floor(next() * 96) * 15 * 60_000;
        busy.push({ start: new Date(start).toISOString(), end: new Date(start + (30 + Math.floor(next() * 4) * 15) * 60_000).toISOString() });
      }
    }
    return {
      id: `person-${index + 1}`,
      timeZone,
      workingHours: HOURS[index]!,
      offLimitsDays: index === 2 ? [5] : [],
      offLimitsDates: index === 0 ? ['2026-03-17'] : [],
      busy,
    };
  });
  return { participants, from: FROM, to: TO, durationMinutes: 60, stepMinutes: 15 };
}

/** The reference: luxon DateTimes and Intervals for every local day and every candidate. */
function luxonIntervalSlots(request: FindCommonSlotsRequest): CommonSlot[] {
  const from = DateTime.fromISO(request.from, { zone: 'utc' });
  const to = DateTime.fromISO(request.to, { zone: 'utc' });
  const step = request.stepMinutes ?? 15;
  const available = request.participants.map((participant) => {
    const intervals: Interval[] = [];
    let day = from.setZone(participant.timeZone).startOf('day').minus({ days: 1 });
    const lastDay = to.setZone(participant.timeZone).endOf('day');
    while (day < lastDay) {
      const weekday = day.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7;
      if (!participant.offLimitsDays?.includes(weekday) && !participant.offLimitsDates?.includes(day.toISODate()!)) {
        for (const range of participant.workingHours[weekday] ?? []) {
          const [start, end] = range.split('-') as [string, string];
          const at = (text: string) =>
            text === '24:00' ? day.plus({ days: 1 }).startOf('day') : day.set({ hour: Number(text.slice(0, 2)), minute: Number(text.slice(3, 5)) });
          intervals.push(Interval.fromDateTimes(at(start), at(end)));
        }
      }
      day = day.plus({ days: 1 });
    }
    const busy = (participant.busy ?? []).map((interval) => Interval.fromDateTimes(DateTime.fromISO(interval.start), DateTime.fromISO(interval.end)));
    return { participant, working: Interval.merge(intervals), busy };
  });
  const slots: CommonSlot[] = [];
  const firstStart = Math.ceil(from.toMillis() / (step * 60_000)) * step * 60_000;
  for (
    let start = DateTime.fromMillis(firstStart, { zone: 'utc' });
    start.plus({ minutes: request.durationMinutes }) <= to;
    start = start.plus({ minutes: step })
  ) {
    const candidate = Interval.after(start, { minutes: request.durationMinutes });
    const fits = available.every(
      ({ working, busy }) => working.some((interval) => interval.engulfs(candidate)) && !busy.some((interval) => interval.overlaps(candidate)),
    );
    if (!fits) continue;
    const local: CommonSlot['local'] = {};
    for (const { participant } of available) {
      local[participant.id] = {
        start: candidate.start!.setZone(participant.timeZone).toISO({ suppressMilliseconds: true })!,
        end: candidate.end!.setZone(participant.timeZone).toISO({ suppressMilliseconds: true })!,
      };
    }
    slots.push({ start: candidate.start!.toISO({ suppressMilliseconds: true })!, end: candidate.end!.toISO({ suppressMilliseconds: true })!, local });
  }
  return slots;
}

const request = buildRequest();
console.log(
  `scheduling: 5 people (${ZONES.join(', ')}), ${FROM.slice(0, 10)} → ${TO.slice(0, 10)} (6 weeks, US + EU + Sydney DST changes), 15-min step, 60-min meeting, 3 busy blocks a day each`,
);

const cold = await measure(
  () => {
    clearZoneOffsetCache();
    return findCommonSlots(request);
  },
  { runs: 9, warmup: 2 },
);
const warm = await measure(() => findCommonSlots(request), { runs: 15, warmup: 3 });
const reference = await measure(() => luxonIntervalSlots(request), { runs: 5, warmup: 1 });

const same = JSON.stringify(warm.result) === JSON.stringify(reference.result) && JSON.stringify(cold.result) === JSON.stringify(warm.result);
const brute = bruteForceSlots(request);
const sameAsBruteForce = JSON.stringify(warm.result.map((slot) => Date.parse(slot.start))) === JSON.stringify(brute);
console.log(`  ${warm.result.length} slots found; minute-by-minute brute force (Intl) ${sameAsBruteForce ? 'agrees' : 'DISAGREES'} (${brute.length} slots)`);

budget({
  name: 'findCommonSlots, cold offset cache',
  ours: cold.milliseconds,
  reference: { name: 'luxon Interval', milliseconds: reference.milliseconds },
  maxMilliseconds: 10,
  same: same && sameAsBruteForce,
});
budget({
  name: 'findCommonSlots, warm offset cache',
  ours: warm.milliseconds,
  reference: { name: 'luxon Interval', milliseconds: reference.milliseconds },
  maxMilliseconds: 10,
  same: same && sameAsBruteForce,
  note: `samples ${warm.samples.map(formatMs).join(', ')}`,
});
finish();
