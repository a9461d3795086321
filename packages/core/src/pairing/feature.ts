import { computed, type ReadableAtom } from 'nanostores';
import type { MentorKit, MentorKitFeature } from '../client/client.js';
import { defineFeature } from '../client/feature-host.js';
import { Collections } from '../model/collections.js';
import { MentorKitError } from '../model/errors.js';
import type { Pairing } from '../model/pairing.js';
import type { Person } from '../model/person.js';
import { invalidInput } from '../model/validate.js';
import { isProgramAdmin } from '../policy/policy.js';
import { matchMentors, type MatchResult } from './match.js';
import { pairingMessagesFor } from './messages.js';
import { resolveWeights, type MatchWeights } from './score.js';
import { explainPairing, mondayOf } from './explain.js';
import { isCalendarDate } from '../model/formats.js';
import { localTimeOf } from '../time/local-time.js';

export type PairingRoundStatus = 'draft' | 'approved' | 'activated' | 'discarded';

/** Domain events of matching rounds (each carries the round's status and proposal size). */
export type PairingRoundEventType =
  'pairing-round-proposed' | 'pairing-round-discarded' | 'pairing-round-adjusted' | 'pairing-round-approved' | 'pairing-round-activated';
type PairingRoundEventData = { status: PairingRoundStatus; proposed: number; unmatched: number };

declare module '../client/events.js' {
  interface DomainEventMap {
    'pairing-round-proposed': PairingRoundEventData;
    'pairing-round-discarded': PairingRoundEventData;
    'pairing-round-adjusted': PairingRoundEventData;
    'pairing-round-approved': PairingRoundEventData;
    'pairing-round-activated': PairingRoundEventData;
    /** A pairing a round activated: who to tell, and why they were matched. */
    'pairing-matched': { roundId: string; notify: string[]; menteeId: string; mentorIds: string[]; reasons: string[] };
  }
}

declare module '../model/collections.js' {
  interface CollectionRecords {
    'pairing-rounds': PairingRound;
  }
}
type Pair = [menteeId: string, mentorId: string];

/** A matching round: the cohort, the settings, the admin's adjustments and the proposal they give. */
export interface PairingRound {
  id: string;
  programId: string;
  status: PairingRoundStatus;
  /** Mentees and mentors considered (ids), and each mentor's free seats when the round was proposed. */
  menteeIds: string[];
  mentorIds: string[];
  seats: Record<string, number>;
  weights: MatchWeights;
  minScore?: number | undefined;
  mentorsPerMentee: 1 | 2;
  /** Pinned pairs (kept as they are on every re-run) and vetoed pairs (never proposed). */
  pins: Pair[];
  vetoes: Pair[];
  /** Extra forbidden pairs (e.g. the previous mentor when re-pairing). */
  forbidden: Pair[];
  proposal: MatchResult;
  /** When re-pairing after a relationship ended. */
  replacesPairingId?: string | undefined;
  /** The pairings `activate` created. */
  pairingIds?: string[] | undefined;
  /** The language the proposal's reasons are in (`propose`/`adjust` with `locale`); English when absent. */
  locale?: string | undefined;
  /**
   * When the pairings will start (`YYYY-MM-DD`): scores and reasons use the zone rules of that week, so
   * the clock times they quote are the ones the pair will live with. Default: the day it was proposed.
   */
  startsOn?: string | undefined;
  revision: number;
  updatedAt: string;
}

export interface ProposeRoundInput {
  programId: string;
  weights?: Partial<MatchWeights> | undefined;
  minScore?: number | undefined;
  mentorsPerMentee?: 1 | 2 | undefined;
  /** Limit the round to these waiting mentees (default: every mentee of the programme without a current pairing). */
  menteeIds?: string[] | undefined;
  forbidden?: Pair[] | undefined;
  /** Re-run a draft round on the current cohort: its pins, vetoes and forbidden pairs carry over and it is discarded. */
  carryOverFrom?: string | undefined;
  /**
   * The language of the reasons (and of why mentees are unmatched), e.g. `es` once `registerSpanish()`
   * from `@mentorkit/core/es` has run; stored with the round, so re-runs keep it. Default English. The
   * pairings `activate` creates keep these reasons.
   */
  locale?: string | undefined;
  /**
   * When the pairings will start (`YYYY-MM-DD`; default today): availability and the clock times in the
   * reasons are computed for that week's zone rules, not a fixed week in June. Re-runs keep it.
   */
  startsOn?: string | undefined;
}

