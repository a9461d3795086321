import { MentorKitError } from '../model/errors.js';
import { isInstant } from '../model/formats.js';
import type { Feedback } from '../model/feedback.js';
import type { Pairing } from '../model/pairing.js';
import type { Session } from '../model/session.js';
import { feedbackRequests, type FeedbackPolicyOptions } from './requests.js';
import { defaultFeedbackText, feedbackTextFor, tagLabel, type FeedbackText, type NeedEvidence, type TrainingNeed } from './text.js';

/**
 * Insights from feedback — per mentor, per pairing and per programme — as pure functions over the
 * records a person may see. No external service: themes are the tags people chose plus frequent
 * words (after a stop-word list), and training needs come from documented rules (see
 * `NEED_RULES` and the constants below, and docs/feedback-and-messaging.md).
 */

/** How many of the most recent notes the need rules look at. */
export const RECENT_NOTES = 10;
/** A theme is "recurring" when at least this many of the recent notes mention it. */
export const RECURRING_MIN_MENTIONS = 2;
/** Ratings compared for the trend: the last `TREND_WINDOW` against the `TREND_WINDOW` before them. */
export const TREND_WINDOW = 3;
/** A change of at least this much between the two windows' averages is rising or falling. */
export const TREND_MIN_CHANGE = 0.5;
/** Below this recent average (with at least `TREND_WINDOW` ratings), ratings are low. */
export const LOW_RATING_THRESHOLD = 3;
/** Words shorter than this are ignored in themes. */
export const MIN_WORD_LENGTH = 3;
/** At most this many frequent words and tags are reported. */
export const MAX_THEMES = 10;

/** Words left out of the frequent-words themes (English and Spanish function words, and feedback filler). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are aren't as at be because been before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further get got had hadn't has hasn't have haven't having he her here hers herself him himself his how i i'm if in into is isn't it it's its itself just let's like me more most much my myself no nor not now of off on once only or other our ours ourselves out over own really same she should shouldn't so some such than that that's the their theirs them themselves then there there's these they this those through to too under until up us very was wasn't we were weren't what when where which while who whom why will with won't would wouldn't you your yours yourself yourselves " +
    'session sessions mentor mentee time bit lot thing things way maybe quite still even though one two also next ' +
    'de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros'
  ).split(/\s+/),
);

/** What the insights are about. `person` means the mentor with that id. */
export type InsightScope = { kind: 'mentor'; id: string } | { kind: 'pairing'; id: string } | { kind: 'program'; id: string };

export interface RatingPoint {
  sessionId: string;
  pairingId: string;
  sessionTitle: string;
  /** The session's start. */
  at: string;
  /** The mentee's rating (the mean, when several mentees rated one session). */
  rating: number;
}

export interface ThemeCount {
  /** The tag id or the word. */
  term: string;
  /** What to show: the tag's label, or the word. */
  label: string;
  /** Notes that mention it. */
  count: number;
}

export type TrendDirection = 'rising' | 'falling' | 'steady' | 'not-enough-data';

export interface DetectedNeed {
  need: TrainingNeed;
  /** Why, in words a person can act on (from the text catalogue). */
  reason: string;
  evidence: NeedEvidence;
}

export interface SessionWithoutFeedback {
  sessionId: string;
  pairingId: string;
  title: string;
  end: string;
  /** `open`: the mentee can still send it; `closed`: the window passed. */
  status: 'open' | 'closed';
}

