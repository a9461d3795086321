import { languageCatalogue } from '../model/languages.js';
import { invalidInput } from '../model/validate.js';

/**
 * Which model suits a mentee: a short questionnaire, a transparent score, and reasons in words.
 * The result is a suggestion — hosts and widgets always let the pair choose the other model.
 *
 * Scoring (documented in docs/coaching.md): each answer is on 1–5, 3 being neutral.
 *   score = (structure − 3) − (affirmation − 3) + goalClarity   (goalClarity: yes +1, partly 0, no −1)
 * A positive score recommends GROW, a negative one OSKAR; a tie recommends GROW, the more widely
 * known model. |score| ≤ 1 is a "slight" preference, otherwise "clear".
 */

export interface CoachingQuestion {
  id: 'structure' | 'affirmation' | 'goalClarity';
  text: string;
  options: ReadonlyArray<{ value: number | string; label: string }>;
}

/**
 * The questionnaire's and the recommendation's words (English). A translation has the same keys and
 * option values; `coachingRecommendMessagesFor(locale)` picks the registered one for a language
 * (Spanish once `registerSpanish()` from `@mentorkit/core/es` has run).
 */
export interface CoachingRecommendMessages {
  questions: Record<CoachingQuestion['id'], { text: string; options: Record<string, string> }>;
  reasons: {
    prefersStructure: string;
    prefersExploring: string;
    structureEither: string;
    affirmationHelps: string;
    frankLook: string;
    challengeAndEncouragement: string;
    goalKnown: string;
    goalTakingShape: string;
    balanced: string;
  };
}

export const coachingRecommendMessages: CoachingRecommendMessages = {
  questions: {
    structure: {
      text: 'How do you like a mentoring conversation to go?',
      options: {
        1: 'Open: explore and see where it leads',
        2: 'Mostly open, with a loose direction',
        3: 'Either works',
        4: 'Mostly structured, with room to wander',
        5: 'Structured: clear steps towards a decision',
      },
    },
    affirmation: {
      text: 'When things are hard, what helps you most?',
      options: {
        1: 'A frank look at the gaps and a push',
        2: 'Mostly a frank look, some encouragement',
        3: 'A bit of both',
        4: 'Mostly hearing what already works',
        5: 'Recognition of my progress and strengths',
      },
    },
    goalClarity: {
      text: 'Do you already know the goal you want to work on?',
      options: {
        yes: 'Yes, I can say it in one sentence',
        partly: 'Roughly',
        no: 'Not yet: I know something should change',
      },
    },
  },
  reasons: {
    prefersStructure: 'You prefer structure: GROW walks four clear steps from a goal to committed actions.',
    prefersExploring: 'You prefer to explore: OSKAR starts from the future you want and builds on what already works.',
    structureEither: 'Structure or exploration: either suits you.',
    affirmationHelps: 'Affirmation helps you: OSKAR names your strengths and progress at every session.',
    frankLook: 'You like a frank look at the gaps: GROW’s Reality step is exactly that.',
    challengeAndEncouragement: 'A mix of challenge and encouragement suits you: both models offer it.',
    goalKnown: 'You already know your goal: GROW starts from it.',
    goalTakingShape: 'Your goal is still taking shape: OSKAR’s Outcome step helps you describe it.',
    balanced: 'Your answers balance out; GROW is suggested as the more widely known model, and OSKAR suits you just as well.',
  },
};

/** The questionnaire's and reasons' words for a locale: the registered catalogue of its language, else English. */
export function coachingRecommendMessagesFor(locale: string | undefined): CoachingRecommendMessages {
  return languageCatalogue<CoachingRecommendMessages>('coaching-recommend', locale) ?? coachingRecommendMessages;
}

const OPTION_VALUES: Record<CoachingQuestion['id'], ReadonlyArray<number | string>> = {
  structure: [1, 2, 3, 4, 5],
  affirmation: [1, 2, 3, 4, 5],
  goalClarity: ['yes', 'partly', 'no'],
};

function questionnaireOf(messages: CoachingRecommendMessages): readonly CoachingQuestion[] {
  return Object.freeze(
    (['structure', 'affirmation', 'goalClarity'] as const).map((id) => ({
      id,
      text: messages.questions[id].text,
      options: OPTION_VALUES[id].map((value) => ({
        value,
        label: messages.questions[id].options[String(value)] ?? coachingRecommendMessages.questions[id].options[String(value)]!,
      })),
    })),
  );
}

