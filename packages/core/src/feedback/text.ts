import { languageCatalogue } from '../model/languages.js';

/**
 * Words the feedback module shows to people: the suggested tags of the form and the reasons behind
 * training recommendations. Hosts translate or reword them by passing their own catalogue (any
 * subset) to the functions that use it, or once with `kit.feedback.configure({ text })`.
 */

/** Tags the quick form offers (ids are stored; labels are shown). People may add their own words too. */
export const FEEDBACK_TAGS = [
  { id: 'clear-next-steps', label: 'Clear next steps', tone: 'positive' },
  { id: 'good-listener', label: 'Listened well', tone: 'positive' },
  { id: 'useful-resources', label: 'Useful resources', tone: 'positive' },
  { id: 'encouraging', label: 'Encouraging', tone: 'positive' },
  { id: 'ran-out-of-time', label: 'Ran out of time', tone: 'negative' },
  { id: 'felt-rushed', label: 'Felt rushed', tone: 'negative' },
  { id: 'unprepared', label: 'Felt unprepared', tone: 'negative' },
  { id: 'unclear-next-steps', label: 'Unclear next steps', tone: 'negative' },
  { id: 'forgot-follow-up', label: 'Follow-up forgotten', tone: 'negative' },
  { id: 'interrupted', label: 'Did not feel heard', tone: 'negative' },
] as const;
export type FeedbackTagId = (typeof FEEDBACK_TAGS)[number]['id'];

/** What mentor training can address. Courses in the host's catalogue say which needs they serve. */
export const TRAINING_NEEDS = ['time-management', 'falling-rating', 'low-rating', 'preparation', 'follow-up', 'listening', 'goal-setting'] as const;
export type TrainingNeed = (typeof TRAINING_NEEDS)[number];

export interface FeedbackText {
  /** Label of a tag id; unknown ids (people's own words) are shown as written. */
  tagLabels: Record<string, string>;
  /** Why a need was detected, from the evidence. */
  needReasons: Record<TrainingNeed, (evidence: NeedEvidence) => string>;
}

/** The facts behind a detected need, for its reason text. */
export interface NeedEvidence {
  /** Notes that mention it (tag or words). */
  mentions: number;
  /** Notes looked at (the most recent ones). */
  considered: number;
  /** Average rating of the recent notes, and of the ones before (falling rating). */
  recentAverage?: number | null;
  previousAverage?: number | null;
}

const round1 = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(1));
const ofNotes = (evidence: NeedEvidence) => `${evidence.mentions} of the last ${evidence.considered} feedback notes`;

export const defaultFeedbackText: FeedbackText = {
  tagLabels: Object.fromEntries(FEEDBACK_TAGS.map((tag) => [tag.id, tag.label])),
  needReasons: {
    'time-management': (evidence) => `"Ran out of time" keeps coming up: ${ofNotes(evidence)}.`,
    'falling-rating': (evidence) => `Ratings are falling: ${round1(evidence.recentAverage)} on average lately, down from ${round1(evidence.previousAverage)}.`,
    'low-rating': (evidence) => `Recent sessions are rated ${round1(evidence.recentAverage)} out of 5 on average.`,
    preparation: (evidence) => `Mentees felt sessions were unprepared: ${ofNotes(evidence)}.`,
    'follow-up': (evidence) => `Promised follow-ups were forgotten: ${ofNotes(evidence)}.`,
    listening: (evidence) => `Mentees did not always feel heard: ${ofNotes(evidence)}.`,
    'goal-setting': (evidence) => `Next steps were unclear: ${ofNotes(evidence)}.`,
  },
};

/**
 * The words for a locale: the catalogue registered for its language (Spanish once `registerSpanish()`
 * from `@mentorkit/core/es` has run), else English (`defaultFeedbackText`).
 */
export function feedbackTextFor(locale: string | undefined): FeedbackText {
  return languageCatalogue<FeedbackText>('feedback', locale) ?? defaultFeedbackText;
}

/** `defaultFeedbackText` (or the words of `locale`'s language) with the host's overrides on top. */
export function feedbackText(
  overrides?: Partial<{ tagLabels: Record<string, string>; needReasons: Partial<FeedbackText['needReasons']> }>,
  locale?: string,
): FeedbackText {
  const base = locale === undefined ? defaultFeedbackText : feedbackTextFor(locale);
  if (!overrides) return base;
  return {
    tagLabels: { ...base.tagLabels, ...overrides.tagLabels },
    needReasons: { ...base.needReasons, ...overrides.needReasons },
  };
}

/** The label of a tag: the catalogue's label for a known id, otherwise the tag as written. */
export function tagLabel(tag: string, text: FeedbackText = defaultFeedbackText): string {
  return text.tagLabels[tag] ?? tag;
}
