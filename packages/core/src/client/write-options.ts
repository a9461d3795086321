import { invalidInput } from '../model/validate.js';
import type { WriteOptions } from './client.js';

/** Checks the `{ expectedRevision }` options every write command takes. */
export function validateWriteOptions(options: unknown, path = 'options'): WriteOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) invalidInput(path, 'Options must be an object such as { expectedRevision: 3 }.');
  const expected = (options as WriteOptions).expectedRevision;
  if (expected !== undefined && (!Number.isInteger(expected) || expected < 1))
    invalidInput(`${path}.expectedRevision`, '`expectedRevision` must be a revision number 1 or higher.');
  return options as WriteOptions;
}
