// The check-ins feature: the check-in view of a pairing as one store, computed here from the client's
// collections (pairing, agreement, sessions, messages, goals, feedback, people) for the signed-in
// person at `kit.now()`, and the one command the view offers (adopting a suggested level).
import { atom, computed, onMount, type ReadableAtom } from 'nanostores';
import type { LoadStatus, MentorKit, MentorKitFeature, WriteOptions } from '../client/client.js';
import { defineFeature, requireId, validateWriteOptions } from '../client/feature-host.js';
import { agreementCheckInInput } from '../agreements/agreements.js';
import { agreementsFeature } from '../agreements/feature.js';
import { CHECK_IN_LEVELS, type Agreement } from '../model/agreement.js';
import { Collections } from '../model/collections.js';
import { MentorKitError, isMentorKitError } from '../model/errors.js';
import type { Pairing } from '../model/pairing.js';
import type { Person } from '../model/person.js';
import { invalidInput } from '../model/validate.js';
import type { Session } from '../model/session.js';
import { bySessionStart } from '../scheduling/session-order.js';
import {
  checkInNudges,
  checkInPeople,
  nextCheckIn,
  pairActivity,
  suggestCheckInLevel,
  type LevelSuggestion,
  type NextCheckIn,
  type PairActivity,
} from './check-ins.js';
import { DEFAULT_INACTIVE_AFTER_DAYS, type CheckInLevel } from './levels.js';
import { nudgePersonOf, type Nudge } from './nudge.js';

/** What `viewFor` takes besides the pairing. Each different set of options is its own store. */
export interface CheckInViewOptions {
  /** Days without a session, message or goal update before the pair counts as inactive: a whole number from 1 to 365. Default 21. */
  inactiveAfterDays?: number | undefined;
  /**
   * A level the viewer chose to keep instead of the suggestion (a choice on the page, not saved): the
   * suggestion still says what it would have been (reason `overridden`), and there is nothing to adopt.
   */
  keptLevel?: CheckInLevel | undefined;
  /** The page's BCP 47 locale, for the one parameter that depends on it: the names joined in the nudges' `other` ("A and B", "A y B"). Default English. */
  locale?: string | undefined;
}

/**
 * `loading` until the client and the collections the view reads have loaded; `error` when loading
 * failed (the client's `$error` says why) or the records could not be read as check-ins (`error`);
 * `not-found` when the viewer cannot see a pairing with this id (yet: the store follows the records);
 * `no-agreement` when the pair has no working agreement; else `ready`.
 */
export type CheckInViewState = 'loading' | 'error' | 'not-found' | 'no-agreement' | 'ready';

/** The suggested level as codes: `suggestCheckInLevel`'s result without its English `reasons` (word `reasonCodes` with `checkInReasonText` or your own catalogue). */
export type CheckInViewSuggestion = Omit<LevelSuggestion, 'reasons'>;

/** A nudge MentorKit would send, as a code and parameters (no sentence), with the recipient's name and the zone its `sendAt` is shown in. */
export type CheckInViewNudge = Omit<Nudge, 'message'> & {
  /** The recipient's display name (their id when the client does not know them). */
  displayName: string;
  /** The recipient's zone: theirs in the agreement, else their profile's, else `UTC`. */
  timeZone: string;
};

/** Everything the check-in view shows for a pairing with a working agreement. */
export interface ReadyCheckInView {
  state: 'ready';
  pairingId: string;
  pairing: Pairing;
  agreement: Agreement;
  /** The instant the view was computed at (`kit.now()`; the store computes again every minute while it is watched). */
  now: string;
  /** The viewer's zone (theirs in the agreement, else their profile's, else the runtime's): `next` counts days on this calendar. */
  timeZone: string;
  /** When the next check-in is due (`nextCheckIn`). */
  next: NextCheckIn;
  /** The pair's last activity and whether it has gone quiet (`pairActivity`). */
  activity: PairActivity;
  /** The suggested check-in level, from the pair's feedback, goals and sessions (`suggestCheckInLevel`). */
  suggestion: CheckInViewSuggestion;
  /** Whether the viewer may adopt the suggestion now: a member of the pair, a suggestion other than the agreed level, and no level kept. */
  canAdopt: boolean;
  /** The nudges MentorKit would send and when (`checkInNudges`). */
  nudges: CheckInViewNudge[];
}

