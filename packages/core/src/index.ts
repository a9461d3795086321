/**
 * @mentorkit/core — isomorphic domain model, storage contract, policy and client.
 * Feature modules are also available as subpaths (`@mentorkit/core/storage`, `/policy`, `/model`,
 * `/testing`) so bundlers can keep only what a page uses.
 */
export * from './model/index.js';
export * from './storage/index.js';
export * from './policy/index.js';
export * from './model/pairing-roles.js';
export * from './time/index.js';
export * from './client/index.js';
