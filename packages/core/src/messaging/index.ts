/**
 * @mentorkit/core/messaging — asynchronous conversation per pairing: text and voice notes, read
 * markers, edits and deletes with an audit trail, search, quiet hours and notification hooks,
 * co-mentors' shared notes, and `linkify` for rendering links safely. Install with
 * `kit.use(messagingFeature)`. `unreadCountsOf(kit)` gives the unread counts without the commands.
 */
export * from './linkify.js';
export * from './quiet-hours.js';
export * from './threads.js';
export * from './feature.js';
export * from './unread.js';
