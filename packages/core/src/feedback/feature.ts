import { atom, computed, type ReadableAtom } from 'nanostores';
import type { MentorKitFeature, WriteOptions } from '../client/client.js';
import { defineFeature, stripStored, validateWriteOptions } from '../client/feature-host.js';
import { Collections } from '../model/collections.js';
import { MentorKitError } from '../model/errors.js';
import { FeedbackInputSchema, FeedbackNoteSchema, type Feedback, type FeedbackNote } from '../model/feedback.js';
import type { Pairing } from '../model/pairing.js';
import type { Session } from '../model/session.js';
import { IdSchema } from '../model/primitives.js';
import { invalidInput, parseOrThrow } from '../model/validate.js';
import { roleInPairing } from '../model/pairing-roles.js';
import type { StoredRecord } from '../storage/adapter.js';
import { whenCollectionsLoaded } from '../client/collections-loaded.js';
import { feedbackInsights, programRollup, type FeedbackInsights, type InsightScope, type ProgramRollup } from './insights.js';
import {
  dueFeedbackReminders,
  feedbackRequests,
  resolveFeedbackOptions,
  sessionHasEnded,
  type FeedbackPolicyOptions,
  type FeedbackReminder,
  type FeedbackRequest,
} from './requests.js';
import { feedbackText, feedbackTextFor, type FeedbackText } from './text.js';
import { parseTrainingCatalogue, recommendTraining, type TrainingCourse, type TrainingCourseInput, type TrainingRecommendation } from './training.js';

declare module '../client/events.js' {
  interface DomainEventMap {
    'feedback-given': { sessionId: string; rating?: number | undefined; authorRole: string; tags?: string[] | undefined; anonymity?: string | undefined };
    'feedback-edited': { sessionId: string; rating?: number | undefined; changed: string[] };
    'feedback-revealed': { sessionId: string };
  }
}

/** Domain events of the feedback module. */
export const FeedbackEventType = {
  feedbackGiven: 'feedback-given',
  feedbackEdited: 'feedback-edited',
  feedbackRevealed: 'feedback-revealed',
} as const;

export interface FeedbackConfiguration extends FeedbackPolicyOptions {
  /** The host's mentor-training catalogue: `{ id, title, url (http/https), needs }`. */
  courses?: readonly TrainingCourseInput[];
  /** Reworded or translated tag labels and reasons (see `defaultFeedbackText`). */
  text?: Parameters<typeof feedbackText>[0];
}

/** What a person sends: the note plus the session it is about. */
export type FeedbackSubmission = FeedbackNote & { sessionId: string };

/** The feedback on one session as the current user sees it. */
export interface SessionFeedbackView {
  session: Session | undefined;
  request: FeedbackRequest | undefined;
  mine: Feedback | undefined;
  /** Other members' notes you may read. */
  others: Feedback[];
  /** You asked to reveal only when both submitted and no one else has yet. */
  waitingForOthers: boolean;
  /** Your note can still be changed (`edit`): it exists and its deadline has not passed. */
  editable: boolean;
  /** Until when your note can be changed (its `editableUntil`, else the request's deadline); `undefined` before you submit. */
  editableUntil: string | undefined;
}