/** What `kit.checkins.viewFor(pairingId)` holds. */
export type CheckInView =
  | { state: 'loading' | 'not-found'; pairingId: string }
  | { state: 'error'; pairingId: string; error?: MentorKitError | undefined }
  | { state: 'no-agreement'; pairingId: string; pairing: Pairing }
  | ReadyCheckInView;

export interface CheckInsApi {
  /**
   * The check-in view of a pairing, as a store that follows the records (and the clock: it computes
   * again every minute while watched). The same arguments give the same store. Unknown or not
   * visible pairings give `{ state: 'not-found' }`, not an error: the pairing may still arrive.
   * Throws `invalid-input` for a `pairingId` that is not a non-empty string, or bad options.
   */
  viewFor(pairingId: string, options?: CheckInViewOptions): ReadableAtom<CheckInView>;
  /**
   * Makes `level` the pair's agreed check-in level: a new agreement version that the changer confirms
   * and the others are asked to confirm (`kit.agreements.update`; emits `agreement-changed`). Pass the
   * `expectedRevision` of the agreement you showed: a newer one is a `conflict`. `not-found` when the
   * pairing is not visible to you or has no agreement yet.
   */
  adoptLevel(pairingId: string, level: CheckInLevel, options?: WriteOptions): Promise<Agreement>;
}

/** The collections the view reads besides the client's people, programmes and pairings. */
const READ = [Collections.agreements, Collections.sessions, Collections.messages, Collections.goals, Collections.feedback] as const;

const isLevel = (value: unknown): value is CheckInLevel => (CHECK_IN_LEVELS as readonly unknown[]).includes(value);

/** The options, checked, with their defaults. */
function readViewOptions(options: unknown): { inactiveAfterDays: number; keptLevel: CheckInLevel | undefined; locale: string | undefined } {
  if (options === undefined) return { inactiveAfterDays: DEFAULT_INACTIVE_AFTER_DAYS, keptLevel: undefined, locale: undefined };
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    invalidInput('options', 'Options must be an object such as { inactiveAfterDays: 14, locale: "en-GB" }.');
  const { inactiveAfterDays = DEFAULT_INACTIVE_AFTER_DAYS, keptLevel, locale } = options as CheckInViewOptions;
  if (typeof inactiveAfterDays !== 'number' || !Number.isInteger(inactiveAfterDays) || inactiveAfterDays < 1 || inactiveAfterDays > 365)
    invalidInput('options.inactiveAfterDays', '`inactiveAfterDays` must be a whole number of days from 1 to 365.');
  if (keptLevel !== undefined && !isLevel(keptLevel)) invalidInput('options.keptLevel', '`keptLevel` must be "high-touch", "regular" or "light-touch".');
  if (locale !== undefined) {
    let valid = typeof locale === 'string' && locale !== '' && locale.length <= 35;
    try {
      if (valid) Intl.getCanonicalLocales(locale);
    } catch {
      valid = false;
    }
    if (!valid) invalidInput('options.locale', '`locale` must be a BCP 47 language tag such as "en-GB" or "es".');
  }
  return { inactiveAfterDays, keptLevel, locale };
}

/** The zone of the runtime (the browser's), else UTC. */
const runtimeTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A number that moves on at every new minute of the wall clock while something watches it (timers sleep otherwise). */
function minuteClock(): ReadableAtom<number> {
  const $minute = atom(0);
  onMount($minute, () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      // A few milliseconds past the boundary, so `kit.now()` has surely moved on.
      timer = setTimeout(
        () => {
          $minute.set($minute.get() + 1);
          schedule();
        },
        60_000 - (Date.now() % 60_000) + 5,
      );
      // On Node, a watched view does not keep the process alive.
      (timer as { unref?: () => void }).unref?.();
    };
    schedule();
    return () => clearTimeout(timer);
  });
  return $minute;
}

