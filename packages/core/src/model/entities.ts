// The domain model, one module per entity (so bundlers keep only what a page uses).
export * from './collections.js';
export * from './person.js';
export * from './program.js';
export * from './pairing.js';
export * from './agreement.js';
export * from './session.js';
export * from './goal.js';
export * from './coaching-run.js';
export * from './feedback.js';
export * from './message.js';
export * from './rapport.js';
export * from './pairing-round.js';
export * from './calendar-busy.js';
export * from './concern.js';