export interface FeedbackApi {
  /** The current user's feedback requests (open, submitted, closed), newest session first. Statuses are as of the last data change; `requests()` computes them for now. */
  readonly $requests: ReadableAtom<readonly FeedbackRequest[]>;
  /** Feedback notes the user may read. */
  readonly $feedback: ReadableAtom<readonly Feedback[]>;
  /** Sessions the user may read (the `sessions` collection). */
  readonly $sessions: ReadableAtom<readonly Session[]>;
  /** The host's training catalogue. */
  readonly $catalogue: ReadableAtom<readonly TrainingCourse[]>;
  /** `loading` until the feedback and session records are loaded. */
  readonly $status: ReadableAtom<'loading' | 'ready' | 'error'>;
  /** Resolves once the records are loaded. */
  readonly ready: Promise<void>;
  /** The tag labels and reason texts in use. */
  readonly text: FeedbackText;
  /**
   * The tag labels and reasons for a locale: the host's (`configure({ text })`) when it set any, else the
   * catalogue registered for the language (Spanish once `registerSpanish()` has run), else English.
   */
  textFor(locale: string | undefined): FeedbackText;
  /** Sets the request rules, the training catalogue and texts (validated; nothing changes on bad input). */
  configure(configuration: FeedbackConfiguration): void;
  /** The current user's requests as of `at` (default now). */
  requests(at?: string): FeedbackRequest[];
  /** The session's feedback as the current user sees it. */
  forSession(sessionId: string): SessionFeedbackView;
  /** Sends the current user's note on an ended session. Emits `feedback-given`. */
  submit(submission: FeedbackSubmission): Promise<Feedback>;
  /** Changes the current user's note until its deadline. Emits `feedback-edited`. */
  edit(feedbackId: string, changes: Partial<FeedbackNote>, options?: WriteOptions): Promise<Feedback>;
  get(feedbackId: string): Feedback;
  /** The current user's reminders due now (hosts deliver them). */
  remindersDue(at?: string): FeedbackReminder[];
  /** Insights over the records the user may read. */
  insights(scope: InsightScope, options?: { locale?: string }): FeedbackInsights;
  /** The admins' roll-up of a programme (respects each author's anonymity choice). */
  programRollup(programId: string): ProgramRollup;
  /** Training from the catalogue for the needs found in `insights`, with reasons. */
  recommendations(insights: FeedbackInsights, options?: { limit?: number }): TrainingRecommendation[];
}

const NOTE_KEYS = ['rating', 'helped', 'missed', 'toolSuggestion', 'other', 'tags', 'revealWhenBothSubmitted', 'anonymity'] as const;

const strip = stripStored<StoredRecord>;

/**
 * Feedback after every session: requests that open when a session ends, the quick structured note
 * (validated, editable until a deadline, optionally revealed only when both sides submitted),
 * reminders, insights and training recommendations.
 *
 * ```ts
 * import { feedbackFeature } from '@mentorkit/core/feedback';
 * const feedback = kit.use(feedbackFeature);
 * feedback.configure({ askMentors: true, courses: [{ id: 'c1', title: 'Running focused sessions', url: 'https://lms.example/c/1', needs: ['time-management'] }] });
 * await feedback.submit({ sessionId: 's1', rating: 4, helped: 'Clear plan', tags: ['clear-next-steps'] });
 * ```
 */
