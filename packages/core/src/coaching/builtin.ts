import { parseCoachingModel, type CoachingModel } from './model.js';

/**
 * GROW (Goal, Reality, Options, Will; Whitmore, "Coaching for Performance"): starts from the goal,
 * looks at reality honestly, widens the options, then commits to actions. Suits people who like
 * structure and arrive with a goal in mind. Actions in Will become goals or milestones.
 */
export const GROW: CoachingModel = parseCoachingModel(
  {
    id: 'grow',
    name: 'GROW',
    description: 'Goal, Reality, Options, Will: start from what you want, look honestly at where you are, widen the options, then commit to next steps.',
    topicPromptId: 'goal-what',
    steps: [
      {
        id: 'goal',
        title: 'Goal',
        purpose: 'Agree what you want to achieve, stated so that you will both know when you have got there.',
        prompts: [
          {
            id: 'goal-what',
            kind: 'text',
            text: 'What do you want to achieve?',
            help: 'Say it as an outcome you would recognise: what will be different?',
            required: true,
          },
          { id: 'goal-session', kind: 'text', text: 'What would make this conversation worthwhile for you today?' },
          { id: 'goal-success', kind: 'text', text: 'How will you know you have achieved it? What will you see, hear or be able to measure?' },
          { id: 'goal-why', kind: 'text', text: 'Why does this matter to you now?' },
        ],
      },
      {
        id: 'reality',
        title: 'Reality',
        purpose: 'Describe where things stand today, with facts rather than judgements, before looking for solutions.',
        prompts: [
          { id: 'reality-now', kind: 'text', text: 'What is happening now? Give one or two concrete examples.', required: true },
          { id: 'reality-tried', kind: 'text', text: 'What have you tried so far, and what did it change?' },
          { id: 'reality-obstacles', kind: 'list', text: 'What is getting in the way?', help: 'One obstacle per line.' },
          {
            id: 'reality-position',
            kind: 'scale',
            text: 'How close are you to your goal today?',
            min: 0,
            max: 10,
            minLabel: 'Not started',
            maxLabel: 'Already there',
          },
        ],
      },
      {
        id: 'options',
        title: 'Options',
        purpose: 'Widen the possibilities before choosing one: at this stage every idea counts.',
        prompts: [
          {
            id: 'options-list',
            kind: 'list',
            text: 'What could you do? List every option, even the unlikely ones.',
            help: 'One option per line.',
            required: true,
          },
          { id: 'options-admired', kind: 'text', text: 'What would someone you admire do in your place?' },
          { id: 'options-unlimited', kind: 'text', text: 'If time, money and permission were no object, what would you try?' },
          { id: 'options-best', kind: 'text', text: 'Which option appeals to you most, and why?' },
        ],
      },
      {
        id: 'will',
        title: 'Will',
        purpose: 'Commit to specific next steps with dates, and name what could get in the way.',
        prompts: [
          { id: 'will-actions', kind: 'list', text: 'What will you do?', help: 'One action per line; each can become a goal.', required: true, actions: true },
          { id: 'will-when', kind: 'text', text: 'When will you do each of them?' },
          { id: 'will-obstacles', kind: 'text', text: 'What could stop you, and how will you get around it?' },
          { id: 'will-support', kind: 'text', text: 'What support do you need, and from whom?' },
          {
            id: 'will-commitment',
            kind: 'scale',
            text: 'How committed are you to these actions?',
            min: 0,
            max: 10,
            minLabel: 'Not at all',
            maxLabel: 'Completely',
          },
        ],
      },
    ],
  },
  { allowBuiltInId: true },
);

/**
 * OSKAR (Outcome, Scaling, Know-how, Affirm + Action, Review; Jackson and McKergow, "The Solutions
 * Focus"): solution-focused and affirming; builds on what already works and moves one point up a
 * 0–10 scale at a time. Suits people who prefer to explore and who benefit from affirmation.
 * Review looks back at the previous OSKAR run of the pairing.
 */
export const OSKAR: CoachingModel = parseCoachingModel(
  {
    id: 'oskar',
    name: 'OSKAR',
    description:
      'Outcome, Scaling, Know-how, Affirm + Action, Review: describe the future you want, find what already works, and take small steps up the scale.',
    topicPromptId: 'outcome-what',
    steps: [
      {
        id: 'outcome',
        title: 'Outcome',
        purpose: 'Describe the future you want, in your own words, and what this conversation should bring.',
        prompts: [
          { id: 'outcome-what', kind: 'text', text: 'What outcome do you want? What will be different when things are better?', required: true },
          { id: 'outcome-today', kind: 'text', text: 'What do you want from our conversation today?' },
          { id: 'outcome-miracle', kind: 'text', text: 'Imagine the problem disappeared overnight. What is the first thing you would notice?' },
        ],
      },
      {
        id: 'scaling',
        title: 'Scaling',
        purpose: 'Place today on a scale where 10 is the outcome fully achieved, and choose where you want to be next.',
        prompts: [
          {
            id: 'scaling-now',
            kind: 'scale',
            text: 'Where are you today on a scale of 0 to 10?',
            help: '10 is the outcome fully achieved; 0 is the opposite.',
            required: true,
            min: 0,
            max: 10,
            minLabel: 'Nowhere yet',
            maxLabel: 'Fully achieved',
          },
          {
            id: 'scaling-target',
            kind: 'scale',
            text: 'Where do you want to be by our next conversation?',
            required: true,
            min: 0,
            max: 10,
            minLabel: 'Nowhere yet',
            maxLabel: 'Fully achieved',
          },
          { id: 'scaling-why', kind: 'text', text: 'What puts you at that number rather than at zero?' },
        ],
      },
      {
        id: 'know-how',
        title: 'Know-how',
        purpose: 'Find the skills, resources and past successes that already work, and build on them.',
        prompts: [
          { id: 'know-how-working', kind: 'text', text: 'What is already working, even a little?', required: true },
          { id: 'know-how-before', kind: 'text', text: 'When have you handled something like this well before? What did you do?' },
          { id: 'know-how-resources', kind: 'list', text: 'Which skills, people and resources can you draw on?', help: 'One per line.' },
        ],
      },
      {
        id: 'affirm-action',
        title: 'Affirm + Action',
        purpose: 'Name the strengths you have heard, then choose small next steps that move you one point up the scale.',
        prompts: [
          {
            id: 'affirm-strengths',
            kind: 'text',
            text: 'Which strengths and progress have we heard today?',
            help: 'Mentor: say what impressed you. Mentee: say what you are proud of.',
          },
          {
            id: 'action-steps',
            kind: 'list',
            text: 'What small steps will move you one point up the scale?',
            help: 'One step per line; each can become a goal.',
            required: true,
            actions: true,
          },
          { id: 'action-first', kind: 'text', text: 'Which one will you take first, and when?' },
        ],
      },
      {
        id: 'review',
        title: 'Review',
        purpose: 'Look back since last time: what is better, what helped, and what to keep doing.',
        reviewsPreviousRun: true,
        prompts: [
          { id: 'review-better', kind: 'text', text: 'What is better since last time?', help: 'Your previous OSKAR session is shown here when there is one.' },
          { id: 'review-helped', kind: 'text', text: 'What did you do that made the difference?' },
          { id: 'review-next', kind: 'text', text: 'What will you keep doing, and what will you do differently?' },
        ],
      },
    ],
  },
  { allowBuiltInId: true },
);

/** The built-in models by id. */
export const BUILT_IN_MODELS: Readonly<Record<'grow' | 'oskar', CoachingModel>> = Object.freeze({ grow: GROW, oskar: OSKAR });
