export * from './errors.js';
export * from './primitives.js';
export * from './limits.js';
export * from './entities.js';
export * from './availability.js';
export { languageCatalogue, languageOf, registerLanguageCatalogue } from './languages.js';
export { parseOrThrow, invalidInput, issuePath } from './validate.js';
export type { AnySchema } from './validate.js';
