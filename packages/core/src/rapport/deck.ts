import { invalidInput } from '../model/validate.js';

/**
 * Rapport: prompts that open a meeting. Icebreakers get people talking (about work, or deliberately
 * not); check-ins take the temperature at the start of a session. Each prompt is tagged by topic
 * and tone so a pair can ask for, say, a light non-work prompt on a Monday morning.
 */

export type IcebreakerTopic = 'work' | 'non-work';
/** `light`: easy and quick; `playful`: a bit of fun; `reflective`: invites a more personal answer. */
export type IcebreakerTone = 'light' | 'playful' | 'reflective';
/** `icebreaker`: to get talking; `check-in`: how someone arrives at this session. */
export type IcebreakerKind = 'icebreaker' | 'check-in';

export interface Icebreaker {
  readonly id: string;
  readonly text: string;
  readonly topic: IcebreakerTopic;
  readonly tone: IcebreakerTone;
  readonly kind: IcebreakerKind;
}

const prompt = (id: string, topic: IcebreakerTopic, tone: IcebreakerTone, text: string, kind: IcebreakerKind = 'icebreaker'): Icebreaker =>
  Object.freeze({ id, text, topic, tone, kind });

/** The built-in deck: 45 prompts, work and non-work, light to reflective, icebreakers and check-ins. */
export const ICEBREAKER_DECK: readonly Icebreaker[] = Object.freeze([
  // Work
  prompt('small-win', 'work', 'light', 'What is one small win from your week?'),
  prompt('great-workday', 'work', 'light', 'What does a great workday look like for you?'),
  prompt('time-saver', 'work', 'light', 'Which tool or shortcut saves you the most time?'),
  prompt('first-job', 'work', 'light', 'What was your first job, and what did it teach you?'),
  prompt('desk-object', 'work', 'light', 'What is on your desk, or your screen, right now that says something about you?'),
  prompt('one-meeting', 'work', 'light', 'If you could keep only one meeting of your week, which would it be?'),
  prompt('changed-mind', 'work', 'reflective', 'What have you changed your mind about at work this year?'),
  prompt('best-teacher', 'work', 'reflective', 'Who has taught you the most in your career so far, and how?'),
  prompt('energy', 'work', 'reflective', 'Which part of your work gives you energy, and which part drains it?'),
  prompt('earlier-advice', 'work', 'reflective', 'What advice do you wish you had heard earlier in your career?'),
  prompt('quiet-pride', 'work', 'reflective', 'Which skill are you quietly proud of?'),
  prompt('stuck', 'work', 'reflective', 'When did you last feel stuck at work, and what got you moving again?'),
  prompt('known-for', 'work', 'reflective', 'What would you like people to come to you for in two years?'),
  prompt('theme-song', 'work', 'playful', 'If your job had a theme song, what would it be?'),
  prompt('strange-explain', 'work', 'playful', 'What is the strangest thing you have had to explain to a colleague?'),
  prompt('swap-jobs', 'work', 'playful', 'If you could swap jobs with anyone in your organisation for a day, whose job would you take?'),
  prompt('forecast', 'work', 'playful', 'Describe your work week as a weather forecast.'),
  // Non-work
  prompt('last-weekend', 'non-work', 'light', 'What did you enjoy most last weekend?'),
  prompt('reading-watching', 'non-work', 'light', 'What are you reading, watching or listening to at the moment?'),
  prompt('signature-dish', 'non-work', 'light', 'Which dish could you cook without a recipe?'),
  prompt('the-view', 'non-work', 'light', 'What can you see if you look out of the nearest window?'),
  prompt('small-purchase', 'non-work', 'light', 'What is the best thing you have bought for very little money?'),
  prompt('morning-night', 'non-work', 'light', 'Morning person or night owl? What does that look like for you?'),
  prompt('laugh', 'non-work', 'light', 'What was the last thing that made you laugh out loud?'),
  prompt('instant-skill', 'non-work', 'playful', 'Which skill would you love to learn instantly?'),
  prompt('dinner-guest', 'non-work', 'playful', 'If you could have dinner with anyone, living or not, who would it be?'),
  prompt('unusual-hobby', 'non-work', 'playful', 'What is your most unusual hobby, or the one you would like to have?'),
  prompt('free-afternoon', 'non-work', 'playful', 'You have a free afternoon with no obligations. How do you spend it?'),
  prompt('local-knowledge', 'non-work', 'playful', 'What is the best piece of local knowledge about where you live?'),
  prompt('fictional-world', 'non-work', 'playful', 'Which fictional world would you live in for a week?'),
  prompt('got-lost', 'non-work', 'playful', 'Tell the story of a time you got lost.'),
  prompt('looking-forward', 'non-work', 'reflective', 'What are you looking forward to this month?'),
  prompt('feels-like-home', 'non-work', 'reflective', 'Which place feels like home to you, and why?'),
  prompt('tradition', 'non-work', 'reflective', 'Which tradition from your family or culture do you love?'),
  prompt('learned-outside', 'non-work', 'reflective', 'What have you learned recently outside work?'),
  prompt('recharge', 'non-work', 'reflective', 'What helps you recharge after a demanding week?'),
  prompt('admire', 'non-work', 'reflective', 'Who do you admire outside work, and why?'),
  // Check-ins
  prompt('one-word', 'non-work', 'light', 'In one word, how are you arriving today?', 'check-in'),
  prompt('attention', 'work', 'light', 'What is taking most of your attention this week?', 'check-in'),
  prompt('energy-scale', 'non-work', 'light', 'From 1 to 10, how is your energy today, and what would add one point?', 'check-in'),
  prompt('better-than-expected', 'work', 'reflective', 'What went better than expected since we last spoke?', 'check-in'),
  prompt('fully-here', 'non-work', 'reflective', 'Is there anything on your mind we should name before we start, so you can be fully here?', 'check-in'),
  prompt('useful-hour', 'work', 'light', 'What would make this hour useful for you?', 'check-in'),
  prompt('grateful', 'non-work', 'reflective', 'What is one thing you are grateful for this week?', 'check-in'),
  prompt('surprised', 'work', 'playful', 'What surprised you since our last conversation?', 'check-in'),
]);

