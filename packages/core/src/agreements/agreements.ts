import { AgreementInputSchema, type Agreement, type AgreementData, type AgreementInput } from '../model/agreement.js';
import type { Pairing } from '../model/pairing.js';
import type { Person } from '../model/person.js';
import type { Weekday, WorkingHours } from '../model/formats.js';
import { invalidInput, parseOrThrow } from '../model/validate.js';
import type { SlotParticipant } from '../scheduling/slots.js';
import { languageCatalogue } from '../model/languages.js';

/** The fields of an agreement both parties confirm (everything but ids, versions and confirmations). */
import { AGREEMENT_TERM_KEYS, type AgreementTermKey } from '../model/agreement-terms.js';

export { AGREEMENT_TERM_KEYS, type AgreementTermKey } from '../model/agreement-terms.js';
export type AgreementTerms = Pick<AgreementData, AgreementTermKey>;

/**
 * Words the elements show for agreements. Hosts translate or reword them by passing their own
 * catalogue (same keys) to the functions and elements that take `messages`.
 */
export const AGREEMENT_MESSAGES = {
  fields: {
    cadence: 'Meeting cadence',
    sessionMinutes: 'Session length',
    plannedSessions: 'Planned sessions',
    channels: 'Channels',
    responseTimeHours: 'Expected response time',
    offLimitsDays: 'Off-limits days',
    offLimitsDates: 'Off-limits dates',
    participants: 'Participants',
    meetingUrl: 'Meeting link',
    sharedDocumentsUrl: 'Shared documents',
    coachingModel: 'Coaching model',
    checkInLevel: 'Check-in level',
    notes: 'Other agreements',
  } satisfies Record<AgreementTermKey, string>,
  participantFields: { timeZone: 'time zone', workingHours: 'hours', offLimitsDays: 'off-limits days', offLimitsDates: 'off-limits dates' },
  cadences: { weekly: 'Weekly', fortnightly: 'Every two weeks', monthly: 'Monthly', 'ad-hoc': 'When needed (ad hoc)' },
  channels: { email: 'Email', chat: 'Chat', video: 'Video call', phone: 'Phone', 'in-person': 'In person' },
  checkInLevels: { 'high-touch': 'High-touch (frequent check-ins)', regular: 'Regular', 'light-touch': 'Light-touch (occasional check-ins)' },
  weekdays: { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday', 7: 'Sunday' } as Record<Weekday, string>,
};
export type AgreementMessages = typeof AGREEMENT_MESSAGES;

/**
 * The agreement words for a locale: the catalogue registered for its language (Spanish once
 * `registerSpanish()` from `@mentorkit/core/es` has run), else English (`AGREEMENT_MESSAGES`).
 */
export function agreementMessagesFor(locale: string | undefined): AgreementMessages {
  return languageCatalogue<AgreementMessages>('agreements', locale) ?? AGREEMENT_MESSAGES;
}

/** One difference between two versions of the terms. */
export interface AgreementChange {
  /** The term, e.g. `cadence` or `participants`. */
  field: AgreementTermKey;
  /** Dotted path, e.g. `cadence`, `participants.kenji.timeZone`. */
  path: string;
  /** Set for changes to one participant's entry. */
  personId?: string | undefined;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown | undefined;
  after?: unknown | undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The confirmed terms of an agreement (a plain copy). */
export function termsOf(agreement: Partial<AgreementData>): Partial<AgreementTerms> {
  const terms: Record<string, unknown> = {};
  for (const key of AGREEMENT_TERM_KEYS) if (agreement[key] !== undefined) terms[key] = structuredClone(agreement[key]);
  return terms as Partial<AgreementTerms>;
}

/** Normalises working hours for comparison: numeric-string keys, only non-empty days, sorted. */
function normalHours(hours: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, ranges] of Object.entries((hours ?? {}) as Record<string, string[]>).sort(([a], [b]) => Number(a) - Number(b))) {
    if (Array.isArray(ranges) && ranges.length > 0) result[String(key)] = [...ranges].sort();
  }
  return result;
}

/**
 * What changed between two versions of the terms (`before` undefined: everything is added). Each
 * participant is compared by person: their zone, hours and own off-limits days and dates.
 */