interface ViewSources {
  kit: MentorKit;
  status: LoadStatus;
  pairings: readonly Pairing[];
  people: Readonly<Record<string, Person>>;
  me: Person | undefined;
  agreements: readonly Agreement[];
  sessions: readonly Session[];
  messages: ReadonlyArray<{ pairingId: string; authorId: string; sentAt?: string | undefined; createdAt?: string | undefined }>;
  goals: ReadonlyArray<{ pairingId: string; updatedAt: string; archived?: boolean | undefined }>;
  feedback: ReadonlyArray<{ pairingId: string; rating: unknown; updatedAt: string }>;
}

/** The view of one pairing from the records the viewer may read. */
function checkInView(pairingId: string, options: ReturnType<typeof readViewOptions>, sources: ViewSources): CheckInView {
  if (sources.status !== 'ready') return { state: sources.status, pairingId };
  const pairing = sources.pairings.find((candidate) => candidate.id === pairingId);
  if (!pairing) return { state: 'not-found', pairingId };
  const agreement = sources.agreements.find((candidate) => candidate.pairingId === pairingId);
  if (!agreement) return { state: 'no-agreement', pairingId, pairing };
  const { kit } = sources;
  const now = kit.now();
  const input = agreementCheckInInput(agreement);
  const timeZone = input.participants.find((participant) => participant.personId === kit.user.id)?.timeZone ?? sources.me?.timeZone ?? runtimeTimeZone();
  const nameOf = (personId: string) => sources.people[personId]?.displayName ?? personId;
  const startedAt = pairing.startedOn ? { startedAt: `${pairing.startedOn}T00:00:00Z` } : {};
  const sessions = sources.sessions.filter((session) => session.pairingId === pairingId);
  const messages = sources.messages
    .filter((message) => message.pairingId === pairingId)
    .map((message) => ({
      authorId: String(message.authorId),
      ...(typeof message.sentAt === 'string' ? { sentAt: message.sentAt } : {}),
      ...(typeof message.createdAt === 'string' ? { createdAt: message.createdAt } : {}),
    }));
  // A goal's `status` counts when its record carries one (stored goals do not: `goalProgress` derives it).
  const goals = sources.goals
    .filter((goal) => goal.pairingId === pairingId)
    .map((goal) => {
      const status = (goal as { status?: unknown }).status;
      return { updatedAt: goal.updatedAt, ...(typeof status === 'string' ? { status } : {}), archived: goal.archived === true };
    });
  const feedback = sources.feedback
    .filter((entry) => entry.pairingId === pairingId && typeof entry.rating === 'number')
    .map((entry) => ({ rating: entry.rating as number, updatedAt: entry.updatedAt }));
  const next = nextCheckIn({ agreement: input, sessions, messages, mentorIds: pairing.mentorIds, ...startedAt, now, timeZone });
  const activity = pairActivity({ sessions, messages, goals, ...startedAt, now, inactiveAfterDays: options.inactiveAfterDays });
  const { reasons: _words, ...suggestion } = suggestCheckInLevel({
    current: agreement.checkInLevel,
    feedback,
    goals,
    sessions,
    ...(options.keptLevel ? { override: options.keptLevel } : {}),
  });
  const members = [pairing.menteeId, ...pairing.mentorIds];
  const profiles = new Map(members.map((personId) => [personId, nudgePersonOf(personId, sources.people[personId])]));
  const people = checkInPeople(pairing, input.participants, profiles);
  const nudges = checkInNudges({
    pairingId,
    menteeId: pairing.menteeId,
    mentorIds: pairing.mentorIds,
    people,
    checkIn: next,
    activity,
    now,
    ...(options.locale ? { locale: options.locale } : {}),
  }).map(({ message: _sentence, ...nudge }) => {
    const person = people.find((candidate) => candidate.personId === nudge.personId);
    return { ...nudge, displayName: person?.displayName ?? nameOf(nudge.personId), timeZone: person?.timeZone ?? 'UTC' };
  });
  const member = members.includes(kit.user.id);
  return {
    state: 'ready',
    pairingId,
    pairing,
    agreement,
    now,
    timeZone,
    next,
    activity,
    suggestion,
    canAdopt: member && suggestion.suggested !== agreement.checkInLevel && options.keptLevel === undefined,
    nudges,
  };
}

