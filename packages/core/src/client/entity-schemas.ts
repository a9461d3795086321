/**
 * What the client's people, programme and pairing commands validate with (valibot and the entity
 * schemas). `createMentorKit` imports this module on first use (and prefetches it once the first load
 * is done), so a page that only shows data does not ship the schemas in its first load.
 */
export { PersonInputSchema } from '../model/person.js';
export { ProgramInputSchema } from '../model/program.js';
export { PairingInputSchema } from '../model/pairing.js';
export { parseOrThrow } from '../model/validate.js';