export function diffAgreementTerms(
  before: Partial<AgreementTerms> | Record<string, unknown> | undefined,
  after: Partial<AgreementTerms> | Record<string, unknown>,
): AgreementChange[] {
  const changes: AgreementChange[] = [];
  const previous = (before ?? {}) as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  for (const field of AGREEMENT_TERM_KEYS) {
    const a = previous[field];
    const b = next[field];
    if (field === 'participants') {
      type Entry = {
        personId: string;
        timeZone?: string | undefined;
        workingHours?: unknown | undefined;
        offLimitsDays?: unknown | undefined;
        offLimitsDates?: unknown | undefined;
      };
      const oldList = (Array.isArray(a) ? a : []) as Entry[];
      const newList = (Array.isArray(b) ? b : []) as Entry[];
      for (const entry of newList) {
        const old = oldList.find((candidate) => candidate.personId === entry.personId);
        if (!old) {
          changes.push({ field, path: `participants.${entry.personId}`, personId: entry.personId, kind: 'added', after: entry });
          continue;
        }
        for (const key of ['timeZone', 'workingHours', 'offLimitsDays', 'offLimitsDates'] as const) {
          const oldValue = key === 'workingHours' ? normalHours(old[key]) : (old[key] ?? (key === 'timeZone' ? undefined : []));
          const newValue = key === 'workingHours' ? normalHours(entry[key]) : (entry[key] ?? (key === 'timeZone' ? undefined : []));
          if (!same(oldValue, newValue))
            changes.push({
              field,
              path: `participants.${entry.personId}.${key}`,
              personId: entry.personId,
              kind: 'changed',
              before: oldValue,
              after: newValue,
            });
        }
      }
      for (const old of oldList)
        if (!newList.some((entry) => entry.personId === old.personId))
          changes.push({ field, path: `participants.${old.personId}`, personId: old.personId, kind: 'removed', before: old });
      continue;
    }
    const emptyA = a === undefined || (Array.isArray(a) && a.length === 0) || a === '';
    const emptyB = b === undefined || (Array.isArray(b) && b.length === 0) || b === '';
    if (emptyA && emptyB) continue;
    if (emptyA) changes.push({ field, path: field, kind: 'added', after: b });
    else if (emptyB) changes.push({ field, path: field, kind: 'removed', before: a });
    else if (!same(a, b)) changes.push({ field, path: field, kind: 'changed', before: a, after: b });
  }
  return changes;
}

/** Who must confirm every version: the mentee and the lead mentor (a co-mentor may confirm too). */
export function requiredConfirmers(pairing: Pick<Pairing, 'menteeId' | 'mentorIds'>): string[] {
  return [pairing.menteeId, ...(pairing.mentorIds[0] ? [pairing.mentorIds[0]] : [])];
}

export interface AgreementStatus {
  version: number;
  /** People who confirmed the current version. */
  confirmedBy: string[];
  /** Required people who have not confirmed the current version yet. */
  waitingFor: string[];
  /** Everyone required confirmed the current version. */
  confirmed: boolean;
  /** The last version everyone confirmed (undefined when none yet). */
  lastConfirmedVersion?: number | undefined;
}

/** Where an agreement stands: who confirmed this version, who is still asked to. */
export function agreementStatus(
  agreement: Pick<AgreementData, 'version' | 'confirmations' | 'lastConfirmed'>,
  pairing: Pick<Pairing, 'menteeId' | 'mentorIds'>,
): AgreementStatus {
  const confirmedBy = [
    ...new Set(agreement.confirmations.filter((confirmation) => confirmation.version === agreement.version).map((confirmation) => confirmation.personId)),
  ];
  const waitingFor = requiredConfirmers(pairing).filter((personId) => !confirmedBy.includes(personId));
  return {
    version: agreement.version,
    confirmedBy,
    waitingFor,
    confirmed: waitingFor.length === 0,
    ...(agreement.lastConfirmed ? { lastConfirmedVersion: agreement.lastConfirmed.version } : {}),
  };
}

/** Changes since the last version everyone confirmed (everything, when none was confirmed yet). */
export function changesSinceConfirmed(agreement: Pick<AgreementData, AgreementTermKey | 'lastConfirmed'>): AgreementChange[] {
  return diffAgreementTerms(agreement.lastConfirmed?.terms, termsOf(agreement));
}

const DEFAULT_HOURS: WorkingHours = { 1: ['09:00-17:00'], 2: ['09:00-17:00'], 3: ['09:00-17:00'], 4: ['09:00-17:00'], 5: ['09:00-17:00'] };

/**
 * A first draft for a pairing, filled in from the members' profiles: their zones, working hours and
 * off-limits days; fortnightly video sessions of an hour; regular check-ins; the programme's coaching
 * model. Members who are missing a profile get UTC office hours (to be edited).
 */