export interface FeedbackInsights {
  scope: InsightScope;
  /** Ended sessions in scope. */
  sessionsEnded: number;
  /** Mentee notes on them (the ones you can see). */
  feedbackCount: number;
  /** Notes received ÷ requests that were answered or closed (open requests do not count against it); `null` before any. */
  responseRate: number | null;
  /**
   * The mentees' feedback requests behind `responseRate`: answered, closed unanswered, and still open —
   * show "notes received" as `answered` of `answered + closed` (and the open ones apart), never against
   * a different total than the rate's.
   */
  requests: { answered: number; closed: number; open: number };
  averageRating: number | null;
  /** One point per rated session, oldest first. */
  ratingTrend: RatingPoint[];
  trend: { direction: TrendDirection; recentAverage: number | null; previousAverage: number | null };
  themes: { tags: ThemeCount[]; words: ThemeCount[] };
  sessionsWithoutFeedback: SessionWithoutFeedback[];
  /** Training needs the rules found, strongest first. */
  needs: DetectedNeed[];
}

export interface InsightsInput {
  scope: InsightScope;
  sessions: readonly Session[];
  pairings: readonly Pairing[];
  feedback: readonly Feedback[];
  now: string;
  options?: FeedbackPolicyOptions;
  text?: FeedbackText;
  /** The language of tag labels and reasons when no `text` is given, e.g. `es` (once `registerSpanish()` has run). Default English. */
  locale?: string;
}

/** Rules that find a need in the words of recent notes: chosen tags, or phrases in the text. */
export const NEED_RULES: Readonly<Record<Exclude<TrainingNeed, 'falling-rating' | 'low-rating'>, { tags: readonly string[]; phrases: readonly string[] }>> = {
  'time-management': {
    tags: ['ran-out-of-time', 'felt-rushed'],
    phrases: ['ran out of time', 'run out of time', 'out of time', 'not enough time', 'too short', 'rushed', 'overran', 'over time'],
  },
  preparation: { tags: ['unprepared'], phrases: ['unprepared', 'not prepared', 'no agenda', 'without an agenda'] },
  'follow-up': { tags: ['forgot-follow-up'], phrases: ['forgot', 'never followed up', 'no follow-up', 'did not follow up', "didn't follow up"] },
  listening: { tags: ['interrupted'], phrases: ['interrupted', 'did not listen', "didn't listen", 'not listening', 'did not feel heard', "didn't feel heard"] },
  'goal-setting': {
    tags: ['unclear-next-steps'],
    phrases: ['unclear next steps', 'no next steps', 'no clear goal', 'unclear goal', 'not sure what to do next'],
  },
};

const mean = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);
const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
const normalise = (text: string) => text.toLocaleLowerCase('en').normalize('NFKC').replace(/[’‘]/g, "'");