export type RoundAdjustment =
  | { pin: Pair }
  | { unpin: Pair }
  | { veto: Pair }
  | { unveto: Pair }
  /** Exchange the (lead) mentors of two proposed mentees; both new pairs become pins. */
  | { swap: [menteeA: string, menteeB: string] }
  | { weights: Partial<MatchWeights> }
  | { minScore: number | null };

export interface PairingCohort {
  /** Mentees of the programme with no proposed, active or paused pairing. */
  mentees: Person[];
  /**
   * Mentors of the programme with their free seats as `capacity`, and the seats in use. Mentors who are
   * away or not taking mentees (`availability`) are listed too; matching leaves them out (`availabilityOf`).
   */
  mentors: Array<Person & { capacity: number }>;
  used: Record<string, number>;
  /** Declared capacity per mentor. */
  capacity: Record<string, number>;
}

export interface PairingApi {
  /** Rounds of the programmes you administer, newest first. */
  readonly $rounds: ReadableAtom<readonly PairingRound[]>;
  /** Who is waiting and who has room, from the client's stores. */
  cohort(programId: string): PairingCohort;
  /** Runs `matchMentors` on the waiting cohort and stores the proposal as a draft round. */
  propose(input: ProposeRoundInput): Promise<PairingRound>;
  /** Pin, veto, swap or re-weight, then re-run the matching; the round stays a draft. `locale` changes the language of its reasons. */
  adjust(roundId: string, adjustment: RoundAdjustment, options?: { locale?: string | undefined }): Promise<PairingRound>;
  /** Locks a draft round for activation. */
  approve(roundId: string): Promise<PairingRound>;
  /** Creates an active pairing (with score and reasons) for every proposed pair and notifies both sides (`pairing-matched`). */
  activate(roundId: string): Promise<{ round: PairingRound; pairings: Pairing[] }>;
  /**
   * Why a pairing fits, from the members' current profiles, for the week of `weekOf` (default: this week,
   * or the pairing's start when that is later) and in `locale` — what to show, rather than the reasons
   * stored when it was made (frozen in one language and one week). Falls back to the stored reasons when
   * the profiles are not visible.
   */
  reasonsFor(pairingId: string, options?: { locale?: string | undefined; weekOf?: string | undefined }): string[];
  /** Ends a relationship (closes the pairing when still open) and proposes a new mentor for its mentee, never the previous ones. */
  rePair(pairingId: string, options?: Omit<ProposeRoundInput, 'programId' | 'menteeIds'>): Promise<PairingRound>;
  get(roundId: string): PairingRound;
}

const OPEN_STATUSES = new Set(['proposed', 'active', 'paused']);
const samePair = (a: readonly string[], b: readonly string[]) => a[0] === b[0] && a[1] === b[1];

function checkLocale(value: unknown, path: string): string | undefined {
  if (value !== undefined && (typeof value !== 'string' || !/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(value)))
    invalidInput(path, `\`${path}\` must be a language tag such as "es" or "es-MX".`);
  return value as string | undefined;
}

function checkPair(value: unknown, path: string): Pair {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string')
    invalidInput(path, `\`${path}\` must be a [menteeId, mentorId] pair.`);
  return [value[0] as string, value[1] as string];
}

/**
 * Matching rounds for programme admins, on top of `matchMentors`: `kit.use(pairingFeature)` then
 * `kit.pairing.propose({ programId })`, `adjust`, `approve`, `activate`, `rePair`. Rounds are stored
 * in the `pairing-rounds` collection (admins only, by the default policy).
 */