/**
 * Check-ins: `kit.use(checkInsFeature)` adds `kit.checkins`, whose `viewFor(pairingId)` is the
 * check-in view of a pairing as one store — when the next check-in is due (on the viewer's calendar),
 * the pair's activity, the suggested level with its reasons as codes, and the nudges MentorKit would
 * send, as codes and parameters — computed from what the signed-in person may read, at `kit.now()`.
 * It installs the agreements feature (idempotent; `adoptLevel` changes the agreement through it) and
 * reads the sessions collection itself. `<mk-checkin>` installs it itself.
 *
 * ```ts
 * const checkins = kit.use(checkInsFeature);
 * checkins.viewFor('p-ana', { inactiveAfterDays: 14 }).subscribe((view) => {
 *   if (view.state === 'ready' && view.next.overdue) console.log(`overdue by ${view.next.overdueDays} days`);
 * });
 * ```
 */
export const checkInsFeature: MentorKitFeature<'checkins', CheckInsApi> = defineFeature({
  name: 'checkins',
  collections: READ,
  install(kit, host): CheckInsApi {
    const agreements = kit.use(agreementsFeature);
    // The sessions collection itself, in `kit.sessions.$sessions`' order: the sessions feature's commands (and luxon, for series) stay out of a page that only shows check-ins.
    const $sessions = computed(host.collection(Collections.sessions).$records, (list) => [...list].sort(bySessionStart));
    // The client's load status, and each collection's own (a feature installed later does not turn the client's back to `loading`).
    const $status = computed([kit.$status, ...READ.map((name) => host.collection(name).$status)], (client, ...own): LoadStatus =>
      client === 'error' || own.includes('error') ? 'error' : client === 'loading' || own.includes('loading') ? 'loading' : 'ready',
    );
    const $minute = minuteClock();
    const stores = new Map<string, ReadableAtom<CheckInView>>();

    return {
      viewFor(pairingId, options) {
        requireId(pairingId, 'pairingId');
        const checked = readViewOptions(options);
        const key = JSON.stringify([pairingId, checked.inactiveAfterDays, checked.keptLevel ?? '', checked.locale ?? '']);
        let store = stores.get(key);
        if (!store) {
          store = computed(
            [
              $status,
              kit.$pairings,
              kit.$people,
              kit.$me,
              agreements.$agreements,
              $sessions,
              host.collection(Collections.messages).$records,
              host.collection(Collections.goals).$records,
              host.collection(Collections.feedback).$records,
              $minute,
            ],
            (status, pairings, people, me, agreementList, sessionList, messages, goals, feedback): CheckInView => {
              try {
                return checkInView(pairingId, checked, {
                  kit,
                  status,
                  pairings,
                  people,
                  me,
                  agreements: agreementList,
                  sessions: sessionList,
                  messages,
                  goals,
                  feedback,
                });
              } catch (error) {
                // Records that cannot be read as check-ins (e.g. a rating out of range from another writer): say so instead of breaking the store.
                if (isMentorKitError(error)) return { state: 'error', pairingId, error };
                throw error;
              }
            },
          );
          stores.set(key, store);
        }
        return store;
      },

      async adoptLevel(pairingId, level, options) {
        requireId(pairingId, 'pairingId');
        if (!isLevel(level)) invalidInput('level', '`level` must be "high-touch", "regular" or "light-touch".');
        const { expectedRevision } = validateWriteOptions(options);
        const pairing = await host.readablePairing(pairingId);
        const agreement = agreements.forPairing(pairing.id);
        if (!agreement) throw new MentorKitError('not-found', `The pairing "${pairing.id}" has no working agreement yet.`, { path: 'pairingId' });
        return agreements.update(agreement.id, { checkInLevel: level }, expectedRevision !== undefined ? { expectedRevision } : {});
      },
    };
  },
});