export interface InformalFormat {
  readonly id: string;
  readonly name: string;
  readonly kind: 'virtual-lunch' | 'team-building' | 'walk-and-talk' | 'co-working';
  readonly durationMinutes: number;
  /** One line saying what it is for. */
  readonly summary: string;
  /** Short steps, in order. */
  readonly instructions: readonly string[];
}

/** Informal formats a pair (or a group) can use between formal sessions. */
export const INFORMAL_FORMATS: readonly InformalFormat[] = Object.freeze(
  [
    {
      id: 'virtual-lunch',
      name: 'Virtual lunch',
      kind: 'virtual-lunch',
      durationMinutes: 40,
      summary: 'Eat together on video, with no agenda: the relationship is the point.',
      instructions: [
        'Pick a time that is a mealtime for both of you; it may be breakfast for one and dinner for the other.',
        'Cameras on if you are comfortable; food welcome, agenda not.',
        'Start with a non-work icebreaker and keep work talk out of the first fifteen minutes.',
        'Show each other something from where you are: the view, a pet, what is on your plate.',
        'Before you hang up, agree when the next one is.',
      ],
    },
    {
      id: 'two-truths-and-a-lie',
      name: 'Two truths and a lie',
      kind: 'team-building',
      durationMinutes: 15,
      summary: 'A quick team-building game that works for a pair, co-mentors, or a mentoring group.',
      instructions: [
        'Each person thinks of three statements about themselves: two true, one invented.',
        'Take turns to say your three; the others ask one question each, then guess the lie.',
        'Reveal the answer and tell the story behind one of the truths.',
        'Keep it light: choose statements you are happy to share.',
      ],
    },
    {
      id: 'walk-and-talk',
      name: 'Walk and talk',
      kind: 'walk-and-talk',
      durationMinutes: 30,
      summary: 'An audio-only call while both of you walk outside: easier to think, no screens.',
      instructions: [
        'Agree the time and a single question to talk about, or none.',
        'Audio only, headphones in, phones in pockets.',
        'Describe where you are walking at the start; notice the difference in your time zones.',
        'Afterwards, each of you writes down one thing worth remembering.',
      ],
    },
    {
      id: 'co-working-hour',
      name: 'Co-working hour',
      kind: 'co-working',
      durationMinutes: 60,
      summary: 'Work quietly on your own tasks in the same video call, with a check-in at each end.',
      instructions: [
        'Open with two minutes each: what you will work on in this hour.',
        'Mute and work; leave cameras on if that helps you focus.',
        'Close with two minutes each: what you got done and what got in the way.',
      ],
    },
  ].map((format) => Object.freeze({ ...format, instructions: Object.freeze(format.instructions) }) as InformalFormat),
);