export const pairingFeature: MentorKitFeature<'pairing', PairingApi> = defineFeature({
  name: 'pairing',
  collections: [Collections.pairingRounds],
  install(kit: MentorKit, host): PairingApi {
    const rounds = host.collection(Collections.pairingRounds);
    const $roundRecords = rounds.$records;
    const $rounds = computed(
      $roundRecords,
      (rounds) =>
        [...rounds].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? 1 : -1)) as readonly PairingRound[],
    );

    const requireAdmin = (programId: unknown, path = 'programId'): string => {
      if (typeof programId !== 'string' || programId === '') invalidInput(path, '`programId` must be a programme id.');
      if (!host.collection(Collections.programs).cached(programId)) throw new MentorKitError('not-found', `Programme "${programId}" does not exist.`, { path });
      if (!isProgramAdmin(host.policyContext, kit.user.id, programId))
        throw new MentorKitError('forbidden', 'Only admins of this programme can match its cohort.', { path });
      return programId;
    };

    const cohort = (programId: string): PairingCohort => {
      const people = Object.values(kit.$people.get());
      const pairings = kit.$pairings.get().filter((pairing) => pairing.programId === programId && OPEN_STATUSES.has(pairing.status));
      const paired = new Set(pairings.map((pairing) => pairing.menteeId));
      const used: Record<string, number> = {};
      for (const pairing of pairings) for (const mentorId of pairing.mentorIds) used[mentorId] = (used[mentorId] ?? 0) + 1;
      // People who left the programme (its LMS roster no longer lists them) keep their records but are not paired again.
      const inProgram = (person: Person) => person.programIds.includes(programId) && !(person.inactiveProgramIds ?? []).includes(programId);
      const capacity: Record<string, number> = {};
      const mentors = people
        .filter((person) => inProgram(person) && person.roles.includes('mentor'))
        .map((person) => {
          capacity[person.id] = person.capacity;
          return { ...person, capacity: Math.max(0, person.capacity - (used[person.id] ?? 0)) };
        });
      const mentees = people.filter((person) => inProgram(person) && person.roles.includes('mentee') && !paired.has(person.id));
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      return { mentees: mentees.sort(byId), mentors: mentors.sort(byId), used, capacity };
    };

    const compute = (round: Omit<PairingRound, 'proposal' | 'revision' | 'updatedAt'>): MatchResult => {
      const people = kit.$people.get();
      const mentees = round.menteeIds.map((id) => people[id]).filter((person): person is Person => person !== undefined);
      const mentors = round.mentorIds
        .map((id) => people[id])
        .filter((person): person is Person => person !== undefined)
        .map((person) => ({ ...person, capacity: round.seats[person.id] ?? 0 }));
      const known = (pair: Pair) => round.menteeIds.includes(pair[0]) && round.mentorIds.includes(pair[1]);
      const vetoes = round.vetoes.filter(known);
      return matchMentors({
        mentees,
        mentors,
        weights: round.weights,
        ...(round.minScore !== undefined ? { minScore: round.minScore } : {}),
        mentorsPerMentee: round.mentorsPerMentee,
        required: round.pins.filter(known).filter((pin) => !vetoes.some((veto) => samePair(veto, pin))),
        forbidden: [...vetoes, ...round.forbidden.filter(known)],
        ...(round.locale !== undefined ? { messages: pairingMessagesFor(round.locale) } : {}),
        referenceWeek: mondayOf(round.startsOn ?? today()),
        // Mentors away on the day the pairings start (or now), or not taking mentees, are not proposed; a pin still may name them.
        availableOn: round.startsOn ?? kit.now(),
      });
    };

    /** Today's date for the admin (their zone, else UTC). */
    const today = () => localTimeOf(kit.$me.get()?.timeZone ?? 'UTC', kit.now()).date;

    const stored = (roundId: unknown): PairingRound => {
      if (typeof roundId !== 'string' || roundId === '') invalidInput('roundId', '`roundId` must be a round id.');
      const round = rounds.cached(roundId);
      if (!round) throw new MentorKitError('not-found', `There is no matching round "${roundId}".`, { path: 'roundId' });
      return round;
    };

    const save = async (round: Omit<PairingRound, 'revision' | 'updatedAt'>, action: 'create' | 'update', type: PairingRoundEventType) => {
      const result = action === 'create' ? await rounds.create(round) : await rounds.update(round);
      host.emit({
        type,
        collection: Collections.pairingRounds,
        recordId: result.id,
        revision: result.revision,
        programId: result.programId,
        data: { status: result.status, proposed: result.proposal.assignments.length, unmatched: result.proposal.unmatched.length },
      });
      return result;
    };

    const propose = async (input: ProposeRoundInput & { replacesPairingId?: string | undefined }): Promise<PairingRound> => {
      if (typeof input !== 'object' || input === null) invalidInput('input', 'propose needs { programId }.');
      await kit.ready;
      const programId = requireAdmin(input.programId, 'programId');
      let weights: MatchWeights;
      try {
        weights = resolveWeights(input.weights);
      } catch (error) {
        return invalidInput((error as Error).message, `\`${(error as Error).message}\` must be a number 0 or more (and one above 0).`);
      }
      const current = cohort(programId);
      let mentees = current.mentees;
      if (input.menteeIds !== undefined) {
        if (!Array.isArray(input.menteeIds)) invalidInput('menteeIds', '`menteeIds` must be a list of mentee ids.');
        input.menteeIds.forEach((id, index) => {
          if (!current.mentees.some((mentee) => mentee.id === id))
            invalidInput(`menteeIds[${index}]`, `"${String(id)}" is not a mentee of this programme waiting for a match.`);
        });
        mentees = current.mentees.filter((mentee) => input.menteeIds!.includes(mentee.id));
      }
      const locale = checkLocale(input.locale, 'locale');
      if (input.startsOn !== undefined && !isCalendarDate(input.startsOn))
        invalidInput('startsOn', '`startsOn` must be the date the pairings start, YYYY-MM-DD.');
      const previousRound = input.carryOverFrom !== undefined ? stored(input.carryOverFrom) : undefined;
      const startsOn = input.startsOn ?? previousRound?.startsOn;
      if (previousRound && (previousRound.programId !== programId || previousRound.status !== 'draft'))
        invalidInput('carryOverFrom', 'Only a draft round of the same programme can be carried over.');
      const round: Omit<PairingRound, 'revision' | 'updatedAt'> = {
        id: host.newId(),
        programId,
        status: 'draft',
        menteeIds: mentees.map((mentee) => mentee.id),
        mentorIds: current.mentors.map((mentor) => mentor.id),
        seats: Object.fromEntries(current.mentors.map((mentor) => [mentor.id, mentor.capacity])),
        weights,
        mentorsPerMentee: input.mentorsPerMentee ?? 1,
        pins: previousRound ? [...previousRound.pins] : [],
        vetoes: previousRound ? [...previousRound.vetoes] : [],
        forbidden: [...(previousRound?.forbidden ?? []), ...(input.forbidden ?? []).map((pair, index) => checkPair(pair, `forbidden[${index}]`))],
        proposal: { assignments: [], unmatched: [], totalScore: 0 },
        ...(input.minScore !== undefined ? { minScore: input.minScore } : {}),
        ...(input.replacesPairingId ? { replacesPairingId: input.replacesPairingId } : {}),
        ...((locale ?? previousRound?.locale) !== undefined ? { locale: (locale ?? previousRound?.locale)! } : {}),
        ...(startsOn !== undefined ? { startsOn } : {}),
      };
      round.proposal = compute(round);
      const created = await save(round, 'create', 'pairing-round-proposed');
      if (previousRound) await save({ ...previousRound, status: 'discarded' }, 'update', 'pairing-round-discarded');
      return created;
    };

    const reasonsFor = (pairingId: string, options: { locale?: string | undefined; weekOf?: string | undefined } = {}): string[] => {
      if (typeof options !== 'object' || options === null) invalidInput('options', '`options` must be an object such as { locale: "es" }.');
      const locale = checkLocale(options.locale, 'options.locale');
      const pairing = kit.pairings.get(pairingId);
      const people = kit.$people.get();
      const mentee = people[pairing.menteeId];
      const mentors = pairing.mentorIds.map((id) => people[id]);
      if (!mentee || mentors.some((mentor) => mentor === undefined)) return [...(pairing.reasons ?? [])];
      const now = today();
      const weekOf = options.weekOf ?? (pairing.startedOn && pairing.startedOn > now ? pairing.startedOn : now);
      return explainPairing({ mentee, mentors: mentors as Person[], weekOf, ...(locale !== undefined ? { locale } : {}) });
    };

    const api: PairingApi = {
      $rounds,
      reasonsFor,
      cohort: (programId) => cohort(requireAdmin(programId)),
      propose,

      async adjust(roundId, adjustment, options = {}) {
        await kit.ready;
        if (typeof options !== 'object' || options === null) invalidInput('options', '`options` must be an object such as { locale: "es" }.');
        const locale = checkLocale(options.locale, 'options.locale');
        const round = stored(roundId);
        requireAdmin(round.programId);
        if (round.status !== 'draft')
          invalidInput('roundId', `This round is ${round.status}; only a draft round can be adjusted. Propose a new round instead.`);
        if (typeof adjustment !== 'object' || adjustment === null)
          invalidInput('adjustment', 'An adjustment is one of { pin }, { unpin }, { veto }, { unveto }, { swap }, { weights }, { minScore }.');
        const next = { ...round, pins: [...round.pins], vetoes: [...round.vetoes], ...(locale !== undefined ? { locale } : {}) };
        if ('pin' in adjustment) {
          const pair = checkPair(adjustment.pin, 'adjustment.pin');
          next.pins = [...next.pins.filter((pin) => pin[0] !== pair[0] || next.mentorsPerMentee === 2), pair];
          next.vetoes = next.vetoes.filter((veto) => !samePair(veto, pair));
        } else if ('unpin' in adjustment) {
          const pair = checkPair(adjustment.unpin, 'adjustment.unpin');
          next.pins = next.pins.filter((pin) => !samePair(pin, pair));
        } else if ('veto' in adjustment) {
          const pair = checkPair(adjustment.veto, 'adjustment.veto');
          next.vetoes = [...next.vetoes.filter((veto) => !samePair(veto, pair)), pair];
          next.pins = next.pins.filter((pin) => !samePair(pin, pair));
        } else if ('unveto' in adjustment) {
          const pair = checkPair(adjustment.unveto, 'adjustment.unveto');
          next.vetoes = next.vetoes.filter((veto) => !samePair(veto, pair));
        } else if ('swap' in adjustment) {
          const [a, b] = checkPair(adjustment.swap, 'adjustment.swap');
          const mentorOf = (menteeId: string) => round.proposal.assignments.find((assignment) => assignment.menteeId === menteeId)?.mentorIds[0];
          const mentorA = mentorOf(a);
          const mentorB = mentorOf(b);
          if (!mentorA || !mentorB) invalidInput('adjustment.swap', 'Both mentees must have a proposed mentor to swap.');
          if (mentorA === mentorB) invalidInput('adjustment.swap', 'Both mentees have the same mentor; there is nothing to swap.');
          next.pins = [...next.pins.filter((pin) => pin[0] !== a && pin[0] !== b), [a, mentorB!], [b, mentorA!]];
          next.vetoes = next.vetoes.filter((veto) => !samePair(veto, [a, mentorB!]) && !samePair(veto, [b, mentorA!]));
        } else if ('weights' in adjustment) {
          try {
            next.weights = resolveWeights({ ...round.weights, ...adjustment.weights });
          } catch (error) {
            invalidInput(`adjustment.${(error as Error).message}`, `\`${(error as Error).message}\` must be a number 0 or more (and one above 0).`);
          }
        } else if ('minScore' in adjustment) {
          if (adjustment.minScore === null) delete next.minScore;
          else if (typeof adjustment.minScore !== 'number' || !Number.isFinite(adjustment.minScore))
            invalidInput('adjustment.minScore', '`minScore` must be a finite number, or null to remove it.');
          else next.minScore = adjustment.minScore;
        } else invalidInput('adjustment', 'An adjustment is one of { pin }, { unpin }, { veto }, { unveto }, { swap }, { weights }, { minScore }.');
        next.proposal = compute(next); // throws invalid-input (e.g. a pin that breaks capacity) before anything is written
        return save(next, 'update', 'pairing-round-adjusted');
      },

      async approve(roundId) {
        await kit.ready;
        const round = stored(roundId);
        requireAdmin(round.programId);
        if (round.status === 'approved') return round;
        if (round.status !== 'draft') invalidInput('roundId', `This round is ${round.status}; only a draft round can be approved.`);
        return save({ ...round, status: 'approved' }, 'update', 'pairing-round-approved');
      },

      async activate(roundId) {
        await kit.ready;
        const round = stored(roundId);
        requireAdmin(round.programId);
        if (round.status !== 'approved')
          invalidInput('roundId', round.status === 'draft' ? 'Approve the round before activating it.' : `This round is already ${round.status}.`);
        // Nothing may have changed underneath: every mentee still waiting, every seat still free.
        const now = cohort(round.programId);
        for (const assignment of round.proposal.assignments) {
          if (!now.mentees.some((mentee) => mentee.id === assignment.menteeId))
            throw new MentorKitError('conflict', `${assignment.menteeId} was paired meanwhile; propose a new round.`, { path: 'roundId' });
        }
        const seats = Object.fromEntries(now.mentors.map((mentor) => [mentor.id, mentor.capacity]));
        for (const assignment of round.proposal.assignments)
          for (const mentorId of assignment.mentorIds) {
            seats[mentorId] = (seats[mentorId] ?? 0) - 1;
            if (seats[mentorId]! < 0) throw new MentorKitError('conflict', `${mentorId} has no free seat any more; propose a new round.`, { path: 'roundId' });
          }
        const pairings: Pairing[] = [];
        for (const assignment of round.proposal.assignments) {
          const pairing = await kit.pairings.create({
            programId: round.programId,
            menteeId: assignment.menteeId,
            mentorIds: assignment.mentorIds,
            status: 'active',
            kind: 'official',
            score: Math.round(assignment.score * 1000) / 1000,
            reasons: assignment.reasons.slice(0, 12),
          });
          pairings.push(pairing);
          host.emit({
            type: 'pairing-matched',
            collection: Collections.pairings,
            recordId: pairing.id,
            revision: pairing.revision,
            pairingId: pairing.id,
            programId: round.programId,
            data: {
              roundId: round.id,
              notify: [assignment.menteeId, ...assignment.mentorIds],
              menteeId: assignment.menteeId,
              mentorIds: assignment.mentorIds,
              reasons: assignment.reasons,
            },
          });
        }
        const activated = await save({ ...round, status: 'activated', pairingIds: pairings.map((pairing) => pairing.id) }, 'update', 'pairing-round-activated');
        return { round: activated, pairings };
      },

      async rePair(pairingId, options = {}) {
        await kit.ready;
        const pairing = kit.pairings.get(pairingId);
        requireAdmin(pairing.programId);
        if (pairing.status !== 'closed') await kit.pairings.setStatus(pairing.id, 'closed');
        const previous = kit.$pairings
          .get()
          .filter((candidate) => candidate.menteeId === pairing.menteeId && candidate.programId === pairing.programId)
          .flatMap((candidate) => candidate.mentorIds);
        const forbidden = [...new Set(previous)].map((mentorId) => [pairing.menteeId, mentorId] as Pair);
        return propose({
          ...options,
          programId: pairing.programId,
          menteeIds: [pairing.menteeId],
          forbidden: [...forbidden, ...(options.forbidden ?? [])],
          replacesPairingId: pairing.id,
        });
      },

      get: (roundId) => stored(roundId),
    };
    return api;
  },
});