/** The questionnaire, as data a widget can render (English; `coachingQuestionnaireIn(locale)` for other languages). */
export const COACHING_QUESTIONNAIRE: readonly CoachingQuestion[] = questionnaireOf(coachingRecommendMessages);

/** The questionnaire in the language of `locale` (English when none is registered for it). Same ids and option values. */
export function coachingQuestionnaireIn(locale: string | undefined): readonly CoachingQuestion[] {
  const messages = coachingRecommendMessagesFor(locale);
  return messages === coachingRecommendMessages ? COACHING_QUESTIONNAIRE : questionnaireOf(messages);
}

export interface CoachingQuestionnaireAnswers {
  /** 1 (prefers exploration) … 5 (prefers structure). */
  structure: number;
  /** 1 (little need for affirmation) … 5 (strong need). */
  affirmation: number;
  /** Whether the mentee can already name a goal. Optional. */
  goalClarity?: 'yes' | 'partly' | 'no' | undefined;
}

export interface CoachingRecommendation {
  modelId: 'grow' | 'oskar';
  /** The other model, which the pair may always choose instead. */
  alternativeId: 'grow' | 'oskar';
  /** Positive favours GROW, negative OSKAR. */
  score: number;
  strength: 'clear' | 'slight';
  /** One sentence per answer, saying how it counted. */
  reasons: string[];
}

const scaleAnswer = (value: unknown, path: string): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5)
    invalidInput(path, `\`${path}\` must be a whole number from 1 to 5 (got ${JSON.stringify(value)}).`);
  return value;
};

/**
 * Recommends GROW or OSKAR from the questionnaire's answers, with reasons. Always overridable:
 * the result names the alternative, and nothing stops a pair from choosing it.
 *
 * ```ts
 * recommendCoachingModel({ structure: 2, affirmation: 5 });
 * // { modelId: 'oskar', alternativeId: 'grow', score: -3, strength: 'clear', reasons: [ … ] }
 * ```
 */
export function recommendCoachingModel(
  answers: CoachingQuestionnaireAnswers,
  options: { locale?: string | undefined; messages?: CoachingRecommendMessages | undefined } = {},
): CoachingRecommendation {
  if (typeof answers !== 'object' || answers === null) invalidInput('answers', '`answers` must be an object such as { structure: 4, affirmation: 2 }.');
  const structure = scaleAnswer(answers.structure, 'answers.structure');
  const affirmation = scaleAnswer(answers.affirmation, 'answers.affirmation');
  const goalClarity = answers.goalClarity;
  if (goalClarity !== undefined && goalClarity !== 'yes' && goalClarity !== 'partly' && goalClarity !== 'no')
    invalidInput('answers.goalClarity', '`answers.goalClarity` must be "yes", "partly" or "no".');
  if (typeof options !== 'object' || options === null) invalidInput('options', '`options` must be an object such as { locale: "es" }.');
  const words = (options.messages ?? coachingRecommendMessagesFor(options.locale)).reasons;
  const reasons: string[] = [];
  const structurePart = structure - 3;
  if (structurePart > 0) reasons.push(words.prefersStructure);
  else if (structurePart < 0) reasons.push(words.prefersExploring);
  else reasons.push(words.structureEither);
  const affirmationPart = -(affirmation - 3);
  if (affirmationPart < 0) reasons.push(words.affirmationHelps);
  else if (affirmationPart > 0) reasons.push(words.frankLook);
  else reasons.push(words.challengeAndEncouragement);
  const goalPart = goalClarity === 'yes' ? 1 : goalClarity === 'no' ? -1 : 0;
  if (goalClarity === 'yes') reasons.push(words.goalKnown);
  else if (goalClarity === 'no') reasons.push(words.goalTakingShape);
  const score = structurePart + affirmationPart + goalPart;
  const modelId = score >= 0 ? 'grow' : 'oskar';
  if (score === 0) reasons.push(words.balanced);
  return { modelId, alternativeId: modelId === 'grow' ? 'oskar' : 'grow', score, strength: Math.abs(score) <= 1 ? 'slight' : 'clear', reasons };
}
