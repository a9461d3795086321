/**
 * @mentorkit/core/feedback — feedback after every session: requests, the structured note,
 * reminders, insights (trend, response rate, themes, sessions without feedback), programme
 * roll-ups and mentor-training recommendations. Install with `kit.use(feedbackFeature)`.
 */
export * from './text.js';
export * from './requests.js';
export * from './insights.js';
export * from './training.js';
export * from './feature.js';
