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

/** The questionnaire, as data a widget can render (labels are plain English; translate by copying). */
export const COACHING_QUESTIONNAIRE: readonly CoachingQuestion[] = Object.freeze([
  {
    id: 'structure',
    text: 'How do you like a mentoring conversation to go?',
    options: [
      { value: 1, label: 'Open: explore and see where it leads' },
      { value: 2, label: 'Mostly open, with a loose direction' },
      { value: 3, label: 'Either works' },
      { value: 4, label: 'Mostly structured, with room to wander' },
      { value: 5, label: 'Structured: clear steps towards a decision' },
    ],
  },
  {
    id: 'affirmation',
    text: 'When things are hard, what helps you most?',
    options: [
      { value: 1, label: 'A frank look at the gaps and a push' },
      { value: 2, label: 'Mostly a frank look, some encouragement' },
      { value: 3, label: 'A bit of both' },
      { value: 4, label: 'Mostly hearing what already works' },
      { value: 5, label: 'Recognition of my progress and strengths' },
    ],
  },
  {
    id: 'goalClarity',
    text: 'Do you already know the goal you want to work on?',
    options: [
      { value: 'yes', label: 'Yes, I can say it in one sentence' },
      { value: 'partly', label: 'Roughly' },
      { value: 'no', label: 'Not yet: I know something should change' },
    ],
  },
]);

export interface CoachingQuestionnaireAnswers {
  /** 1 (prefers exploration) … 5 (prefers structure). */
  structure: number;
  /** 1 (little need for affirmation) … 5 (strong need). */
  affirmation: number;
  /** Whether the mentee can already name a goal. Optional. */
  goalClarity?: 'yes' | 'partly' | 'no';
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
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) invalidInput(path, `\`${path}\` must be a whole number from 1 to 5 (got ${JSON.stringify(value)}).`);
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
export function recommendCoachingModel(answers: CoachingQuestionnaireAnswers): CoachingRecommendation {
  if (typeof answers !== 'object' || answers === null) invalidInput('answers', '`answers` must be an object such as { structure: 4, affirmation: 2 }.');
  const structure = scaleAnswer(answers.structure, 'answers.structure');
  const affirmation = scaleAnswer(answers.affirmation, 'answers.affirmation');
  const goalClarity = answers.goalClarity;
  if (goalClarity !== undefined && goalClarity !== 'yes' && goalClarity !== 'partly' && goalClarity !== 'no') invalidInput('answers.goalClarity', '`answers.goalClarity` must be "yes", "partly" or "no".');
  const reasons: string[] = [];
  const structurePart = structure - 3;
  if (structurePart > 0) reasons.push('You prefer structure: GROW walks four clear steps from a goal to committed actions.');
  else if (structurePart < 0) reasons.push('You prefer to explore: OSKAR starts from the future you want and builds on what already works.');
  else reasons.push('Structure or exploration: either suits you.');
  const affirmationPart = -(affirmation - 3);
  if (affirmationPart < 0) reasons.push('Affirmation helps you: OSKAR names your strengths and progress at every session.');
  else if (affirmationPart > 0) reasons.push('You like a frank look at the gaps: GROW’s Reality step is exactly that.');
  else reasons.push('A mix of challenge and encouragement suits you: both models offer it.');
  const goalPart = goalClarity === 'yes' ? 1 : goalClarity === 'no' ? -1 : 0;
  if (goalClarity === 'yes') reasons.push('You already know your goal: GROW starts from it.');
  else if (goalClarity === 'no') reasons.push('Your goal is still taking shape: OSKAR’s Outcome step helps you describe it.');
  const score = structurePart + affirmationPart + goalPart;
  const modelId = score >= 0 ? 'grow' : 'oskar';
  if (score === 0) reasons.push('Your answers balance out; GROW is suggested as the more widely known model, and OSKAR suits you just as well.');
  return { modelId, alternativeId: modelId === 'grow' ? 'oskar' : 'grow', score, strength: Math.abs(score) <= 1 ? 'slight' : 'clear', reasons };
}