export function draftAgreement(
  pairing: Pick<Pairing, 'id' | 'menteeId' | 'mentorIds'>,
  people: Readonly<Record<string, Pick<Person, 'timeZone' | 'workingHours' | 'offLimitsDays' | 'offLimitsDates'> | undefined>>,
  options: { coachingModel?: string | undefined; includeCoMentor?: boolean | undefined } = {},
): AgreementInput {
  const members = [pairing.menteeId, ...pairing.mentorIds.slice(0, options.includeCoMentor === false ? 1 : 2)];
  return {
    id: agreementIdFor(pairing.id),
    pairingId: pairing.id,
    cadence: 'fortnightly',
    sessionMinutes: 60,
    channels: [{ kind: 'video' }, { kind: 'chat' }],
    responseTimeHours: 48,
    offLimitsDays: [],
    offLimitsDates: [],
    participants: members.map((personId) => {
      const person = people[personId];
      const hours =
        person && Object.values(person.workingHours ?? {}).some((ranges) => Array.isArray(ranges) && ranges.length > 0) ? person.workingHours : DEFAULT_HOURS;
      return {
        personId,
        timeZone: person?.timeZone ?? 'UTC',
        workingHours: structuredClone(hours) as Record<string, string[]>,
        offLimitsDays: [...(person?.offLimitsDays ?? [])],
        offLimitsDates: [...(person?.offLimitsDates ?? [])],
      };
    }),
    coachingModel: options.coachingModel ?? 'grow',
    checkInLevel: 'regular',
  };
}

/** The id of a pairing's agreement (one per pairing). */
export function agreementIdFor(pairingId: string): string {
  return `${pairingId}.agreement`;
}

/** Validates agreement input (without the stored metadata) and returns it with defaults. */
export function parseAgreement(input: unknown, path = 'agreement'): AgreementData {
  return parseOrThrow(AgreementInputSchema, input, path);
}

/** Checks that the participants are members of the pairing and include the mentee and the lead mentor. */
export function checkAgreementParticipants(
  agreement: Pick<AgreementData, 'participants'>,
  pairing: Pick<Pairing, 'menteeId' | 'mentorIds'>,
  path = 'agreement.participants',
): void {
  const members = [pairing.menteeId, ...pairing.mentorIds];
  agreement.participants.forEach((participant, index) => {
    if (!members.includes(participant.personId))
      invalidInput(`${path}[${index}].personId`, `"${participant.personId}" is not a member of this pairing; list the mentee and the mentor(s) only.`);
  });
  for (const personId of requiredConfirmers(pairing)) {
    if (!agreement.participants.some((participant) => participant.personId === personId))
      invalidInput(path, `The participants must include ${personId === pairing.menteeId ? 'the mentee' : 'the lead mentor'} ("${personId}").`);
  }
}

/**
 * The agreement's people as `findCommonSlots` participants: each person's zone and hours, their own
 * off-limits days and dates plus the agreement-wide ones (each read in that person's own calendar),
 * and any busy intervals the host knows (by person id).
 */
export function agreementSlotParticipants(
  agreement: Pick<AgreementData, 'participants' | 'offLimitsDays' | 'offLimitsDates'>,
  busy: Readonly<Record<string, ReadonlyArray<{ start: string; end: string }>>> = {},
): SlotParticipant[] {
  return agreement.participants.map((participant) => ({
    id: participant.personId,
    timeZone: participant.timeZone,
    workingHours: participant.workingHours as SlotParticipant['workingHours'],
    offLimitsDays: [...new Set([...(agreement.offLimitsDays ?? []), ...(participant.offLimitsDays ?? [])])],
    offLimitsDates: [...new Set([...(agreement.offLimitsDates ?? []), ...(participant.offLimitsDates ?? [])])],
    ...(busy[participant.personId] ? { busy: busy[participant.personId] } : {}),
  }));
}

/** What the check-in functions need from an agreement. */
export interface CheckInAgreement {
  cadence: AgreementData['cadence'];
  checkInLevel: AgreementData['checkInLevel'];
  responseTimeHours: number;
  /** Since when the terms hold (first confirmation, or creation). */
  since?: string | undefined;
  participants: Array<{ personId: string; timeZone: string; workingHours: WorkingHours; offLimitsDays: number[]; offLimitsDates: string[] }>;
}

/** The agreement as input for `@mentorkit/core/checkins` (agreement-wide off-limits merged into each person). */
export function agreementCheckInInput(agreement: Agreement | AgreementData): CheckInAgreement {
  const firstConfirmation = [...(agreement.confirmations ?? [])].sort((a, b) => (a.at < b.at ? -1 : 1))[0]?.at;
  const since = firstConfirmation ?? (agreement as { createdAt?: string | undefined }).createdAt;
  return {
    cadence: agreement.cadence,
    checkInLevel: agreement.checkInLevel,
    responseTimeHours: agreement.responseTimeHours,
    ...(since ? { since } : {}),
    participants: agreementSlotParticipants(agreement).map((participant) => ({
      personId: participant.id,
      timeZone: participant.timeZone,
      workingHours: participant.workingHours as WorkingHours,
      offLimitsDays: [...(participant.offLimitsDays ?? [])],
      offLimitsDates: [...(participant.offLimitsDates ?? [])],
    })),
  };
}