/** The words of a text for themes: lower case, letters and digits, stop words and short words dropped. */
export function themeWords(text: string): string[] {
  const words = normalise(text).match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  return words.map((word) => word.replace(/['-]+$/, '')).filter((word) => word.length >= MIN_WORD_LENGTH && !/^\d+$/.test(word) && !STOP_WORDS.has(word));
}

const noteText = (note: Pick<Feedback, 'helped' | 'missed' | 'toolSuggestion' | 'other'>) =>
  [note.helped, note.missed, note.toolSuggestion, note.other].filter(Boolean).join('\n');

/**
 * The theme tags of a note: the tags it chose, and the tag of every need rule (`NEED_RULES`) its words
 * mention — "we ran out of time" in the text counts for "Ran out of time" as the tag does, so the themes
 * chart and the training need it explains count the same notes.
 */
export function noteThemeTags(note: Pick<Feedback, 'tags' | 'helped' | 'missed' | 'toolSuggestion' | 'other'>): Set<string> {
  const tags = new Set((note.tags ?? []).map((tag) => tag.trim()).filter(Boolean));
  for (const rule of Object.values(NEED_RULES)) if (rule.tags[0] !== undefined && mentions(note, rule)) tags.add(rule.tags[0]);
  return tags;
}

/** Tags (chosen, or named in the words: `noteThemeTags`) and frequent words across notes; each note counts once per term. */
export function feedbackThemes(
  notes: readonly Pick<Feedback, 'tags' | 'helped' | 'missed' | 'toolSuggestion' | 'other'>[],
  text: FeedbackText = defaultFeedbackText,
): { tags: ThemeCount[]; words: ThemeCount[] } {
  const tagCounts = new Map<string, number>();
  const wordCounts = new Map<string, number>();
  for (const note of notes) {
    for (const tag of noteThemeTags(note)) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    for (const word of new Set(themeWords(noteText(note)))) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
  }
  const ranked = (counts: Map<string, number>, minimum: number) =>
    [...counts]
      .filter(([, count]) => count >= minimum)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_THEMES)
      .map(([term, count]) => ({ term, label: tagLabel(term, text), count }));
  return { tags: ranked(tagCounts, 1), words: ranked(wordCounts, RECURRING_MIN_MENTIONS) };
}

/** Rising, falling or steady: the average of the last `TREND_WINDOW` ratings against the ones before. */
export function ratingTrendDirection(ratings: readonly number[]): FeedbackInsights['trend'] {
  if (ratings.length < TREND_WINDOW + 1)
    return { direction: 'not-enough-data', recentAverage: round2(mean(ratings.slice(-TREND_WINDOW))), previousAverage: null };
  const recent = ratings.slice(-TREND_WINDOW);
  const previous = ratings.slice(-2 * TREND_WINDOW, -TREND_WINDOW);
  const recentAverage = mean(recent)!;
  const previousAverage = mean(previous)!;
  const change = recentAverage - previousAverage;
  const direction: TrendDirection = change <= -TREND_MIN_CHANGE ? 'falling' : change >= TREND_MIN_CHANGE ? 'rising' : 'steady';
  return { direction, recentAverage: round2(recentAverage), previousAverage: round2(previousAverage) };
}

function mentions(
  note: Pick<Feedback, 'tags' | 'helped' | 'missed' | 'toolSuggestion' | 'other'>,
  rule: { tags: readonly string[]; phrases: readonly string[] },
): boolean {
  if ((note.tags ?? []).some((tag) => rule.tags.includes(tag) || rule.phrases.includes(normalise(tag)))) return true;
  // "What helped" praises; problems are named in the other fields.
  const text = normalise([note.missed, note.toolSuggestion, note.other].filter(Boolean).join('\n'));
  return rule.phrases.some((phrase) => text.includes(phrase));
}

/**
 * Training needs in notes (oldest first): recurring themes among the last `RECENT_NOTES`, a falling
 * trend, and a low recent average.
 */
export function detectTrainingNeeds(
  notes: readonly Pick<Feedback, 'rating' | 'tags' | 'helped' | 'missed' | 'toolSuggestion' | 'other'>[],
  text: FeedbackText = defaultFeedbackText,
): DetectedNeed[] {
  const recent = notes.slice(-RECENT_NOTES);
  const needs: DetectedNeed[] = [];
  for (const [need, rule] of Object.entries(NEED_RULES) as Array<[TrainingNeed, (typeof NEED_RULES)[keyof typeof NEED_RULES]]>) {
    const count = recent.filter((note) => mentions(note, rule)).length;
    if (count >= RECURRING_MIN_MENTIONS) {
      const evidence: NeedEvidence = { mentions: count, considered: recent.length };
      needs.push({ need, reason: text.needReasons[need](evidence), evidence });
    }
  }
  const ratings = notes.map((note) => note.rating);
  const trend = ratingTrendDirection(ratings);
  if (trend.direction === 'falling') {
    const evidence: NeedEvidence = {
      mentions: TREND_WINDOW,
      considered: Math.min(ratings.length, 2 * TREND_WINDOW),
      recentAverage: trend.recentAverage,
      previousAverage: trend.previousAverage,
    };
    needs.push({ need: 'falling-rating', reason: text.needReasons['falling-rating'](evidence), evidence });
  }
  if (ratings.length >= TREND_WINDOW && trend.recentAverage !== null && trend.recentAverage < LOW_RATING_THRESHOLD) {
    const evidence: NeedEvidence = { mentions: TREND_WINDOW, considered: TREND_WINDOW, recentAverage: trend.recentAverage };
    needs.push({ need: 'low-rating', reason: text.needReasons['low-rating'](evidence), evidence });
  }
  return needs.sort((a, b) => b.evidence.mentions / Math.max(1, b.evidence.considered) - a.evidence.mentions / Math.max(1, a.evidence.considered));
}

function pairingsInScope(scope: InsightScope, pairings: readonly Pairing[]): Pairing[] {
  switch (scope.kind) {
    case 'mentor':
      return pairings.filter((pairing) => pairing.mentorIds.includes(scope.id));
    case 'pairing':
      return pairings.filter((pairing) => pairing.id === scope.id);
    case 'program':
      return pairings.filter((pairing) => pairing.programId === scope.id);
  }
}

function checkInput(input: InsightsInput): void {
  if (typeof input !== 'object' || input === null)
    throw new MentorKitError('invalid-input', 'Insights need { scope, sessions, pairings, feedback, now }.', { path: '' });
  const scope = input.scope as { kind?: unknown; id?: unknown } | undefined;
  if (!scope || !['mentor', 'pairing', 'program'].includes(scope.kind as string) || typeof scope.id !== 'string' || scope.id === '') {
    throw new MentorKitError('invalid-input', '`scope` must be { kind: "mentor" | "pairing" | "program", id }.', { path: 'scope' });
  }
  for (const key of ['sessions', 'pairings', 'feedback'] as const)
    if (!Array.isArray(input[key])) throw new MentorKitError('invalid-input', `\`${key}\` must be a list of records.`, { path: key });
  if (!isInstant(input.now)) throw new MentorKitError('invalid-input', '`now` must be an ISO instant.', { path: 'now' });
}

/** The mentee notes on the ended sessions of the scope, oldest session first, with the sessions. */
function menteeNotesInScope(input: InsightsInput) {
  const pairings = pairingsInScope(input.scope, input.pairings);
  const pairingById = new Map(pairings.map((pairing) => [pairing.id, pairing]));
  const sessions = input.sessions.filter((session) => pairingById.has(session.pairingId));
  const sessionById = new Map(sessions.map((session) => [session.id, session]));
  const notes = input.feedback
    .filter((note) => {
      const session = sessionById.get(note.sessionId);
      return session !== undefined && note.authorId === pairingById.get(session.pairingId)?.menteeId;
    })
    .sort((a, b) => Date.parse(sessionById.get(a.sessionId)!.start) - Date.parse(sessionById.get(b.sessionId)!.start) || (a.id < b.id ? -1 : 1));
  return { pairings, sessions, sessionById, notes };
}

/** Insights for a mentor, a pairing or a programme (see `FeedbackInsights`). */
export function feedbackInsights(input: InsightsInput): FeedbackInsights {
  checkInput(input);
  const text = input.text ?? (input.locale === undefined ? defaultFeedbackText : feedbackTextFor(input.locale));
  const { pairings, sessions, sessionById, notes } = menteeNotesInScope(input);
  const requests = feedbackRequests({ sessions, pairings, feedback: notes, now: input.now, options: { ...input.options, askMentors: false } });
  const answered = requests.filter((request) => request.status === 'submitted').length;
  const closed = requests.filter((request) => request.status === 'closed').length;

  const bySession = new Map<string, number[]>();
  for (const note of notes) bySession.set(note.sessionId, [...(bySession.get(note.sessionId) ?? []), note.rating]);
  const ratingTrend: RatingPoint[] = [...bySession]
    .map(([sessionId, ratings]) => {
      const session = sessionById.get(sessionId)!;
      return { sessionId, pairingId: session.pairingId, sessionTitle: session.title, at: session.start, rating: round2(mean(ratings))! };
    })
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  return {
    scope: { ...input.scope },
    sessionsEnded: new Set(requests.map((request) => request.sessionId)).size,
    feedbackCount: notes.length,
    responseRate: answered + closed === 0 ? null : round2(answered / (answered + closed)),
    requests: { answered, closed, open: requests.length - answered - closed },
    averageRating: round2(mean(notes.map((note) => note.rating))),
    ratingTrend,
    trend: ratingTrendDirection(ratingTrend.map((point) => point.rating)),
    themes: feedbackThemes(notes, text),
    sessionsWithoutFeedback: requests
      .filter((request) => request.status !== 'submitted')
      .map((request) => ({
        sessionId: request.sessionId,
        pairingId: request.pairingId,
        title: request.sessionTitle,
        end: request.sessionEnd,
        status: request.status as 'open' | 'closed',
      })),
    needs: detectTrainingNeeds(notes, text),
  };
}

/** A comment in a programme report, respecting the author's anonymity choice. */
export interface ProgramComment {
  field: 'helped' | 'missed' | 'toolSuggestion' | 'other';
  text: string;
  /** Only for `named` notes. */
  authorId?: string;
  pairingId?: string;
  mentorIds?: string[];
  sessionId?: string;
}

export interface ProgramRollup {
  program: FeedbackInsights;
  /** One row per mentor with sessions in the programme, weakest average first. */
  mentors: Array<{ mentorId: string; insights: FeedbackInsights }>;
  /** Recent comments: `named` with author and pairing, `anonymous` with neither; `numbers-only` notes never appear here. */
  comments: ProgramComment[];
}

/** The admins' roll-up of a programme: overall insights, per-mentor rows and comments by anonymity choice. */
export function programRollup(input: Omit<InsightsInput, 'scope'> & { programId: string; maxComments?: number }): ProgramRollup {
  const scope: InsightScope = { kind: 'program', id: input.programId };
  const program = feedbackInsights({ ...input, scope });
  const inProgram = input.pairings.filter((pairing) => pairing.programId === input.programId);
  const mentorIds = [...new Set(inProgram.flatMap((pairing) => pairing.mentorIds))].sort();
  const mentors = mentorIds
    .map((mentorId) => ({ mentorId, insights: feedbackInsights({ ...input, pairings: inProgram, scope: { kind: 'mentor', id: mentorId } }) }))
    .filter((row) => row.insights.sessionsEnded > 0)
    .sort((a, b) => (a.insights.averageRating ?? 6) - (b.insights.averageRating ?? 6) || (a.mentorId < b.mentorId ? -1 : 1));
  const { notes, sessionById } = menteeNotesInScope({ ...input, scope });
  const pairingById = new Map(inProgram.map((pairing) => [pairing.id, pairing]));
  const comments: ProgramComment[] = [];
  for (const note of [...notes].reverse()) {
    if (note.anonymity === 'numbers-only') continue;
    for (const field of ['helped', 'missed', 'toolSuggestion', 'other'] as const) {
      const value = note[field]?.trim();
      if (!value) continue;
      const session = sessionById.get(note.sessionId)!;
      comments.push(
        note.anonymity === 'anonymous'
          ? { field, text: value }
          : {
              field,
              text: value,
              authorId: note.authorId,
              pairingId: session.pairingId,
              mentorIds: [...(pairingById.get(session.pairingId)?.mentorIds ?? [])],
              sessionId: session.id,
            },
      );
    }
  }
  // Anonymous comments are listed in a stable, non-chronological order so their position does not hint at who wrote them.
  const named = comments.filter((comment) => comment.authorId !== undefined);
  const anonymous = comments.filter((comment) => comment.authorId === undefined).sort((a, b) => a.field.localeCompare(b.field) || a.text.localeCompare(b.text));
  return { program, mentors, comments: [...named, ...anonymous].slice(0, input.maxComments ?? 50) };
}