export const feedbackFeature: MentorKitFeature<'feedback', FeedbackApi> = defineFeature({
  name: 'feedback',
  collections: [Collections.feedback, Collections.sessions],
  install(kit, host) {
    const userId = kit.user.id;
    const feedbackNotes = host.collection(Collections.feedback);
    const $feedback = feedbackNotes.$records;
    const $sessions = host.collection(Collections.sessions).$records;
    // The feature's own status, kept on purpose: it is `ready` once the feedback notes and the sessions are both
    // loaded, and the people, programmes and pairings its requests and checks read (`kit.ready`). A typed collection's
    // `$status`/`loaded()` covers one collection, so neither would say that.
    const $status = atom<'loading' | 'ready' | 'error'>('loading');
    const $catalogue = atom<readonly TrainingCourse[]>([]);
    const $options = atom(resolveFeedbackOptions());
    let text = feedbackText();
    let customised = false;
    const textFor = (locale: string | undefined) => (customised ? text : feedbackTextFor(locale));

    const ready = whenCollectionsLoaded(kit, [Collections.feedback, Collections.sessions]).then(
      () => $status.set('ready'),
      (error: unknown) => {
        $status.set('error');
        throw error;
      },
    );
    ready.catch(() => undefined);

    const requestsAt = (
      at: string,
      sessions = $sessions.get(),
      feedback = $feedback.get(),
      pairings: readonly Pairing[] = kit.$pairings.get(),
      options = $options.get(),
    ) => feedbackRequests({ sessions, pairings, feedback: feedback.filter((note) => note.authorId === userId), now: at, personId: userId, options });

    const $requests = computed([$sessions, $feedback, kit.$pairings, $options], (sessions, feedback, pairings, options) =>
      requestsAt(kit.now(), sessions, feedback, pairings, options),
    );

    const requireId = (value: unknown, path: string) => parseOrThrow(IdSchema, value, path);
    const findSession = (sessionId: string) => $sessions.get().find((session) => session.id === sessionId);
    const mine = (sessionId: string) => $feedback.get().find((note) => note.sessionId === sessionId && note.authorId === userId);

    /** Reveals held notes of a session once two members have submitted (idempotent). */
    const settleReveals = async (sessionId: string, pairing: Pairing) => {
      const members = new Set([pairing.menteeId, ...pairing.mentorIds]);
      const notes = (await kit.storage.query(Collections.feedback, { sessionId })).filter((note) => members.has(note.authorId as string));
      if (notes.length < 2) return;
      for (const note of notes) {
        if (note.revealWhenBothSubmitted !== true || note.revealedAt !== undefined) continue;
        const record = parseOrThrow(FeedbackInputSchema, { ...strip(note), revealedAt: kit.now(), revealedBy: userId }, 'feedback');
        try {
          const stored = await feedbackNotes.update(record, { expectedRevision: note.revision });
          host.emit({
            type: FeedbackEventType.feedbackRevealed,
            collection: Collections.feedback,
            recordId: stored.id,
            revision: stored.revision,
            pairingId: pairing.id,
            programId: pairing.programId,
            data: { sessionId },
          });
        } catch (error) {
          // Someone else revealed or edited it at the same moment: their write stands.
          if ((error as { code?: string }).code !== 'conflict') throw error;
        }
      }
    };

    const api: FeedbackApi = {
      $requests,
      $feedback,
      $sessions,
      $catalogue,
      $status,
      ready,
      get text() {
        return text;
      },

      configure(configuration) {
        if (typeof configuration !== 'object' || configuration === null)
          invalidInput('configuration', 'configure needs an object such as { askMentors: true, courses: [...] }.');
        const options = resolveFeedbackOptions({ ...$options.get(), ...configuration }, 'configuration');
        const courses = configuration.courses === undefined ? undefined : parseTrainingCatalogue(configuration.courses);
        if (configuration.text !== undefined && (typeof configuration.text !== 'object' || configuration.text === null))
          invalidInput('configuration.text', '`text` must be an object with `tagLabels` and/or `needReasons`.');
        $options.set(options);
        if (courses) $catalogue.set(courses);
        if (configuration.text) {
          text = feedbackText(configuration.text);
          customised = true;
        }
      },

      requests: (at) => requestsAt(at ?? kit.now()),

      forSession(sessionId) {
        requireId(sessionId, 'sessionId');
        const session = findSession(sessionId);
        const own = mine(sessionId);
        const others = $feedback.get().filter((note) => note.sessionId === sessionId && note.authorId !== userId);
        const now = kit.now();
        const request = requestsAt(now).find((candidate) => candidate.sessionId === sessionId);
        const editableUntil = own === undefined ? undefined : (own.editableUntil ?? request?.dueBy);
        return {
          session,
          request,
          mine: own,
          others,
          waitingForOthers: own !== undefined && own.revealWhenBothSubmitted === true && own.revealedAt === undefined,
          editable: own !== undefined && (editableUntil === undefined || Date.parse(now) < Date.parse(editableUntil)),
          editableUntil,
        };
      },

      async submit(submission) {
        if (typeof submission !== 'object' || submission === null) invalidInput('feedback', 'Feedback needs { sessionId, rating, … }.');
        const sessionId = requireId(submission.sessionId, 'feedback.sessionId');
        const noteInput = Object.fromEntries(NOTE_KEYS.filter((key) => key in submission).map((key) => [key, submission[key]]));
        const note = parseOrThrow(FeedbackNoteSchema, noteInput, 'feedback');
        await ready;
        const session = findSession(sessionId);
        if (!session) throw new MentorKitError('not-found', `No session "${sessionId}" is visible to you.`, { path: 'feedback.sessionId' });
        const pairing = kit.$pairings.get().find((candidate) => candidate.id === session.pairingId);
        const role = pairing ? roleInPairing(pairing, userId) : undefined;
        if (!pairing || !role)
          throw new MentorKitError('forbidden', 'Only the mentee and mentors of this pairing can give feedback on its sessions.', {
            path: 'feedback.sessionId',
          });
        const now = kit.now();
        if (!sessionHasEnded(session, now)) invalidInput('feedback.sessionId', `"${session.title}" has not ended yet; feedback opens when it ends.`);
        const request = feedbackRequests({
          sessions: [session],
          pairings: [pairing],
          feedback: [],
          now,
          personId: userId,
          options: { ...$options.get(), askMentors: true },
        })[0]!;
        if (Date.parse(now) >= Date.parse(request.dueBy))
          throw new MentorKitError('forbidden', `Feedback on "${session.title}" closed at ${request.dueBy}.`, {
            path: 'feedback.sessionId',
            details: { dueBy: request.dueBy },
          });
        const existing = mine(sessionId);
        if (existing)
          throw new MentorKitError('conflict', 'You already sent feedback on this session; edit it instead.', {
            path: 'feedback.sessionId',
            details: { feedbackId: existing.id },
          });
        const record = parseOrThrow(
          FeedbackInputSchema,
          { ...note, id: host.newId(), pairingId: pairing.id, sessionId, authorId: userId, authorRole: role, submittedAt: now, editableUntil: request.dueBy },
          'feedback',
        );
        const stored = await feedbackNotes.create(record);
        host.emit({
          type: FeedbackEventType.feedbackGiven,
          collection: Collections.feedback,
          recordId: stored.id,
          revision: stored.revision,
          pairingId: pairing.id,
          programId: pairing.programId,
          data: { sessionId, rating: stored.rating, authorRole: role, tags: stored.tags, anonymity: stored.anonymity },
        });
        await settleReveals(sessionId, pairing);
        return feedbackNotes.cached(stored.id) ?? stored;
      },

      async edit(feedbackId, changes, options) {
        const id = requireId(feedbackId, 'feedbackId');
        if (typeof changes !== 'object' || changes === null) invalidInput('changes', 'Changes must be an object such as { rating: 4 }.');
        const unknownKey = Object.keys(changes).find((key) => !(NOTE_KEYS as readonly string[]).includes(key));
        if (unknownKey) invalidInput(`changes.${unknownKey}`, `\`${unknownKey}\` cannot be edited; you can change ${NOTE_KEYS.join(', ')}.`);
        const writeOptions = validateWriteOptions(options);
        await ready;
        const current = $feedback.get().find((note) => note.id === id);
        if (!current) throw new MentorKitError('not-found', `No feedback "${id}" is visible to you.`, { path: 'feedbackId' });
        if (current.authorId !== userId) throw new MentorKitError('forbidden', 'You can edit only your own feedback.', { path: 'feedbackId' });
        const now = kit.now();
        if (current.editableUntil && Date.parse(now) >= Date.parse(current.editableUntil))
          throw new MentorKitError('forbidden', `This feedback could be edited until ${current.editableUntil}.`, {
            path: 'feedbackId',
            details: { editableUntil: current.editableUntil },
          });
        const record = parseOrThrow(FeedbackInputSchema, { ...stripStored(current), ...changes, editedAt: now }, 'feedback');
        const stored = await feedbackNotes.update(record, { expectedRevision: writeOptions.expectedRevision ?? current.revision });
        const pairing = kit.$pairings.get().find((candidate) => candidate.id === stored.pairingId);
        host.emit({
          type: FeedbackEventType.feedbackEdited,
          collection: Collections.feedback,
          recordId: stored.id,
          revision: stored.revision,
          pairingId: stored.pairingId,
          ...(pairing ? { programId: pairing.programId } : {}),
          data: { sessionId: stored.sessionId, rating: stored.rating, changed: Object.keys(changes) },
        });
        return stored;
      },

      get(feedbackId) {
        const id = requireId(feedbackId, 'feedbackId');
        const note = $feedback.get().find((candidate) => candidate.id === id);
        if (!note) throw new MentorKitError('not-found', `No feedback "${id}" is visible to you.`, { path: 'feedbackId' });
        return note;
      },

      remindersDue: (at) => {
        const now = at ?? kit.now();
        return dueFeedbackReminders(requestsAt(now), now, $options.get());
      },

      textFor,
      insights: (scope, options) =>
        feedbackInsights({
          scope,
          sessions: $sessions.get(),
          pairings: kit.$pairings.get(),
          feedback: $feedback.get(),
          now: kit.now(),
          options: $options.get(),
          text: options?.locale === undefined ? text : textFor(options.locale),
        }),

      programRollup: (programId) =>
        programRollup({
          programId: requireId(programId, 'programId'),
          sessions: $sessions.get(),
          pairings: kit.$pairings.get(),
          feedback: $feedback.get(),
          now: kit.now(),
          options: $options.get(),
          text,
        }),

      recommendations: (insights, options) => recommendTraining(insights.needs, $catalogue.get(), options),
    };
    return api;
  },
});