export interface IcebreakerFilter {
  topic?: IcebreakerTopic;
  tones?: readonly IcebreakerTone[];
  kind?: IcebreakerKind;
}

export interface DealIcebreakerOptions {
  /** Ids of the prompts already dealt to this pair, oldest first (the rapport feature stores them). */
  history?: readonly string[];
  /** Makes the order reproducible; the rapport feature uses the pairing id, so each pair has its own order. */
  seed: string;
  /** Default: `ICEBREAKER_DECK`. */
  deck?: readonly Icebreaker[];
  filter?: IcebreakerFilter;
}

export interface DealtIcebreaker {
  prompt: Icebreaker;
  /** 1 the first time through the (filtered) deck, 2 the second time, … */
  round: number;
  /** Prompts of the (filtered) deck not yet dealt in this round, after this one. */
  remaining: number;
}

/** FNV-1a, 32-bit: a small, stable string hash for ordering (not for security). */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

const TOPICS = ['work', 'non-work'];
const TONES = ['light', 'playful', 'reflective'];
const KINDS = ['icebreaker', 'check-in'];

/** The prompts of `deck` that match `filter`. */
export function filterDeck(deck: readonly Icebreaker[], filter: IcebreakerFilter = {}): Icebreaker[] {
  if (typeof filter !== 'object' || filter === null) invalidInput('filter', '`filter` must be an object such as { topic: "non-work", tones: ["light"] }.');
  if (filter.topic !== undefined && !TOPICS.includes(filter.topic)) invalidInput('filter.topic', '`filter.topic` must be "work" or "non-work".');
  if (filter.kind !== undefined && !KINDS.includes(filter.kind)) invalidInput('filter.kind', '`filter.kind` must be "icebreaker" or "check-in".');
  if (filter.tones !== undefined && (!Array.isArray(filter.tones) || filter.tones.length === 0 || filter.tones.some((tone) => !TONES.includes(tone)))) {
    invalidInput('filter.tones', '`filter.tones` must be a non-empty list of "light", "playful" and "reflective".');
  }
  return deck.filter(
    (item) =>
      (filter.topic === undefined || item.topic === filter.topic) &&
      (filter.kind === undefined || item.kind === filter.kind) &&
      (filter.tones === undefined || filter.tones.includes(item.tone)),
  );
}

/**
 * Deals the next prompt for a pair: never one the pair has had until every prompt of the
 * (filtered) deck has been dealt as often, then a new round in a different order. Deterministic:
 * the same seed and history always deal the same prompt.
 *
 * How: among the matching prompts, those dealt the fewest times so far; of those, the one whose
 * hash of `seed|round|id` is smallest (a shuffled order per pair and per round).
 */
export function dealIcebreaker(options: DealIcebreakerOptions): DealtIcebreaker {
  if (typeof options !== 'object' || options === null) invalidInput('options', 'dealIcebreaker needs { seed, history? }.');
  const { seed, history = [], deck = ICEBREAKER_DECK } = options;
  if (typeof seed !== 'string' || seed === '') invalidInput('seed', '`seed` must be a non-empty string, e.g. the pairing id.');
  if (!Array.isArray(history) || history.some((id) => typeof id !== 'string')) invalidInput('history', '`history` must be a list of prompt ids.');
  if (!Array.isArray(deck) || deck.length === 0) invalidInput('deck', '`deck` must be a non-empty list of prompts.');
  const candidates = filterDeck(deck, options.filter);
  if (candidates.length === 0) invalidInput('filter', 'No prompt of the deck matches this filter; widen it.');
  const counts = new Map<string, number>(candidates.map((item) => [item.id, 0]));
  for (const id of history) {
    const count = counts.get(id);
    if (count !== undefined) counts.set(id, count + 1);
  }
  const fewest = Math.min(...counts.values());
  const pool = candidates.filter((item) => counts.get(item.id) === fewest);
  let best = pool[0]!;
  let bestKey = hash(`${seed}|${fewest}|${best.id}`);
  for (const item of pool.slice(1)) {
    const key = hash(`${seed}|${fewest}|${item.id}`);
    if (key < bestKey || (key === bestKey && item.id < best.id)) {
      best = item;
      bestKey = key;
    }
  }
  return { prompt: best, round: fewest + 1, remaining: pool.length - 1 };
}

/** A prompt of the built-in deck (or `deck`) by id. */
export function findIcebreaker(id: string, deck: readonly Icebreaker[] = ICEBREAKER_DECK): Icebreaker | undefined {
  return deck.find((item) => item.id === id);
}
